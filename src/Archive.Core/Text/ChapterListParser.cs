using System.Text.RegularExpressions;
using Archive.Core.Model;

namespace Archive.Core.Text;

/// <summary>One entry of a chapter list in show notes.</summary>
public sealed record ChapterListEntry(string Title, TimeSpan Start);

/// <summary>
/// A chapter list found in free text, with the span it takes (its heading included), so the rest
/// of the text can be shown without it.
/// </summary>
public sealed record ChapterList(IReadOnlyList<ChapterListEntry> Entries, int Start, int End);

/// <summary>
/// Finds the chapter list in show notes, in the notations people and podcast hosts write:
/// <c>Chapters: 00:00 – Intro 01:48 – Next</c> on one line, <c>(00:01:43) News Preview</c>,
/// <c>[00:01:00] Title</c>, <c>* 0:00 Intro</c> lines, and lists whose HTML was stripped so a time
/// is glued to the title before it (<c>Intro01:48 Next</c>).
/// A list is a run of at least three increasing times with short titles between them (two after a
/// <c>Chapters:</c> heading). The scan is linear: a line of a million characters is no problem.
/// </summary>
public static partial class ChapterListParser
{
    /// <summary>Longer text between two times is prose with times in it, not a list.</summary>
    public const int MaxTitleLength = 200;

