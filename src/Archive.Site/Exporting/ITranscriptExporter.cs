using Archive.Core.Model;

namespace Archive.Site.Exporting;

/// <summary>
/// Writes an episode's normalized transcript in a format other tools read. Each file is named
/// after the episode and written into its folder (<c>episodes/x/x.vtt</c>); the archive's own
/// readers read every one of them back into the same episode.
/// </summary>
public interface ITranscriptExporter
{
    /// <summary>What the file name ends with: <c>.vtt</c>, <c>.chapters.json</c>…</summary>
    string Suffix { get; }
    /// <summary>What a reader of the page is offered: "WebVTT captions".</summary>
    string Label { get; }
    /// <summary>The short format name shown beside the label: "VTT".</summary>
    string Format { get; }
    /// <summary>The file's media type, as feeds announce it (<c>text/vtt</c>, <c>application/json+chapters</c>…).</summary>
    string MediaType { get; }
    /// <summary>False when the episode lacks what the format needs (times for captions, chapters for a chapters file).</summary>
    bool CanWrite(Episode episode);
    string Write(Episode episode);
}

/// <summary>Every exporter, in the order downloads are offered.</summary>
public static class TranscriptExporters
{
    public static readonly IReadOnlyList<ITranscriptExporter> All =
    [
        new PlainTextExporter(),
        new WebVttExporter(),
        new SrtExporter(),
        new PodcastTranscriptJsonExporter(),
        new PodcastChaptersJsonExporter(),
    ];

    public static IEnumerable<ITranscriptExporter> For(Episode episode) => All.Where(x => x.CanWrite(episode));
}
