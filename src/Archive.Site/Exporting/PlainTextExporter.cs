using System.Text;
using Archive.Core.Model;

namespace Archive.Site.Exporting;

/// <summary>
/// Plain text for reading and quoting: a header (title, show and date, summary, the chapters)
/// and a <c>Transcript</c> line, then one paragraph per block as <c>[hh:mm:ss] Speaker: text</c>.
/// </summary>
public sealed class PlainTextExporter : ITranscriptExporter
{
    public string Suffix => ".txt";
    public string Label => "Plain text";
    public string Format => "TXT";

    public bool CanWrite(Episode episode) => episode.Paragraphs.Count > 0;

    public string Write(Episode episode)
    {
        var sb = new StringBuilder();
        sb.Append(episode.Title).Append('\n');
        var facts = new[] { episode.Show, episode.Date?.ToString("yyyy-MM-dd") }.Where(f => f is not null).ToList();
        if (facts.Count > 0) sb.Append(string.Join(" · ", facts)).Append('\n');
        if (episode.Summary is { } summary)
            sb.Append('\n').Append(CueTimes.OneLine(Rendering.MarkdownRenderer.ToPlainText(summary))).Append('\n');
        if (episode.Chapters.Count > 0)
        {
            sb.Append("\nChapters\n");
            foreach (var c in episode.Chapters)
            {
                sb.Append("- ");
                if (PodcastChaptersJsonExporter.StartOf(episode, c) is { } start) sb.Append(Timecode.FormatLong(start)).Append(' ');
                sb.Append(c.Title).Append('\n');
            }
        }
        sb.Append("\nTranscript\n");
        foreach (var p in episode.Paragraphs)
        {
            sb.Append('\n');
            if (p.Start is { } t) sb.Append('[').Append(Timecode.FormatLong(t)).Append("] ");
            if (p.Speaker is { } speaker) sb.Append(speaker).Append(": ");
            sb.Append(CueTimes.OneLine(p.Text)).Append('\n');
        }
        return sb.ToString();
    }
}
