using System.Text;
using System.Text.Encodings.Web;
using System.Text.Json;
using Archive.Core.Model;

namespace Archive.Site.Exporting;

/// <summary>
/// Plain text for reading and quoting: the metadata as YAML front matter (title, show, date,
/// length, speakers, topics, summary, media, chapters), then one paragraph per block as
/// <c>[hh:mm:ss] Speaker: text</c>, or <c>[hh:mm:ss] &gt;&gt; text</c> for an unnamed voice
/// (each <c>&gt;&gt;</c> a turn, as captions mark them). Front matter is what every text reader
/// of the archive honours, so the file reads back as the same episode.
/// </summary>
public sealed class PlainTextExporter : ITranscriptExporter
{
    private static readonly JsonSerializerOptions Quoting = new() { Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping };

    public string Suffix => ".txt";
    public string Label => "Plain text";
    public string Format => "TXT";

    public bool CanWrite(Episode episode) => episode.Paragraphs.Count > 0;

    public string Write(Episode episode)
    {
        var sb = new StringBuilder("---\n");
        Field("title", episode.Title);
        Field("show", episode.Show);
        Field("date", episode.Date?.ToString("yyyy-MM-dd"));
        Field("duration", episode.Duration is { } d ? Timecode.FormatPrecise(d) : null);
        List("speakers", episode.Speakers);
        List("topics", episode.Topics);
        Field("summary", episode.Summary);
        Field("media", episode.MediaUrl);
        if (episode.Chapters.Count > 0)
        {
            sb.Append("chapters:\n");
            foreach (var c in episode.Chapters)
            {
                sb.Append("  - title: ").Append(Quote(c.Title)).Append('\n');
                if (PodcastChaptersJsonExporter.StartOf(episode, c) is { } start) sb.Append("    time: ").Append(Quote(Timecode.FormatPrecise(start))).Append('\n');
            }
        }
        sb.Append("---\n");
        foreach (var p in episode.Paragraphs)
        {
            sb.Append('\n');
            if (p.Start is { } t) sb.Append('[').Append(Timecode.FormatPrecise(t)).Append("] ");
            sb.Append(p.Speaker is { } speaker ? speaker + ": " : ">> ");
            sb.Append(CueTimes.OneLine(p.Text)).Append('\n');
        }
        return sb.ToString();

        void Field(string name, string? value)
        {
            if (value is not null) sb.Append(name).Append(": ").Append(Quote(value)).Append('\n');
        }

        void List(string name, IReadOnlyList<string> values)
        {
            if (values.Count > 0) sb.Append(name).Append(": [").Append(string.Join(", ", values.Select(Quote))).Append("]\n");
        }
    }

    /// <summary>A YAML double-quoted scalar: JSON's string syntax is one, escapes and all.</summary>
    private static string Quote(string value) => JsonSerializer.Serialize(value, Quoting);
}
