using Archive.Core.Diagnostics;
using Archive.Core.Model;

namespace Archive.Core.Reading;

/// <summary>
/// SubRip subtitles (<c>.srt</c>): numbered cues with <c>00:00:01,000 --&gt; 00:00:04,000</c>
/// timings. Numbers may be missing, out of order or have gaps; <c>&lt;i&gt;</c>, <c>&lt;font&gt;</c>
/// and <c>{\an8}</c> are dropped; <c>NAME: text</c>, <c>&gt;&gt;</c> and dialogue dashes mark speakers.
/// </summary>
public sealed class SrtReader : ITranscriptReader
{
    public string Format => "srt";

    public int Detect(SourceText source)
    {
        int timings = 0, numbered = 0, checkedLines = 0;
        string? previous = null;
        foreach (var line in source.Lines)
        {
            if (line.Length == 0) continue;
            if (++checkedLines > 60) break;
            if (CaptionCues.ReadTiming(line, out _, out _) == CaptionCues.Timing.Valid)
            {
                timings++;
                if (previous is not null && CaptionCues.IsNumber(previous)) numbered++;
            }
            previous = line;
        }
        if (timings == 0) return 0;
        if (numbered > 0 || source.Extension == ".srt") return 90;
        return timings >= 2 ? 60 : 30;
    }

    public IReadOnlyList<RawEpisode> Read(SourceText source, DiagnosticBag diagnostics)
    {
        var cues = CaptionCues.ReadCues(source, 0, diagnostics);
        var (turns, shape) = CaptionCues.ToTurns(cues, source, diagnostics, rolling: null);
        return [new RawEpisode { Source = new SourceRef(source.Path, 1), Turns = turns, Shape = shape }];
    }
}
