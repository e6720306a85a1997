using System.Text;
using Archive.Core.Text;

namespace Archive.Core.Normalizing;

/// <summary>A piece of one speaker's speech with the time it starts, as an input gives it.</summary>
public readonly record struct TimedFragment(string Text, TimeSpan? Start);

/// <summary>A paragraph made by <see cref="ParagraphBuilder"/>, with the fragment it starts in.</summary>
public readonly record struct BuiltParagraph(TimeSpan? Start, string Text, int FirstFragment);

/// <summary>
/// Joins one speaker's fragments (caption cues, or one long turn) into sentences and groups the
/// sentences into paragraphs of a few sentences each. A paragraph's time is the time of the
/// fragment it starts in, so a link to it plays from where it begins.
/// </summary>
public static class ParagraphBuilder
{
    public const int TargetWords = 90;
    public const int MinWords = 35;
    public const int MaxWords = 170;
    /// <summary>A paragraph spanning longer than this ends at the next sentence end.</summary>
    public static readonly TimeSpan MaxSpan = TimeSpan.FromSeconds(100);

    /// <param name="breakTimes">Times at which a new paragraph must begin (chapter starts), sorted.</param>
    public static List<BuiltParagraph> Build(IReadOnlyList<TimedFragment> input, IReadOnlyList<TimeSpan>? breakTimes = null)
    {
        // Join the non-empty fragments, remembering where each starts in the joined text.
        var fragments = new List<TimedFragment>(input.Count);
        var original = new List<int>(input.Count);
        var text = new StringBuilder();
        var offsetList = new List<int>(input.Count);
        for (int f = 0; f < input.Count; f++)
        {
            var piece = input[f].Text.Trim();
            if (piece.Length == 0) continue;
            if (text.Length > 0) text.Append(' ');
            offsetList.Add(text.Length);
            fragments.Add(input[f] with { Text = piece });
            original.Add(f);
            text.Append(piece);
        }
        var joined = text.ToString();
        if (joined.Length == 0) return [];
        var offsets = offsetList.ToArray();

        var units = SplitUnits(joined, offsets);
        var result = new List<BuiltParagraph>();
        int paragraphStart = -1, paragraphWords = 0, paragraphSentences = 0;
        int lastFragmentUsed = -1;
        int nextBreak = 0;
        TimeSpan? paragraphTime = null;

        void Close(int end)
        {
            if (paragraphStart < 0) return;
            var body = joined[paragraphStart..end].Trim();
            if (body.Length > 0)
            {
                int fragment = FragmentAt(offsets, paragraphStart);
                TimeSpan? start = null;
                int used = fragment;
                if (fragment != lastFragmentUsed) start = fragments[fragment].Start;
                else
                {
                    // The fragment's time belongs to the previous paragraph; take the next fragment
                    // that begins inside this one, if any.
                    for (int f = fragment + 1; f < fragments.Count && offsets[f] < end; f++)
                        if (fragments[f].Start is not null) { start = fragments[f].Start; used = f; break; }
                }
                if (start is not null) lastFragmentUsed = used;
                result.Add(new BuiltParagraph(start, body, original[fragment]));
            }
            paragraphStart = -1;
            paragraphWords = 0;
            paragraphSentences = 0;
            paragraphTime = null;
        }

        foreach (var (start, end) in units)
        {
            var unitTime = fragments[FragmentAt(offsets, start)].Start;
            if (breakTimes is not null && unitTime is { } ut)
            {
                bool mustBreak = false;
                while (nextBreak < breakTimes.Count && breakTimes[nextBreak] <= ut + TimeSpan.FromSeconds(1))
                {
                    mustBreak = true;
                    nextBreak++;
                }
                if (mustBreak) Close(start);
            }
            if (paragraphStart >= 0 && paragraphTime is { } pt && unitTime is { } u2 && u2 - pt > MaxSpan && paragraphWords >= MinWords)
                Close(start);

            int words = Sentences.CountWords(joined.AsSpan(start, end - start).ToString());
            if (paragraphStart >= 0 && paragraphWords + words > MaxWords && paragraphWords >= MinWords)
                Close(start);
            if (paragraphStart < 0)
            {
                paragraphStart = start;
                paragraphTime = unitTime;
            }
            paragraphWords += words;
            paragraphSentences++;
            if (paragraphWords >= TargetWords || (paragraphSentences >= 6 && paragraphWords >= MinWords))
                Close(end);
        }
        Close(joined.Length);
        return result;
    }

    /// <summary>
    /// Sentences, with overlong unpunctuated stretches (auto-captions) cut at fragment starts
    /// or, failing that, at word boundaries.
    /// </summary>
    private static List<(int Start, int End)> SplitUnits(string joined, int[] offsets)
    {
        var units = new List<(int, int)>();
        int from = 0;
        foreach (var end in Sentences.Ends(joined).Append(joined.Length))
        {
            CutLong(joined, offsets, from, end, units);
            from = end;
        }
        return units;
    }

    private static void CutLong(string joined, int[] offsets, int start, int end, List<(int, int)> units)
    {
        // Each step looks at most MaxWords words ahead, so a million unpunctuated words stay linear.
        while (Sentences.CountWords(joined.AsSpan(start, end - start), MaxWords + 1) > MaxWords)
        {
            // Find the cut nearest TargetWords words in, preferring a fragment start.
            int limit = IndexAfterWords(joined, start, TargetWords);
            // offsets[0] is 0, so the fragment at the limit is never before the text.
            int at = FragmentAt(offsets, limit);
            int cut = offsets[at] > start + 1 ? offsets[at] : limit;
            if (cut <= start || cut >= end) break;
            units.Add((start, cut));
            start = cut;
        }
        if (end > start) units.Add((start, end));
    }

    private static int IndexAfterWords(string text, int start, int words)
    {
        int count = 0;
        bool inWord = false;
        for (int i = start; i < text.Length; i++)
        {
            if (char.IsWhiteSpace(text[i]))
            {
                if (inWord && ++count == words) return i + 1;
                inWord = false;
            }
            else inWord = true;
        }
        return text.Length;
    }

    private static int FragmentAt(int[] offsets, int index)
    {
        int found = Array.BinarySearch(offsets, index);
        if (found < 0) found = ~found - 1;
        return Math.Clamp(found, 0, offsets.Length - 1);
    }
}
