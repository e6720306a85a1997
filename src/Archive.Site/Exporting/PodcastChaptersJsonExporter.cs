using Archive.Core.Model;

namespace Archive.Site.Exporting;

/// <summary>
/// Podcasting 2.0 chapters (<c>chapters[].startTime/title</c>), for episodes whose chapters all
/// have a time: their own, or their first paragraph's.
/// </summary>
public sealed class PodcastChaptersJsonExporter : ITranscriptExporter
{
    public string Suffix => ".chapters.json";
    public string Label => "Podcasting 2.0 chapters";
    public string Format => "JSON";
    public string MediaType => "application/json+chapters";

    public bool CanWrite(Episode episode) => episode.Chapters.Count > 0 && episode.Chapters.All(c => StartOf(episode, c) is not null);

    public string Write(Episode episode) => PodcastJson.Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("version", "1.2.0");
        json.WriteString("title", episode.Title);
        json.WriteStartArray("chapters");
        foreach (var chapter in episode.Chapters)
        {
            json.WriteStartObject();
            PodcastJson.Seconds(json, "startTime", StartOf(episode, chapter)!.Value);
            json.WriteString("title", chapter.Title);
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    });

    /// <summary>When a chapter starts: its own time, else its first paragraph's.</summary>
    public static TimeSpan? StartOf(Episode episode, Chapter chapter) =>
        chapter.Start ?? (chapter.FirstParagraph < episode.Paragraphs.Count ? episode.Paragraphs[chapter.FirstParagraph].Start : null);
}
