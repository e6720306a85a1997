using System.Text.RegularExpressions;
using Archive.Core.Diagnostics;
using Archive.Core.Model;

namespace Archive.Core.Reading;

/// <summary>
/// Text dumps of speech-to-text tools (whisper, whisper.cpp and their front ends): one segment a
/// line, <c>[00:00:00.920 --> 00:00:03.980]   text</c> (also <c>[00:00.000 --> 00:02.000]</c> and
/// seconds, <c>[12.34 --> 15.00]</c>). A leading <c>- </c> marks a new speaker whose name is not
/// given; <c>SPEAKER_00:</c> or a name used as a label on several segments names one. Segments are
/// caption fragments: the normalizer joins them into sentences and drops noise such as
/// <c>(upbeat music)</c> and <c>[BLANK_AUDIO]</c>.
/// </summary>
public sealed partial class SpeechToTextTextReader : ITranscriptReader
{
    public string Format => "speech-to-text-text";

    [GeneratedRegex(@"^\s*\[\s*(?<start>[^\]\s]+)\s*-->\s*(?<end>[^\]\s]*)\s*\]:?[ \t]*(?<text>.*)$")]
    private static partial Regex Segment();

    // A dialogue dash: "- Yeah", "-Yeah", "– Yeah" (not "-->" or a negative number).
    [GeneratedRegex(@"^[-–—]\s*(?=[^\s\d>-])")]
    private static partial Regex SpeakerDash();

    public int Detect(SourceText source)
    {
        int segments = 0, other = 0;
        foreach (var line in source.Lines)
        {
            if (line.Trim().Length == 0) continue;
            if (Segment().IsMatch(line)) segments++;
            else other++;
            if (segments + other >= 400) break;
        }
        if (segments < 2) return 0;
        return segments >= 2 * other ? 90 : segments >= other ? 70 : 30;
    }

    public IReadOnlyList<RawEpisode> Read(SourceText source, DiagnosticBag diagnostics)
    {
        var lines = source.Lines;
        var segments = new List<(TimeSpan? Start, TimeSpan? End, string Text, bool Change, int Line)>();
        int badTimes = 0, firstBadTime = 0, skipped = 0, firstSkipped = 0;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i];
            int lineNo = i + 1;
            var m = Segment().Match(line);
            if (!m.Success)
            {
                if (line.Trim().Length == 0) continue;
                if (segments.Count == 0)
                {
                    // Tool output before the first segment ("Detected language: English").
                    if (skipped++ == 0) firstSkipped = lineNo;
                    continue;
                }
                // A segment whose text runs onto the next line.
                var last = segments[^1];
                segments[^1] = last with { Text = (last.Text + " " + line.Trim()).Trim() };
                continue;
            }
            TimeSpan? start = Timecode.TryParse(m.Groups["start"].Value, out var s) ? s : null;
            TimeSpan? end = Timecode.TryParse(m.Groups["end"].Value, out var e) ? e : null;
            if (start is null || end is null)
                if (badTimes++ == 0) firstBadTime = lineNo;
            var text = m.Groups["text"].Value.Trim();
            var dash = SpeakerDash().Match(text);
            if (dash.Success) text = text[dash.Length..];
            segments.Add((start, end, text, dash.Success, lineNo));
        }
        if (skipped > 0)
            diagnostics.Warn(source.Path, firstSkipped, $"{skipped} line{(skipped == 1 ? "" : "s")} before the first segment {(skipped == 1 ? "is" : "are")} not transcript; skipped");
        if (badTimes > 0)
            diagnostics.Warn(source.Path, firstBadTime, $"{badTimes} segment time{(badTimes == 1 ? "" : "s")} could not be read; the text is kept");

        // Speaker labels inside segments ("SPEAKER_00: …", "Maya Okafor: …") count with the same evidence as in labelled text.
        var candidates = segments.Select(sg => TurnLine.Parse(sg.Text) is { Layout: TurnLayout.Name or TurnLayout.BracketedName, Start: null, Text.Length: > 0 } t ? t : null).ToList();
        var evidence = TurnEvidence.Decide(candidates, [], _ => 0);
        var labelled = evidence.Accepted.ToHashSet();

        var turns = new List<RawTurn>(segments.Count);
        for (int i = 0; i < segments.Count; i++)
        {
            var (start, end, text, change, line) = segments[i];
            string? speaker = null;
            if (labelled.Contains(i))
            {
                speaker = candidates[i]!.Name;
                text = candidates[i]!.Text;
            }
            turns.Add(new RawTurn(speaker, start, end, text, line) { SpeakerChange = change && speaker is null });
        }

        return
        [
            new RawEpisode
            {
                Source = new SourceRef(source.Path, segments.Count > 0 ? segments[0].Line : 1),
                Turns = turns,
                Shape = TextShape.Captions,
            },
        ];
    }
}
