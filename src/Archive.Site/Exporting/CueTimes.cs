using Archive.Core.Model;

namespace Archive.Site.Exporting;

/// <summary>
/// Start and end of each paragraph as a cue. A paragraph ends where the next one starts; the last
/// one at the episode's length, or after the time its words take to say when that is unknown.
/// </summary>
public static class CueTimes
{
    /// <summary>Words per second of ordinary speech (150 a minute), for the last cue's end.</summary>
    private const double WordsPerSecond = 2.5;

    /// <summary>Captions need a time on every paragraph.</summary>
    public static bool AllTimed(Episode e) => e.Paragraphs.Count > 0 && e.Paragraphs.All(p => p.Start is not null);

    public static IReadOnlyList<(TimeSpan Start, TimeSpan End)> Of(Episode e)
    {
        var cues = new (TimeSpan, TimeSpan)[e.Paragraphs.Count];
        for (int i = 0; i < cues.Length; i++)
        {
            var start = e.Paragraphs[i].Start ?? TimeSpan.Zero;
            TimeSpan end;
            if (i + 1 < cues.Length && e.Paragraphs[i + 1].Start is { } next && next > start) end = next;
            else if (i + 1 == cues.Length && e.Duration is { } d && d > start) end = d;
            else end = start + TimeSpan.FromSeconds(Math.Max(1, Math.Ceiling(Words(e.Paragraphs[i].Text) / WordsPerSecond)));
            cues[i] = (start, end);
        }
        return cues;
    }

    private static int Words(string text)
    {
        int words = 0;
        bool inWord = false;
        foreach (var c in text)
        {
            bool letter = !char.IsWhiteSpace(c);
            if (letter && !inWord) words++;
            inWord = letter;
        }
        return words;
    }

    /// <summary>Paragraph text on one line: captions and plain text break lines themselves.</summary>
    public static string OneLine(string text) =>
        text.AsSpan().IndexOfAny('\n', '\r', '\t') < 0 && !text.Contains("  ", StringComparison.Ordinal)
            ? text.Trim()
            : string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
