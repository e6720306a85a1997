using System.Text;
using System.Text.RegularExpressions;
using Archive.Core.Model;
using Archive.Core.Text;

namespace Archive.Core.Reading;

/// <summary>
/// A transcript pasted into one line of text, its paragraphs glued together by lost HTML:
/// <c>…it.Thank you so much. [00:01:00] So you're…</c>, <c>…a platform?AI as an Ecosystem
/// PlatformSarah Guo: I'd say…</c>, <c>Swyx [00:00:10]: …</c>, <c>[00:00:03] Jacob: …</c>.
/// Finds the speaker labels (a name used as a label more than once, or with a time), the inline
/// times, and the section headings glued between a sentence end and the next label, and turns
/// them into turns and heading chapters. All scanning is by linear regexes over the line.
/// </summary>
public static partial class EmbeddedTranscript
{
    public sealed record Result(IReadOnlyList<RawTurn> Turns, IReadOnlyList<RawChapter> Headings);

    private const string Time = @"\d{1,2}:\d{2}(?::\d{2})?";
    // A name's words are capitalised ("Sarah Guo", "swyx", "NLW"); a capital inside a word is where a
    // name was glued on ("yeahSwyx"), so a word never has one.
    private const string NameWord = @"(?:\p{Lu}{2,5}|[\p{L}][\p{Ll}'’\-]{0,24})";
    private const string NameWords = NameWord + @"(?: (?=\p{Lu})" + NameWord + @"){0,3}";

    // Labels where they stand clear of the text before them: "[00:00:03] Jacob Effron: ", "Swyx [00:00:10]: ", "Sarah Guo: ".
    [GeneratedRegex(@"\[(?<time>" + Time + @")\] ?(?<name>" + NameWords + @"):(?= )|(?<![\p{L}\p{N}'’])(?<name>" + NameWords + @")(?: ?\[(?<time>" + Time + @")\])?:(?= )",
        RegexOptions.CultureInvariant)]
    private static partial Regex CleanLabel();

    // A label glued to the word before it ("yeahBen Ortiz: "): the capitalised words after the glue.
    [GeneratedRegex(@"(?<=\p{Ll})(?<name>\p{Lu}[\p{Ll}'’\-]{1,24}(?: \p{Lu}[\p{Ll}'’\-]{0,24}){0,2})(?: ?\[(?<time>" + Time + @")\])?:(?= )",
        RegexOptions.CultureInvariant)]
    private static partial Regex GluedLabel();