    [GeneratedRegex(@"(?:chapters?|chapter markers|time\s?stamps(?:\s*(?:\+|&|and)\s*links)?|timecodes|time codes|(?:table of )?contents|outline|episode (?:chapters|guide|outline)|in this episode|topics|show notes)\s*[:\-–—]?[\s\-–—]*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Heading();

    // What ends the last title: a SHOUTED heading ("PRODUCED BY:"), a rule, a URL, a sentence that follows.
    [GeneratedRegex(@"\s[A-Z]{2,}(?:[ ][A-Z&]{2,}){0,3}:|-{3,}|https?://|www\.|[.!?]\s+(?=[A-Z])", RegexOptions.CultureInvariant)]
    private static partial Regex LastTitleEnd();

    // A section heading glued to the end of a title: "… for coding Applications & Business (00:29:53)".
    [GeneratedRegex(@"\s(?<section>[A-Z][a-z]+ & [A-Z][a-z]+(?: [A-Z][a-z]+)?)$", RegexOptions.CultureInvariant)]
    private static partial Regex TrailingSection();

    [GeneratedRegex(@"https?://\S+|www\.\S+", RegexOptions.CultureInvariant)]
    private static partial Regex Url();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    private readonly record struct Stamp(int Start, int End, TimeSpan Time, char Bracket);

    /// <summary>The best chapter list in the text, or null when it has none.</summary>
    public static ChapterList? Find(string? text, Func<string, int, int>? lastTitleLimit = null)
    {
        if (string.IsNullOrEmpty(text)) return null;
        var stamps = FindStamps(text);
        if (stamps.Count < 2) return null;

        // Runs of times in one notation with short text between them. Lists typed by hand have the
        // odd time out of order ("19:21 … 11:47 … 13:52"); a fall to less than half the time before
        // starts another list (a list of references after the chapters).
        (int From, int To, int Score)? best = null;
        int runStart = 0, decreases = 0;
        for (int i = 1; i <= stamps.Count; i++)
        {
            bool continues = i < stamps.Count
                && stamps[i].Bracket == stamps[i - 1].Bracket
                && stamps[i].Time.Ticks * 2 >= stamps[i - 1].Time.Ticks
                && stamps[i].Start - stamps[i - 1].End <= MaxTitleLength
                && HasLetter(text, stamps[i - 1].End, stamps[i].Start);
            if (continues)
            {
                if (stamps[i].Time < stamps[i - 1].Time) decreases++;
                continue;
            }
            var score = decreases * 5 > i - runStart ? 0 : Score(text, stamps, runStart, i);
            if (score > 0 && (best is null || score > best.Value.Score)) best = (runStart, i, score);
            runStart = i;
            decreases = 0;
        }
        if (best is not { } run) return null;
        return Build(text, stamps, run.From, run.To, lastTitleLimit);
    }

    private static int Score(string text, List<Stamp> stamps, int from, int to)
    {
        int count = to - from;
        bool headed = HeadingStart(text, stamps[from].Start) is not null;
        if (count < 3 && !(headed && count == 2)) return 0;
        // A heading says it is the chapter list; a list from the start of the recording is one too.
        return count + (headed ? 1000 : 0) + (stamps[from].Time <= TimeSpan.FromMinutes(1) ? 100 : 0);
    }

    private static int? HeadingStart(string text, int stampStart)
    {
        int from = Math.Max(0, stampStart - 60);
        var before = text[from..stampStart];
        // The time's own bracket or bullet sits between the heading and the time.
        before = before.TrimEnd('(', '[', '*', '•', '-', ' ', '\t', '\n', '\r');
        var m = Heading().Match(before);
        return m.Success ? from + m.Index : null;
    }

    private static ChapterList? Build(string text, List<Stamp> stamps, int from, int to, Func<string, int, int>? lastTitleLimit)
    {
        var titles = new List<string>();
        for (int i = from; i < to; i++)
        {
            int end = i + 1 < to ? stamps[i + 1].Start : LastTitleEnd(text, stamps[i].End, titles, lastTitleLimit);
            // A bracket or bullet that opens the next time belongs to it, not to this title.
            titles.Add(text[stamps[i].End..end]);
        }
        int listEnd = to - 1 >= from ? stamps[to - 1].End + titles[^1].Length : stamps[from].End;

        var cleaned = titles.Select(CleanTitle).ToList();
        StripSectionHeadings(cleaned);

        var entries = new List<ChapterListEntry>();
        for (int i = 0; i < cleaned.Count; i++)
            if (cleaned[i].Length > 0 && cleaned[i].Any(char.IsLetterOrDigit))
                entries.Add(new ChapterListEntry(cleaned[i], stamps[from + i].Time));
        if (entries.Count < 2) return null;

        int start = HeadingStart(text, stamps[from].Start) ?? stamps[from].Start;
        // A bullet before the first time belongs to the list.
        while (start > 0 && text[start - 1] is '*' or '•' or '-' or '(' or '[' or ' ' or '\t') start--;
        while (start < text.Length && text[start] is ' ' or '\t') start++;
        return new ChapterList(entries, start, listEnd);
    }

    /// <summary>Where the last title ends: the end of its line, or where other text plainly begins.</summary>
    private static int LastTitleEnd(string text, int from, List<string> titles, Func<string, int, int>? limit)
    {
        int lineEnd = text.IndexOfAny(['\n', '\r'], from);
        if (lineEnd < 0) lineEnd = text.Length;
        int longest = titles.Count == 0 ? 80 : titles.Max(t => t.Trim().Length);
        int cap = Math.Min(lineEnd, from + Math.Max(60, longest * 3 / 2));
        var m = LastTitleEnd().Match(text, from, cap - from);
        int end = m.Success ? m.Index + (m.Value.Length > 0 && m.Value[0] is '.' or '!' or '?' ? 1 : 0) : cap;
        if (limit is not null) end = Math.Min(end, Math.Max(from, limit(text, from)));
        if (end < lineEnd && end == cap)
        {
            // Cut at a word, not inside one.
            int space = text.LastIndexOf(' ', end - 1, end - from);
            if (space > from) end = space;
        }
        return end;
    }

    private static string CleanTitle(string raw)
    {
        var t = Url().Replace(raw, " ");
        t = Whitespace().Replace(t, " ").Trim();
        t = t.TrimStart('-', '–', '—', ':', '|', '•', '*', '·', ')', ']', ' ');
        t = t.TrimEnd('-', '–', '—', '|', '•', '*', '·', ',', ';', '(', '[', ' ');
        return t;
    }

    /// <summary>
    /// News shows group their list under section headings, which lost HTML glues to the title
    /// before ("… for coding Applications &amp; Business"). Only a pattern that recurs is removed.
    /// </summary>
    private static void StripSectionHeadings(List<string> titles)
    {
        var matches = new Match?[titles.Count];
        int count = 0;
        for (int i = 0; i < titles.Count - 1; i++)
        {
            var m = TrailingSection().Match(titles[i]);
            if (m.Success && m.Index > 0) { matches[i] = m; count++; }
            // Where titles use '&' themselves, a trailing "A & B" is part of the title.
            else if (titles[i].Contains(" & ", StringComparison.Ordinal)) return;
        }
        if (count < 2 || titles[^1].Contains(" & ", StringComparison.Ordinal)) return;
        for (int i = 0; i < titles.Count; i++)
            if (matches[i] is { } m) titles[i] = titles[i][..m.Index].TrimEnd();
    }

    private static bool HasLetter(string text, int from, int to)
    {
        for (int i = from; i < to; i++)
            if (char.IsLetter(text[i])) return true;
        return false;
    }

    /// <summary>
    /// Every <c>m:ss</c>, <c>mm:ss</c> or <c>h:mm:ss</c> in the text, with its brackets, in order.
    /// A time may be glued to a word before it, but not to digits, a colon or a decimal point.
    /// </summary>
    private static List<Stamp> FindStamps(string text)
    {
        var stamps = new List<Stamp>();
        int i = 0;
        while (i < text.Length)
        {
            if (!char.IsAsciiDigit(text[i])) { i++; continue; }
            int runStart = i;
            while (i < text.Length && char.IsAsciiDigit(text[i])) i++;
            if (i >= text.Length || text[i] != ':') continue;
            // "Part 203:33": a time has at most two digits before its first colon.
            int first = Math.Max(runStart, i - 2);
            // Not the tail of a longer number ("1.5:30", "12:30:45:10", "$3:00"); a heading's colon is fine.
            if (first == runStart && runStart > 1 && text[runStart - 1] is ':' or '.' or ',' or '/' && char.IsAsciiDigit(text[runStart - 2])) continue;
            if (first == runStart && runStart > 0 && text[runStart - 1] == '$') continue;
            int pos = i;
            int groups = 0;
            while (groups < 2 && pos < text.Length && text[pos] == ':' && IsDigitAt(text, pos + 1) && IsDigitAt(text, pos + 2))
            {
                pos += 3;
                groups++;
            }
            if (groups == 0) continue;
            i = pos;
            // A following digit or ":dd" means this is something else (a ratio, a longer number).
            if (pos < text.Length && (char.IsAsciiDigit(text[pos]) || (text[pos] == ':' && IsDigitAt(text, pos + 1)))) continue;
            if (FollowedByClockSuffix(text, pos)) continue;
            if (!Timecode.TryParse(text[first..pos], out var time)) continue;
            int start = first, end = pos;
            char bracket = ' ';
            if (start > 0 && text[start - 1] is '(' or '[' && end < text.Length && text[end] is ')' or ']') { bracket = text[start - 1]; start--; end++; }
            stamps.Add(new Stamp(start, end, time, bracket));
        }
        return stamps;
    }

    private static bool IsDigitAt(string text, int index) => index < text.Length && char.IsAsciiDigit(text[index]);

    /// <summary>"10:30 am" is a time of day, not a position in a recording.</summary>
    private static bool FollowedByClockSuffix(string text, int pos)
    {
        int j = pos;
        while (j < text.Length && text[j] == ' ') j++;
        if (j + 1 >= text.Length) return false;
        char a = char.ToLowerInvariant(text[j]), b = char.ToLowerInvariant(text[j + 1]);
        return (a is 'a' or 'p') && b == 'm' && (j + 2 >= text.Length || !char.IsLetter(text[j + 2]));
    }
}
