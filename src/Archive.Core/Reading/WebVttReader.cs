using Archive.Core.Diagnostics;
using Archive.Core.Model;

namespace Archive.Core.Reading;

/// <summary>
/// WebVTT captions (<c>.vtt</c>): the <c>WEBVTT</c> header, cues with ids and settings,
/// <c>NOTE</c>/<c>STYLE</c>/<c>REGION</c> blocks, <c>&lt;v Speaker&gt;</c> voices, styling tags
/// and entities, and YouTube's rolling auto-captions, whose repeated lines are read once.
/// </summary>
public sealed class WebVttReader : ITranscriptReader
{
    public string Format => "webvtt";

    public int Detect(SourceText source)
    {
        var head = source.Head(512);
        if (head.StartsWith("WEBVTT", StringComparison.Ordinal) && (head.Length == 6 || head[6] is ' ' or '\t' or '\r' or '\n'))
            return 100;
        // A .vtt file that lost its header still has cue timings.
        if (source.Extension == ".vtt" && source.Lines.Take(50).Any(l => CaptionCues.ReadTiming(l, out _, out _) == CaptionCues.Timing.Valid))
            return 70;
        return 0;
    }

    public IReadOnlyList<RawEpisode> Read(SourceText source, DiagnosticBag diagnostics)
    {
        var lines = source.Lines;
        int i = 0;
        while (i < lines.Count && lines[i].Trim().Length == 0) i++;
        if (i < lines.Count && lines[i].TrimStart('\uFEFF').StartsWith("WEBVTT", StringComparison.Ordinal))
        {
            // The header runs to the first blank line (YouTube puts "Kind:" and "Language:" there).
            i++;
            while (i < lines.Count && lines[i].Trim().Length > 0 && !lines[i].Contains("-->", StringComparison.Ordinal)) i++;
        }
        else diagnostics.Warn(source.Path, i + 1, "the file has no WEBVTT header line; it was read as WebVTT because of its cue timings");

        var cues = CaptionCues.ReadCues(source, i, diagnostics, 
            line => IsBlock(line, "NOTE") || IsBlock(line, "STYLE") || IsBlock(line, "REGION"), onlyEmptyLinesSeparate: true);
        // YouTube's auto-captions time each word (<00:00:01.234>) and repeat every line in the next cue.
        bool rolling = lines.Skip(i).Any(HasInlineTimestamp);
        var (turns, shape) = CaptionCues.ToTurns(cues, source, diagnostics, rolling ? true : null);
        return [new RawEpisode { Source = new SourceRef(source.Path, 1), Turns = turns, Shape = shape }];
    }

    private static bool IsBlock(string line, string keyword) =>
        line.StartsWith(keyword, StringComparison.Ordinal) && (line.Length == keyword.Length || line[keyword.Length] is ' ' or '\t');

    /// <summary>YouTube's word timings: <c>&lt;00:00:01.234&gt;</c>.</summary>
    private static bool HasInlineTimestamp(string line)
    {
        int at = line.IndexOf('<');
        while (at >= 0 && at + 3 < line.Length)
        {
            if (char.IsAsciiDigit(line[at + 1]) && char.IsAsciiDigit(line[at + 2]) && line[at + 3] == ':') return true;
            at = line.IndexOf('<', at + 1);
        }
        return false;
    }
}
