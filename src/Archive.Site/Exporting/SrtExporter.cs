using System.Globalization;
using System.Text;
using Archive.Core.Model;

namespace Archive.Site.Exporting;

/// <summary>SubRip: numbered cues, one per paragraph, the speaker as <c>Name: </c> before the text.</summary>
public sealed class SrtExporter : ITranscriptExporter
{
    public string Suffix => ".srt";
    public string Label => "SubRip subtitles";
    public string Format => "SRT";
    public string MediaType => "application/x-subrip";

    public bool CanWrite(Episode episode) => CueTimes.AllTimed(episode);

    public string Write(Episode episode)
    {
        var sb = new StringBuilder();
        var cues = CueTimes.Of(episode);
        for (int i = 0; i < cues.Count; i++)
        {
            var p = episode.Paragraphs[i];
            if (i > 0) sb.Append('\n');
            sb.Append((i + 1).ToString(CultureInfo.InvariantCulture)).Append('\n')
              .Append(Stamp(cues[i].Start)).Append(" --> ").Append(Stamp(cues[i].End)).Append('\n');
            if (p.Speaker is { } speaker) sb.Append(speaker).Append(": ");
            sb.Append(CueTimes.OneLine(p.Text)).Append('\n');
        }
        return sb.ToString();
    }

    private static string Stamp(TimeSpan t) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00},{t.Milliseconds:000}");
}
