using System.Globalization;
using System.Text.RegularExpressions;
using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Text;

namespace Archive.Core.Reading;

/// <summary>A caption cue as a caption file gives it: its times, its text lines, the line it starts on.</summary>
public sealed record CaptionCue(TimeSpan? Start, TimeSpan? End, IReadOnlyList<CueLine> Lines, int Line);

/// <summary>
/// What WebVTT and SRT share once their cues are read: repeated text from rolling captions is
/// dropped, times are put in order, speakers are taken from voice tags, <c>NAME:</c> labels,
/// <c>&gt;&gt;</c> and dialogue dashes, and the cues become turns.
/// </summary>
public static partial class CaptionCues
{
    // "MAYA OKAFOR: text", "Tom: text", "Speaker 2: text", "SPEAKER_01: text"
    [GeneratedRegex(@"^(?<name>\p{Lu}[\p{L}\p{M}'’.\- ]{0,38}?|(?:speaker|spk)[ _-]?\d{1,3})\s*:\s+(?<text>\S.*)$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex Label();

    // A dialogue dash: "- Who's there?" marks a new speaker. (A dash before a digit is a minus;
    // an em dash at a line start continues a broken-off sentence.)
    [GeneratedRegex(@"^[-‐]\s*(?=[\p{L}""'¿¡(\[])")]
    private static partial Regex DialogueDash();

    // 00:00:01.000 --> 00:00:04.000 align:start position:0%   (SRT: 00:00:01,000 --> 00:00:04,000 X1:…)
    [GeneratedRegex(@"^\s*(?<start>[0-9][0-9:.,]*)\s*-->\s*(?<end>[0-9][0-9:.,]*)(?:\s+.*)?$")]
    private static partial Regex TimingLine();

    /// <summary>What a line is to <see cref="ReadTiming"/>.</summary>
    public enum Timing { NotTiming, Valid, Invalid }

    /// <summary>
    /// Reads a cue timing line. <see cref="Timing.Invalid"/> when the line has <c>--&gt;</c> where a
    /// timing line stands but its times do not parse.
    /// </summary>
    public static Timing ReadTiming(string line, out TimeSpan start, out TimeSpan end)
    {
        start = end = default;
        int arrow = line.IndexOf("-->", StringComparison.Ordinal);
        if (arrow < 0 || line.Length > 400) return Timing.NotTiming;
        var m = TimingLine().Match(line);
        if (m.Success && Timecode.TryParse(m.Groups["start"].Value, out start) && Timecode.TryParse(m.Groups["end"].Value, out end))
            return Timing.Valid;
        // "00:00:01.000 --> " with something unreadable: a timing line gone wrong, not text.
        var before = line[..arrow].Trim();
        return before.Length > 0 && before.Length <= 16 && char.IsAsciiDigit(before[0]) && before.Contains(':') ? Timing.Invalid : Timing.NotTiming;
    }

    /// <summary>
    /// The cues of a WebVTT or SRT body from line index <paramref name="from"/>: blocks separated by
    /// blank lines, each an optional id or number line, a timing line and text lines. Blocks
    /// <paramref name="skipBlock"/> accepts (WebVTT's NOTE, STYLE, REGION) are left out; text
    /// without a timing is kept with the cue before, with one warning.
    /// </summary>
    /// <param name="onlyEmptyLinesSeparate">
    /// WebVTT: a line holding only spaces belongs to the cue (YouTube starts cues with one); in SRT it separates cues.
    /// </param>
    public static List<CaptionCue> ReadCues(SourceText source, int from, DiagnosticBag diagnostics, Func<string, bool>? skipBlock = null, bool onlyEmptyLinesSeparate = false)
    {
        var lines = source.Lines;
        Func<string, bool> separates = onlyEmptyLinesSeparate ? l => l.Length == 0 : l => l.Trim().Length == 0;
        var cues = new List<CaptionCue>();
        int strayBlocks = 0, strayLine = 0;
        int i = from;
        while (i < lines.Count)
        {
            var trimmed = lines[i].Trim();
            if (trimmed.Length == 0) { i++; continue; }
            if (skipBlock?.Invoke(trimmed) == true)
            {
                while (i < lines.Count && !separates(lines[i])) i++;
                continue;
            }

            var timing = ReadTiming(lines[i], out var start, out var end);
            if (timing == Timing.NotTiming && i + 1 < lines.Count)
            {
                var next = ReadTiming(lines[i + 1], out start, out end);
                if (next != Timing.NotTiming)
                {
                    timing = next; // the line before was the cue's id or number
                    i++;
                }
            }
            if (timing == Timing.NotTiming)
            {
                if (strayBlocks++ == 0) strayLine = i + 1;
                int firstLine = i + 1;
                var stray = CueMarkup.Parse(CueText(lines, ref i, separates));
                if (cues.Count > 0) cues[^1] = cues[^1] with { Lines = [.. cues[^1].Lines, .. stray] };
                else cues.Add(new CaptionCue(null, null, stray, firstLine));
                continue;
            }

            int timingLine = i + 1;
            if (timing == Timing.Invalid)
                diagnostics.Warn(source.Path, timingLine, $"cue timing '{Shorten(lines[i].Trim())}' does not parse; the cue's text is kept without a time");
            i++;
            var text = CueMarkup.Parse(CueText(lines, ref i, separates));
            cues.Add(timing == Timing.Valid ? new CaptionCue(start, end, text, timingLine) : new CaptionCue(null, null, text, timingLine));
        }
        if (strayBlocks > 0)
            diagnostics.Warn(source.Path, strayLine,
                $"{Plural(strayBlocks, "block")} of text without a cue timing (a blank line inside a cue?); the text was kept with the cue before");
        return cues;
    }

    /// <summary>
    /// A cue's text: lines up to a blank line, or up to the next cue when the blank line is
    /// missing (a timing line, or a number followed by one).
    /// </summary>
    private static List<string> CueText(IReadOnlyList<string> lines, ref int i, Func<string, bool> separates)
    {
        var text = new List<string>();
        while (i < lines.Count && !separates(lines[i]))
        {
            if (ReadTiming(lines[i], out _, out _) != Timing.NotTiming) break;
            if (IsNumber(lines[i]) && i + 1 < lines.Count && ReadTiming(lines[i + 1], out _, out _) != Timing.NotTiming) break;
            text.Add(lines[i++]);
        }
        return text;
    }

    /// <summary>A cue number line (<c>12</c>).</summary>
    public static bool IsNumber(string line)
    {
        var t = line.Trim().TrimStart('\uFEFF');
        return t.Length is > 0 and <= 9 && t.All(char.IsAsciiDigit);
    }

    internal static string Shorten(string text) => text.Length <= 60 ? text : text[..59] + "…";

    /// <summary>
    /// Turns for the cues, and the shape the normalizer should give them.
    /// </summary>
    /// <param name="rolling">
    /// True when the file says it is rolling captions (YouTube's inline timestamps), false when it
    /// cannot be (speech-to-text segments), null to tell from the cues.
    /// </param>
    /// <param name="unit">What the messages call a cue: "cue", or "segment" for speech-to-text JSON.</param>
    /// <param name="linesAreShort">
    /// True where cues are written to be shown (captions, Podcasting 2.0 segments): lines far longer
    /// than a caption line then mean the cues are paragraphs. Speech-to-text segments are long anyway.
    /// </param>
    public static (List<RawTurn> Turns, TextShape Shape) ToTurns(IReadOnlyList<CaptionCue> cues, SourceText source, DiagnosticBag diagnostics,
        bool? rolling, string unit = "cue", bool linesAreShort = true)
    {
        bool isRolling = rolling ?? LooksRolling(cues);
        var kept = DropRepeats(cues, isRolling, source, diagnostics, unit);
        kept = RepairTimes(kept, source, diagnostics, isRolling, unit);
        var labels = SpeakerLabels(kept);

        var turns = new List<RawTurn>();
        int lastTurnCue = -1; // several cues can share a line (one-line JSON)
        for (int c = 0; c < kept.Count; c++)
        {
            var cue = kept[c];
            foreach (var line in cue.Lines)
            {
                // ">>" hands over to a new speaker, wherever it stands in the line.
                var parts = line.Text.Split(">>");
                for (int p = 0; p < parts.Length; p++)
                {
                    var text = parts[p].Trim();
                    bool change = p > 0;
                    string? speaker = line.Voice;
                    if (p == 0 && DialogueDash().Match(text) is { Success: true } dash && text.Length > dash.Length)
                    {
                        text = text[dash.Length..];
                        change = true;
                    }
                    if (speaker is null && Label().Match(text) is { Success: true } label && labels.TryGetValue(label.Groups["name"].Value.Trim(), out var name))
                    {
                        speaker = name;
                        text = label.Groups["text"].Value.Trim();
                    }
                    if (text.Length == 0)
                    {
                        if (change)
                        {
                            turns.Add(new RawTurn(null, cue.Start, cue.End, "", cue.Line) { SpeakerChange = true });
                            lastTurnCue = c;
                        }
                        continue;
                    }
                    // Lines of one cue continue the same turn unless a new speaker takes over.
                    var previous = turns.Count > 0 ? turns[^1] : null;
                    if (!change && previous is not null && lastTurnCue == c
                        && (speaker is null || string.Equals(speaker, previous.Speaker, StringComparison.Ordinal)))
                        turns[^1] = previous with { Text = previous.Text.Length == 0 ? text : previous.Text + " " + text };
                    else
                        turns.Add(new RawTurn(speaker, cue.Start, cue.End, text, cue.Line) { SpeakerChange = change && speaker is null });
                    lastTurnCue = c;
                }
            }
        }
        return (turns, ChooseShape(turns, linesAreShort ? kept : null));
    }

    /// <summary>
    /// Cues that hold whole paragraphs (what the archive's own downloads write: one cue a
    /// paragraph, on one line) stay paragraphs; caption fragments are joined into sentences. A
    /// caption line holds about forty characters, a cue two lines, so cues that mostly end a
    /// sentence and are long on average, or often have a line of 90 characters or more, are paragraphs.
    /// </summary>
    public static TextShape ChooseShape(IReadOnlyList<RawTurn> turns, IReadOnlyList<CaptionCue>? shownCues = null)
    {
        var spoken = turns.Where(t => t.Text.Length > 0).ToList();
        if (spoken.Count == 0) return TextShape.Captions;
        double meanWords = spoken.Average(t => Sentences.CountWords(t.Text));
        if (meanWords >= 40) return TextShape.Turns; // no caption format averages forty words a cue
        double endsSentence = spoken.Count(t => EndsSentence(t.Text)) / (double)spoken.Count;
        if (endsSentence < 0.8) return TextShape.Captions;
        if (meanWords >= 25) return TextShape.Turns;
        int longLines = shownCues?.Count(c => c.Lines.Any(l => l.Text.Length >= 90)) ?? 0;
        return shownCues is { Count: > 0 } && longLines * 5 >= shownCues.Count ? TextShape.Turns : TextShape.Captions;
    }

    private static bool EndsSentence(string text)
    {
        var t = text.TrimEnd('"', '\'', '”', '’', ')', ']', ' ');
        return t.Length > 0 && t[^1] is '.' or '!' or '?' or '…';
    }

    /// <summary>
    /// Rolling captions show each line twice: at the bottom of one cue and at the top of the next.
    /// Without YouTube's timestamps to say so, a file counts as rolling when many cues begin with
    /// the line the cue before ended with.
    /// </summary>
    private static bool LooksRolling(IReadOnlyList<CaptionCue> cues)
    {
        int repeats = 0, transitions = 0;
        for (int i = 1; i < cues.Count; i++)
        {
            if (cues[i].Lines.Count == 0 || cues[i - 1].Lines.Count == 0) continue;
            transitions++;
            if (SameText(cues[i].Lines[0].Text, cues[i - 1].Lines[^1].Text)) repeats++;
        }
        return repeats >= 3 && repeats >= transitions / 4;
    }

    private static List<CaptionCue> DropRepeats(IReadOnlyList<CaptionCue> cues, bool rolling, SourceText source, DiagnosticBag diagnostics, string unit)
    {
        var kept = new List<CaptionCue>(cues.Count);
        IReadOnlyList<CueLine> previous = [];
        CaptionCue? previousCue = null;
        int duplicates = 0, firstDuplicateLine = 0;
        foreach (var cue in cues)
        {
            if (cue.Lines.Count == 0) continue;
            var lines = cue.Lines;
            if (rolling)
            {
                int skip = RepeatedPrefix(previous, lines);
                var rest = lines.Skip(skip).ToList();
                // Paint-on captions grow a line word by word: keep only the words that are new.
                if (rest.Count > 0 && skip == 0 && previous.Count > 0 && ExtendsLine(previous[^1].Text, rest[0].Text) is { } added)
                {
                    if (added.Length == 0) rest.RemoveAt(0);
                    else rest[0] = rest[0] with { Text = added };
                }
                previous = lines;
                if (rest.Count > 0) kept.Add(cue with { Lines = rest });
                continue;
            }
            // Outside rolling captions, only a cue that repeats the one before word for word while
            // they overlap in time is a repeat; the same words said again later are speech.
            if (previousCue is not null && SameLines(previousCue.Lines, lines)
                && (cue.Start is null || previousCue.End is null || cue.Start < previousCue.End || cue.Start == previousCue.Start))
            {
                if (duplicates++ == 0) firstDuplicateLine = cue.Line;
                continue;
            }
            previousCue = cue;
            kept.Add(cue);
        }
        if (duplicates > 0)
            diagnostics.Warn(source.Path, firstDuplicateLine,
                $"{Plural(duplicates, unit)} repeat{(duplicates == 1 ? "s" : "")} the {unit} before word for word at the same time; the text was kept once");
        return kept;
    }

    /// <summary>How many of the cue's first lines repeat the previous cue's last lines.</summary>
    private static int RepeatedPrefix(IReadOnlyList<CueLine> previous, IReadOnlyList<CueLine> lines)
    {
        for (int n = Math.Min(previous.Count, lines.Count); n > 0; n--)
        {
            bool match = true;
            for (int k = 0; k < n && match; k++)
                match = SameText(previous[previous.Count - n + k].Text, lines[k].Text);
            if (match) return n;
        }
        return 0;
    }

    /// <summary>The words <paramref name="line"/> adds when it starts with all of <paramref name="before"/>, else null.</summary>
    private static string? ExtendsLine(string before, string line)
    {
        if (Sentences.CountWords(before) < 2 || line.Length < before.Length) return null;
        if (!line.StartsWith(before, StringComparison.OrdinalIgnoreCase)) return null;
        if (line.Length > before.Length && !char.IsWhiteSpace(line[before.Length])) return null;
        return line[before.Length..].Trim();
    }

    private static bool SameLines(IReadOnlyList<CueLine> a, IReadOnlyList<CueLine> b) =>
        a.Count == b.Count && a.Zip(b).All(x => SameText(x.First.Text, x.Second.Text) && x.First.Voice == x.Second.Voice);

    private static bool SameText(string a, string b) =>
        string.Equals(a.Trim(), b.Trim(), StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Starts must not run backwards and a cue must not end before it starts or after the next
    /// one starts. Each kind of repair is reported once, at its first line, with a count.
    /// </summary>
    private static List<CaptionCue> RepairTimes(List<CaptionCue> cues, SourceText source, DiagnosticBag diagnostics, bool rolling, string unit)
    {
        var result = new List<CaptionCue>(cues.Count);
        TimeSpan? lastStart = null;
        int backwards = 0, backwardsLine = 0, inverted = 0, invertedLine = 0, overlaps = 0, overlapLine = 0;
        TimeSpan backFrom = default, backTo = default;
        foreach (var original in cues)
        {
            var cue = original;
            if (cue.Start is { } s && cue.End is { } e && e < s)
            {
                if (inverted++ == 0) invertedLine = cue.Line;
                cue = cue with { End = s };
            }
            if (cue.Start is { } start && lastStart is { } last && start < last)
            {
                if (backwards++ == 0) { backwardsLine = cue.Line; backFrom = start; backTo = last; }
                cue = cue with { Start = last, End = cue.End is { } end && end < last ? last : cue.End };
            }
            if (cue.Start is { } cs && result.Count > 0 && result[^1].End is { } previousEnd && previousEnd > cs)
            {
                if (!rolling && overlaps++ == 0) overlapLine = cue.Line;
                result[^1] = result[^1] with { End = cs };
            }
            if (cue.Start is not null) lastStart = cue.Start;
            result.Add(cue);
        }
        if (backwards > 0)
            diagnostics.Warn(source.Path, backwardsLine,
                $"{unit} time {Timecode.FormatPrecise(backFrom)} runs backwards (after {Timecode.FormatPrecise(backTo)}); " +
                $"{Plural(backwards, unit + " start")} moved forward to keep the order");
        if (inverted > 0)
            diagnostics.Warn(source.Path, invertedLine,
                $"{Plural(inverted, unit)} end{(inverted == 1 ? "s" : "")} before {(inverted == 1 ? "it starts" : "they start")}; the end was set to the start");
        if (overlaps > 0)
            diagnostics.Warn(source.Path, overlapLine,
                $"{Plural(overlaps, unit)} start{(overlaps == 1 ? "s" : "")} before the previous {unit} ends; the previous {unit}'s end was cut to the next start");
        return result;
    }

    /// <summary>
    /// Labels at the start of a cue line that name a speaker. A name used once could be
    /// ordinary text ("Note: …"), so a label counts when it is written in capitals, is a generic
    /// label (<c>Speaker 2</c>), or starts lines at least twice. Capitals become title case.
    /// </summary>
    private static Dictionary<string, string> SpeakerLabels(IReadOnlyList<CaptionCue> cues)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        var cueStarts = new List<(string Name, bool CapitalAfter)?>(cues.Count); // the label each cue opens with, if any
        foreach (var cue in cues)
        {
            (string, bool)? opening = null;
            for (int l = 0; l < cue.Lines.Count; l++)
            {
                var line = cue.Lines[l];
                if (line.Voice is not null) continue;
                var parts = line.Text.Split(">>");
                for (int p = 0; p < parts.Length; p++)
                {
                    var text = parts[p].Trim();
                    if (DialogueDash().Match(text) is { Success: true } dash) text = text[dash.Length..];
                    var m = Label().Match(text);
                    if (!m.Success) continue;
                    var name = m.Groups["name"].Value.Trim();
                    if (Sentences.CountWords(name) > 4) continue;
                    counts[name] = counts.GetValueOrDefault(name) + 1;
                    if (l == 0 && p == 0) opening = (name, char.IsUpper(m.Groups["text"].Value[0]));
                }
            }
            cueStarts.Add(opening);
        }
        var labels = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (name, count) in counts)
            if (IsCapitals(name) || SpeakerLabel.IsGeneric(name) || (count >= 2 && IsCapitalizedWords(name)))
                labels[name] = Shown(name);
        // Where most cues open with a label (the archive's own SRT downloads), a name used once is
        // one too, when a sentence follows it ("Lena: We…", not "Today: the…").
        int labelled = cueStarts.Count(n => n is { } o && labels.ContainsKey(o.Name));
        if (cues.Count >= 2 && labelled * 2 >= cues.Count)
            foreach (var opening in cueStarts)
                if (opening is { CapitalAfter: true } o && IsCapitalizedWords(o.Name)) labels.TryAdd(o.Name, Shown(o.Name));
        return labels;
    }

    private static bool IsCapitals(string name) => name.Count(char.IsLetter) >= 2 && name.Where(char.IsLetter).All(char.IsUpper);

    private static bool IsCapitalizedWords(string name) => name.Split(' ', StringSplitOptions.RemoveEmptyEntries).All(w => char.IsUpper(w[0]));

    /// <summary>A name in capitals is shown in title case (<c>PRIYA RAMAN</c> → <c>Priya Raman</c>); other labels as written.</summary>
    private static string Shown(string name) =>
        IsCapitals(name) && !SpeakerLabel.IsGeneric(name) && name.All(c => char.IsLetter(c) || c is ' ' or '.' or '\'' or '’' or '-')
            ? CultureInfo.InvariantCulture.TextInfo.ToTitleCase(name.ToLowerInvariant())
            : name;

    private static string Plural(int count, string noun) => $"{count} {noun}{(count == 1 ? "" : "s")}";
}
