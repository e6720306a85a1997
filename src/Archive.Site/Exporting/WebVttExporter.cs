using System.Globalization;
using System.Text;
using Archive.Core.Model;

namespace Archive.Site.Exporting;

/// <summary>WebVTT: one cue per paragraph, the speaker in a <c>&lt;v Speaker&gt;</c> voice tag.</summary>
public sealed class WebVttExporter : ITranscriptExporter
{
    public string Suffix => ".vtt";
    public string Label => "WebVTT captions";
    public string Format => "VTT";
    public string MediaType => "text/vtt";

    public bool CanWrite(Episode episode) => CueTimes.AllTimed(episode);

    public string Write(Episode episode)
    {
        var sb = new StringBuilder("WEBVTT\n");
        var cues = CueTimes.Of(episode);
        for (int i = 0; i < cues.Count; i++)
        {
            var p = episode.Paragraphs[i];
            sb.Append('\n').Append(Stamp(cues[i].Start)).Append(" --> ").Append(Stamp(cues[i].End)).Append('\n');
            if (p.Speaker is { } speaker) sb.Append("<v ").Append(Escape(speaker)).Append('>');
            sb.Append(Escape(CueTimes.OneLine(p.Text))).Append('\n');
        }
        return sb.ToString();
    }

    public static string Stamp(TimeSpan t) =>
        string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}.{t.Milliseconds:000}");

    /// <summary>Cue text is markup: &amp;, &lt; and &gt; are escaped, which also keeps "-->" out of it.</summary>
    private static string Escape(string text) =>
        text.AsSpan().IndexOfAny('&', '<', '>') < 0 ? text : text.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");
}
