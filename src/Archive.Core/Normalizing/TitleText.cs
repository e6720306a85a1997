using System.Text.RegularExpressions;
using Archive.Core.Text;

namespace Archive.Core.Normalizing;

/// <summary>Titles as people write them: trimmed, one line, no trailing full stop, at most 90 characters.</summary>
public static partial class TitleText
{
    public const int MaxLength = 90;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static string Clean(string title)
    {
        var t = Whitespace().Replace(title, " ").Trim();
        // "A title." reads as a sentence; keep "…", "?!" and abbreviations like "Inc."
        if (t.EndsWith('.') && !t.EndsWith("..", StringComparison.Ordinal) && !EndsWithAbbreviation(t)) t = t[..^1].TrimEnd();
        return t;
    }

    /// <summary>A title from the transcript's first sentence, cut at a word to fit.</summary>
    public static string? FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var flat = Whitespace().Replace(text, " ").Trim();
        var ends = Sentences.Ends(flat);
        var sentence = ends.Count > 0 ? flat[..ends[0]].Trim() : flat;
        sentence = CutAtWord(sentence, MaxLength);
        if (!sentence.Any(char.IsLetterOrDigit)) return null;
        // Speech-to-text often starts lowercase mid-sentence; a title starts with a capital.
        return Clean(char.ToUpperInvariant(sentence[0]) + sentence[1..]);
    }

    /// <summary>Cuts at the last word boundary within <paramref name="max"/> characters, adding an ellipsis.</summary>
    public static string CutAtWord(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max - 1);
        var head = (cut > max / 3 ? text[..cut] : text[..(max - 1)]).TrimEnd(',', ';', ':', '-', '–', '—', ' ');
        return head + "…";
    }

    private static bool EndsWithAbbreviation(string t)
    {
        int space = t.LastIndexOf(' ');
        var word = t[(space + 1)..^1];
        return word is "Inc" or "Ltd" or "Co" or "Jr" or "Sr" or "Dr" or "St" or "vs" or "etc" || (word.Length == 1 && char.IsUpper(word[0]));
    }
}
