using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Text;
using YamlDotNet.RepresentationModel;

namespace Archive.Core.Reading;

/// <summary>
/// Maps front matter to metadata. The canonical names come first; the others are what other
/// tools export (<c>tags</c>, <c>video_url</c>, <c>channel</c>…). Placeholders count as missing.
/// </summary>
public static class FrontMatterFields
{
    public static readonly string[] Title = ["title", "episode_title", "name"];
    public static readonly string[] Show = ["show", "podcast", "series", "channel", "program"];
    public static readonly string[] Date = ["date", "published", "publish_date", "pubdate", "recorded", "recorded_at", "upload_date"];
    public static readonly string[] Duration = ["duration", "length"];
    public static readonly string[] Speakers = ["speakers", "speaker", "hosts", "host", "guests", "guest", "participants"];
    public static readonly string[] Topics = ["topics", "tags", "keywords"];
    public static readonly string[] Summary = ["summary", "description", "excerpt", "abstract"];
    public static readonly string[] Media = ["media", "media_url", "video_url", "audio_url", "video", "audio", "enclosure", "youtube"];
    public static readonly string[] Slug = ["slug"];
    public static readonly string[] Chapters = ["chapters"];
    public static readonly string[] Highlights = ["highlights"];

    public static RawMetadata ReadMetadata(FrontMatter fm, SourceText source, DiagnosticBag diagnostics)
    {
        var speakers = new List<string>();
        foreach (var key in Speakers)
            foreach (var name in Strings(fm.Get(key)))
                if (!Placeholder.IsPlaceholderName(name) && !speakers.Contains(name, StringComparer.Ordinal))
                    speakers.Add(name);

        var topics = new List<string>();
        foreach (var key in Topics)
            foreach (var topic in Strings(fm.Get(key)))
                if (!Placeholder.IsPlaceholder(topic) && !topics.Contains(topic, StringComparer.OrdinalIgnoreCase))
                    topics.Add(topic);

        DateOnly? date = null;
        var dateNode = fm.Get(Date);
        var dateText = Placeholder.Clean(Scalar(dateNode));
        if (dateText is not null)
        {
            if (DateParser.TryParse(dateText, out var d)) date = d;
            else diagnostics.Warn(source.Path, fm.LineOf(dateNode!), $"date '{dateText}' is not a date the archive can read; write it as YYYY-MM-DD");
        }

        TimeSpan? duration = null;
        var durationNode = fm.Get(Duration);
        var durationText = Placeholder.Clean(Scalar(durationNode));
        if (durationText is not null)
        {
            if (Timecode.TryParse(durationText, out var t)) duration = t;
            else diagnostics.Warn(source.Path, fm.LineOf(durationNode!), $"duration '{durationText}' is not a time; write it as hh:mm:ss");
        }

        return new RawMetadata
        {
            Title = Placeholder.Clean(Scalar(fm.Get(Title))),
            Show = Placeholder.Clean(Scalar(fm.Get(Show))),
            Date = date,
            Duration = duration,
            Speakers = speakers,
            Topics = topics,
            Summary = Placeholder.Clean(Scalar(fm.Get(Summary))),
            MediaUrl = Placeholder.Clean(Scalar(fm.Get(Media))),
            Slug = Placeholder.Clean(Scalar(fm.Get(Slug))),
            Highlights = Strings(fm.Get(Highlights)).Where(h => !Placeholder.IsPlaceholder(h)).ToList(),
        };
    }

    /// <summary>
    /// Reads <c>chapters:</c>, a list of <c>{time, title}</c> (also <c>start</c>/<c>startTime</c>),
    /// or of <c>"00:12:34 Title"</c> strings.
    /// </summary>
    public static List<RawChapter> ReadChapters(FrontMatter fm, SourceText source, DiagnosticBag diagnostics)
    {
        var chapters = new List<RawChapter>();
        if (fm.Get(Chapters) is not YamlSequenceNode list) return chapters;
        foreach (var item in list)
        {
            int line = fm.LineOf(item);
            string? title = null, time = null;
            if (item is YamlMappingNode map)
            {
                foreach (var (k, v) in map.Children)
                {
                    var key = (k as YamlScalarNode)?.Value?.ToLowerInvariant();
                    if (key is "title" or "name" or "label") title = Scalar(v);
                    else if (key is "time" or "start" or "starttime" or "start_time" or "at" or "timestamp") time = Scalar(v);
                }
            }
            else if (item is YamlScalarNode scalar && scalar.Value is { } text)
            {
                var space = text.IndexOf(' ');
                if (space > 0 && Timecode.TryParse(text[..space], out _)) { time = text[..space]; title = text[(space + 1)..].TrimStart(' ', '-', '–', '—'); }
                else title = text;
            }
            title = Placeholder.Clean(title);
            if (title is null)
            {
                diagnostics.Warn(source.Path, line, "chapter without a title was skipped");
                continue;
            }
            TimeSpan? start = null;
            if (!string.IsNullOrWhiteSpace(time))
            {
                if (Timecode.TryParse(time, out var t)) start = t;
                else diagnostics.Warn(source.Path, line, $"chapter '{title}': '{time}' is not a time; the chapter is placed by its title instead");
            }
            chapters.Add(new RawChapter(title, start, null, line, ChapterOrigin.Explicit));
        }
        return chapters;
    }

    public static string? Scalar(YamlNode? node) => node switch
    {
        YamlScalarNode s => s.Value,
        YamlSequenceNode seq => seq.Children.OfType<YamlScalarNode>().Select(s => s.Value).FirstOrDefault(),
        _ => null,
    };

    /// <summary>A list of strings from a sequence, or from one comma-separated scalar.</summary>
    public static IEnumerable<string> Strings(YamlNode? node) => node switch
    {
        YamlSequenceNode seq => seq.Children
            .Select(c => c is YamlMappingNode m ? Scalar(m.Children.Values.FirstOrDefault()) : Scalar(c))
            .Where(s => !string.IsNullOrWhiteSpace(s)).Select(s => s!.Trim()),
        YamlScalarNode { Value: { } v } when v.Trim().Length > 0 =>
            v.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries),
        _ => [],
    };
}
