using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Archive.Core.Model;

/// <summary>
/// The normalized episode as JSON: what golden tests compare and <c>archive check --json</c>
/// prints. Stable field order, times as <c>hh:mm:ss.fff</c>.
/// </summary>
public static class EpisodeJson
{
    public static readonly JsonSerializerOptions Options = new()
    {
        WriteIndented = true,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
    };

    public sealed record ParagraphJson(string? Speaker, string? Start, string Text);
    public sealed record ChapterJson(string Title, string? Start, int FirstParagraph);
    public sealed record EpisodeRecord(
        string Title, string? Show, string? Date, string? Duration, IReadOnlyList<string> Speakers,
        IReadOnlyList<string> Topics, string? Summary, string? Media, bool? Truncated,
        IReadOnlyList<ChapterJson> Chapters, IReadOnlyList<ParagraphJson> Paragraphs);

    public static EpisodeRecord ToRecord(Episode e) => new(
        e.Title, e.Show, e.Date?.ToString("yyyy-MM-dd"), Time(e.Duration), e.Speakers, e.Topics, e.Summary, e.MediaUrl,
        e.Truncated ? true : null,
        e.Chapters.Select(c => new ChapterJson(c.Title, Time(c.Start), c.FirstParagraph)).ToList(),
        e.Paragraphs.Select(p => new ParagraphJson(p.Speaker, Time(p.Start), p.Text)).ToList());

    public static string Serialize(Episode e) => JsonSerializer.Serialize(ToRecord(e), Options);

    public static string Serialize(IEnumerable<Episode> episodes) =>
        JsonSerializer.Serialize(episodes.Select(ToRecord).ToList(), Options);

    private static string? Time(TimeSpan? t) => t is { } v ? Timecode.FormatPrecise(v) : null;
}