    [GeneratedRegex(@"Transcript(?![a-z])|Transcript(?=[a-z]+:)", RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"\[" + Time + @"\]|\(" + Time + @"\)", RegexOptions.CultureInvariant)]
    private static partial Regex InlineTime();

    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "transcript", "chapters", "chapter", "timestamps", "note", "notes", "links", "link", "update", "edit", "sponsors",
        "sponsor", "source", "sources", "summary", "example", "question", "answer", "q", "a", "part", "step", "warning",
        "spoiler", "bonus", "disclaimer", "topics", "agenda", "intro", "introduction", "outro", "conclusion", "episode",
        "show notes", "resources", "references", "related", "referenced", "website", "twitter", "linkedin", "youtube",
        "spotify", "apple", "x", "email", "book", "paper", "concept", "video", "audio", "ps", "tldr", "takeaway",
        "takeaways", "lesson", "tip", "caveat", "result", "goal", "problem", "solution", "context", "background",
        "today", "why", "how", "what", "here", "this", "that", "and", "but", "so", "also", "then", "now", "yes", "no",
        "yeah", "okay", "ok", "well", "like", "said", "says", "asked", "replied", "quote", "update", "news", "correction",
        "reminder", "hint", "fun fact", "side note", "pro tip", "key insight", "key point", "first", "second", "third",
        "finally", "next", "thanks", "thank you", "listen", "look", "see", "remember", "imagine", "think",
    };

    /// <summary>
    /// Speaker names used as labels in the text: with a time once, or without one at least twice.
    /// </summary>
    public static IReadOnlyList<string> FindSpeakers(string text)
    {
        var counts = new Dictionary<string, (int Plain, int Timed)>(StringComparer.Ordinal);
        void Count(Match m)
        {
            var name = m.Groups["name"].Value;
            counts.TryGetValue(name, out var c);
            counts[name] = m.Groups["time"].Success ? (c.Plain, c.Timed + 1) : (c.Plain + 1, c.Timed);
        }
        foreach (Match m in CleanLabel().Matches(text))
            if (IsPlausibleName(m.Groups["name"].Value)) Count(m);
        // A name glued to the word before it counts when it, or its last name, also stands clear
        // somewhere: "yeahBen Ortiz:" beside "Ortiz:", but not "LinkedIn:" as a speaker "In".
        var clear = counts.Keys.ToHashSet(StringComparer.Ordinal);
        foreach (Match m in GluedLabel().Matches(text))
        {
            var name = m.Groups["name"].Value;
            if (IsPlausibleName(name) && (clear.Contains(name) || clear.Any(c => name.EndsWith(" " + c, StringComparison.Ordinal)))) Count(m);
        }
        bool timedLabels = counts.Values.Sum(c => c.Timed) >= 3;
        // A speaker speaks more than once; where labels carry times, a name without one is a heading
        // or a phrase ("Introduction: …").
        var names = counts
            .Where(kv => timedLabels ? kv.Value.Timed >= 2 : kv.Value.Plain >= 2)
            .Select(kv => kv.Key)
            .ToList();
        // "thenswyx" is "then" glued to the name "swyx".
        // "Ortiz" alone is the end of "Ben Ortiz" glued to the word before it ("yeahBen Ortiz:").
        names.RemoveAll(n => names.Any(other => other.Length > n.Length && other.EndsWith(" " + n, StringComparison.Ordinal)));
        names.RemoveAll(n => names.Any(other => other.Length < n.Length && n.EndsWith(other, StringComparison.Ordinal) && char.IsLetter(n[^(other.Length + 1)])));
        return names.OrderByDescending(n => n.Length).ThenBy(n => n, StringComparer.Ordinal).ToList();
    }

    private static bool IsPlausibleName(string name)
    {
        if (NotNames.Contains(name)) return false;
        var words = name.Split(' ');
        // "swyx" is a name; "and then" is not: a name in lower case is one word.
        if (char.IsLower(name[0]) && (words.Length > 1 || name.Length < 3)) return false;
        return !words.Any(w => NotNames.Contains(w) && words.Length > 1 && w == words[0]);
    }

    /// <summary>
    /// Where the transcript starts in a line of show notes followed by a transcript: just after a
    /// <c>Transcript</c> marker that comes shortly before the first label, else at the first label.
    /// Null when the line holds no transcript (fewer than three labelled turns).
    /// </summary>
    public static int? FindStart(string line, IReadOnlyList<string> speakers)
    {
        if (speakers.Count == 0) return null;
        var labels = new List<int>();
        foreach (Match m in LabelPattern(speakers).Matches(line))
            if (m.Groups["name"].Success) labels.Add(m.Index);
        if (labels.Count < 3) return null;
        // A marker closely followed by a label starts the transcript, even if the notes before it
        // happen to hold a phrase that reads like a label.
        foreach (Match m in Marker().Matches(line))
        {
            int end = m.Index + m.Length;
            int next = labels.BinarySearch(end);
            if (next < 0) next = ~next;
            if (next < labels.Count && labels[next] - end <= 400 && labels.Count - next >= 3) return end;
        }
        return labels[0];
    }

    /// <summary>
    /// The index of a <c>Transcript</c> marker that ends the notes with nothing after it worth
    /// reading (a link to a transcript page, or a paid episode's cut-off), or null.
    /// </summary>
    public static int? TrailingMarker(string line)
    {
        Match? last = null;
        foreach (Match m in Marker().Matches(line, Math.Max(0, line.Length - 400))) last = m;
        return last is not null && line.Length - (last.Index + last.Length) < 400 ? last.Index : null;
    }

    private static Regex LabelPattern(IReadOnlyList<string> speakers)
    {
        var names = string.Join('|', speakers.Select(Regex.Escape));
        return new Regex(
            @"\[(?<time>" + Time + @")\] ?(?<name>" + names + @"):(?= |$)" +
            @"|(?<name>" + names + @")(?: ?\[(?<time>" + Time + @")\])?:(?= |$)" +
            @"|\[(?<mark>" + Time + @")\]",
            RegexOptions.CultureInvariant);
    }

    /// <summary>Splits the transcript text into turns at its labels and times; all turns are on <paramref name="line"/>.</summary>
    public static Result Split(string text, IReadOnlyList<string> speakers, int line)
    {
        var turns = new List<RawTurn>();
        var headings = new List<RawChapter>();
        if (string.IsNullOrWhiteSpace(text)) return new Result(turns, headings);

        // A label that opens the transcript counts even if used once ("Voiceover: Welcome…").
        var opening = CleanLabel().Match(text);
        if (opening.Success && opening.Index == 0 && !opening.Groups["time"].Success && IsPlausibleName(opening.Groups["name"].Value)
            && !text.AsSpan(0, Math.Min(text.Length, 2000)).Contains("]:", StringComparison.Ordinal)
            && !speakers.Contains(opening.Groups["name"].Value))
            speakers = [.. speakers, opening.Groups["name"].Value];
        var pattern = LabelPattern(speakers.Count > 0 ? speakers : ["\u0001"]);
        // Times in parentheses count as marks only when the text uses them as such, several times.
        bool parenTimes = InlineTime().Matches(text).Count(m => m.Value[0] == '(') >= 3;
        var marks = new List<(int Start, int End, string? Speaker, TimeSpan? Time, bool Label)>();
        foreach (Match m in pattern.Matches(text))
        {
            TimeSpan? time = null;
            var timeGroup = m.Groups["time"].Success ? m.Groups["time"] : m.Groups["mark"];
            if (timeGroup.Success && Timecode.TryParse(timeGroup.Value, out var t)) time = t;
            // A lower-case name glued to a word ("Thanksswyx:") is only a label when it is long enough to be sure.
            if (m.Groups["name"].Success && m.Index > 0 && char.IsLetter(text[m.Index - 1]) && char.IsLower(text[m.Index]) && m.Groups["name"].Length < 4)
                continue;
            marks.Add((m.Index, m.Index + m.Length, m.Groups["name"].Success ? m.Groups["name"].Value : null, time, m.Groups["name"].Success));
        }
        if (parenTimes)
        {
            foreach (Match m in InlineTime().Matches(text))
                if (m.Value[0] == '(' && Timecode.TryParse(m.Value, out var t))
                    marks.Add((m.Index, m.Index + m.Length, null, t, false));
            marks.Sort((a, b) => a.Start.CompareTo(b.Start));
        }

        string? speaker = null;
        int pos = 0;
        bool segmentAfterTime = false;
        TimeSpan? segmentTime = null;
        string? pendingHeading = null;
        TimeSpan? pendingHeadingTime = null;

        void Emit(int end, bool nextIsLabel)
        {
            var segment = text[pos..end];
            string? heading = null;
            if (nextIsLabel || (end < text.Length && end > pos && !char.IsWhiteSpace(text[end - 1])))
                (segment, heading) = SplitTrailingHeading(segment, wholeMayBeHeading: segmentAfterTime || turns.Count == 0 && speaker is null);
            if (pendingHeading is not null)
            {
                headings.Add(new RawChapter(pendingHeading, pendingHeadingTime, turns.Count, line, ChapterOrigin.Heading));
                pendingHeading = null;
            }
            var clean = CleanSpeech(segment);
            if (segmentAfterTime && turns.Count > 0 && turns[^1].Speaker == speaker && !EndsSentence(turns[^1].Text))
            {
                // A time set inside a sentence ("…they created, [00:02:00] right?It's…"): the rest of
                // that sentence stays with its paragraph, and the new paragraph starts at the next one.
                int cut = FirstSentenceEnd(clean);
                if (cut > 0)
                {
                    turns[^1] = turns[^1] with { Text = turns[^1].Text + " " + clean[..cut].Trim() };
                    clean = clean[cut..].Trim();
                }
            }
            if (clean.Length > 0)
                turns.Add(new RawTurn(speaker, segmentTime, null, clean, line) { ParagraphBreak = true });
            if (heading is not null)
            {
                pendingHeading = heading;
                pendingHeadingTime = clean.Length == 0 && segmentAfterTime ? segmentTime : null;
            }
        }

        foreach (var mark in marks)
        {
            if (mark.Start < pos) continue;
            Emit(mark.Start, mark.Label);
            if (mark.Label) speaker = mark.Speaker;
            segmentAfterTime = !mark.Label;
            segmentTime = mark.Time;
            pos = mark.End;
        }
        Emit(text.Length, false);
        if (pendingHeading is not null && turns.Count > 0)
            headings.Add(new RawChapter(pendingHeading, pendingHeadingTime, turns.Count, line, ChapterOrigin.Heading));
        return new Result(turns, headings);
    }

    /// <summary>
    /// A heading glued to the end of a segment, just before the next label: the text after the last
    /// sentence end when nothing separates them (<c>…right?AI as an Ecosystem Platform</c>).
    /// </summary>
    private static (string Speech, string? Heading) SplitTrailingHeading(string segment, bool wholeMayBeHeading)
    {
        var trimmed = segment.TrimEnd();
        int limit = Math.Max(0, trimmed.Length - 160);
        for (int i = trimmed.Length - 1; i >= limit; i--)
        {
            if (!(trimmed[i] is '.' or '!' or '?' or '…')) continue;
            // A dot inside a name ("Latent.Space") is no sentence end; keep looking before it.
            if (i + 1 < trimmed.Length && char.IsLetter(trimmed[i + 1]) && !GluedText.IsSentenceGlue(trimmed, i + 1)) continue;
            int start = i + 1;
            while (start < trimmed.Length && trimmed[start] is '"' or '”' or '\'' or '’' or ')') start++;
            if (start < trimmed.Length && !char.IsWhiteSpace(trimmed[start]))
            {
                var tail = trimmed[start..];
                if (IsHeadingLike(tail)) return (trimmed[..start], tail.Trim());
            }
            return (segment, null);
        }
        if (wholeMayBeHeading && trimmed.Length <= 160 && IsHeadingLike(trimmed.Trim()))
            return ("", trimmed.Trim());
        return (segment, null);
    }

    /// <summary>Short, no sentence end inside, and mostly capitalised words: a heading, not speech.</summary>
    internal static bool IsHeadingLike(string text)
    {
        if (text.Length is < 4 or > 140) return false;
        if (!char.IsUpper(text[0]) && !char.IsDigit(text[0])) return false;
        if (text[^1] is '.' or '!' or ',' or ';' or ':' or '-') return false;
        if (Sentences.Ends(text).Count > 0) return false;
        var words = text.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 16) return false;
        return TitleCase.IsMostlyCapitalised(text);
    }

    private static bool EndsSentence(string text) =>
        text.Length > 0 && text.TrimEnd('"', '”', '\'', '’', ')') is { Length: > 0 } t && t[^1] is '.' or '!' or '?' or '…';

    /// <summary>Where the first sentence of <paramref name="text"/> ends, if soon; the whole of a short fragment without one.</summary>
    private static int FirstSentenceEnd(string text)
    {
        const int Soon = 250;
        var ends = Sentences.Ends(text.Length > Soon * 2 ? text[..(Soon * 2)] : text);
        if (ends.Count > 0) return ends[0] <= Soon ? ends[0] : 0;
        return text.Length <= Soon ? text.Length : 0;
    }

    /// <summary>Speech as a paragraph: glued sentences separated, notices dropped, spaces tidied.</summary>
    private static string CleanSpeech(string segment)
    {
        var text = GluedText.Separate(segment.Trim(), " ");
        if (text.Length == 0) return "";
        var ends = Sentences.Ends(text);
        var sb = new StringBuilder(text.Length);
        int from = 0;
        foreach (var end in ends.Append(text.Length))
        {
            var sentence = text[from..end];
            from = end;
            if (Boilerplate.IsNotice(sentence.Trim())) continue;
            sb.Append(sentence);
        }
        return Whitespace().Replace(sb.ToString(), " ").Trim();
    }

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
