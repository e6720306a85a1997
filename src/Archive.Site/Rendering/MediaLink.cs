using System.Globalization;

namespace Archive.Site.Rendering;

/// <summary>
/// An episode's media URL and how to open it at a moment: YouTube takes <c>t=</c> in the query,
/// Vimeo and media files a <c>#t=</c> fragment (the Media Fragments URI syntax browsers play).
/// Other pages (a show's website) cannot be opened at a time, so they get no moment links.
/// </summary>
public sealed class MediaLink
{
    /// <summary>Media files by extension: what they are and their media type (for feeds' enclosures).</summary>
    private static readonly Dictionary<string, (MediaKind Kind, string Type)> Files = new(StringComparer.OrdinalIgnoreCase)
    {
        [".mp3"] = (MediaKind.Audio, "audio/mpeg"), [".m4a"] = (MediaKind.Audio, "audio/mp4"), [".aac"] = (MediaKind.Audio, "audio/aac"),
        [".ogg"] = (MediaKind.Audio, "audio/ogg"), [".oga"] = (MediaKind.Audio, "audio/ogg"), [".opus"] = (MediaKind.Audio, "audio/opus"),
        [".wav"] = (MediaKind.Audio, "audio/wav"), [".flac"] = (MediaKind.Audio, "audio/flac"),
        [".mp4"] = (MediaKind.Video, "video/mp4"), [".m4v"] = (MediaKind.Video, "video/mp4"), [".webm"] = (MediaKind.Video, "video/webm"),
        [".mov"] = (MediaKind.Video, "video/quicktime"), [".ogv"] = (MediaKind.Video, "video/ogg"),
    };

    public enum MediaKind { Page, Audio, Video, YouTube, Vimeo }

    private MediaLink(Uri uri, MediaKind kind)
    {
        Uri = uri;
        Kind = kind;
    }

    public Uri Uri { get; }
    public MediaKind Kind { get; }
    public string Url => Uri.AbsoluteUri;
    public bool CanSeek => Kind != MediaKind.Page;

    /// <summary>The media type of an audio or video file (<c>audio/mpeg</c>); null for a page or a video site.</summary>
    public string? FileType => Kind is MediaKind.Audio or MediaKind.Video ? Files[Path.GetExtension(Uri.AbsolutePath)].Type : null;

    /// <summary>The media link for an http(s) URL; null for anything else (a script scheme, a typo).</summary>
    public static MediaLink? From(string? url)
    {
        if (url is null || !Uri.TryCreate(url.Trim(), UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https"))
            return null;
        var host = uri.Host.ToLowerInvariant();
        if (host.StartsWith("www.", StringComparison.Ordinal)) host = host[4..];
        var kind = host switch
        {
            "youtube.com" or "m.youtube.com" or "music.youtube.com" or "youtu.be" or "youtube-nocookie.com" => MediaKind.YouTube,
            "vimeo.com" or "player.vimeo.com" => MediaKind.Vimeo,
            _ => Files.TryGetValue(Path.GetExtension(uri.AbsolutePath), out var file) ? file.Kind : MediaKind.Page,
        };
        return new MediaLink(uri, kind);
    }

    /// <summary>The URL that opens the media at <paramref name="time"/>, or null when it cannot seek.</summary>
    public string? At(TimeSpan time) => AtSeconds(((long)Math.Max(0, time.TotalSeconds)).ToString(CultureInfo.InvariantCulture));

    /// <summary>
    /// <see cref="At"/> with <paramref name="placeholder"/> where the seconds go, for a script that
    /// knows the time only in the browser (the search page's "play from here"); null when it cannot seek.
    /// </summary>
    public string? Template(string placeholder) => AtSeconds(placeholder);

    private string? AtSeconds(string seconds)
    {
        switch (Kind)
        {
            case MediaKind.YouTube:
            {
                var query = Uri.Query.TrimStart('?').Split('&', StringSplitOptions.RemoveEmptyEntries)
                    .Where(p => !p.StartsWith("t=", StringComparison.Ordinal) && !p.StartsWith("start=", StringComparison.Ordinal))
                    .Append("t=" + seconds);
                return Uri.GetLeftPart(UriPartial.Path) + "?" + string.Join('&', query);
            }
            case MediaKind.Vimeo:
                return Uri.GetLeftPart(UriPartial.Query) + "#t=" + seconds + "s";
            case MediaKind.Audio or MediaKind.Video:
                return Uri.GetLeftPart(UriPartial.Query) + "#t=" + seconds;
            default:
                return null;
        }
    }
}
