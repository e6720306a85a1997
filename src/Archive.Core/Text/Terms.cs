using System.Globalization;
using System.Text;

namespace Archive.Core.Text;

/// <summary>
/// A word of running text: as written, and reduced to a stem for comparing. A stop word (a
/// function word or a filler of talk) says nothing; a common word says little alone ("data",
/// "review") but may be part of what a text is about.
/// </summary>
public readonly record struct Term(string Word, string Stem, bool IsStopWord, bool IsCommon = false);

/// <summary>
/// Splits text into words for matching and key phrases: lower-cased, with a light English stem
/// (<c>databases</c> and <c>database</c> compare equal) and a stop-word flag from the archive's stop
/// list. Deterministic and culture-invariant.
/// </summary>
public static class Terms
{
    /// <summary>A function word or filler, from the archive's one stop list (<see cref="Enriching.StopWords"/>).</summary>
    public static bool IsStopWord(string lowerWord) => Enriching.StopWords.Of(lowerWord) == Enriching.StopWords.Kind.Function;

    /// <summary>The words of the text, in order. Hyphens and slashes split words; apostrophes stay inside them.</summary>
    public static List<Term> Of(string text)
    {
        var terms = new List<Term>();
        var word = new StringBuilder();
        void Emit()
        {
            if (word.Length == 0) return;
            var w = word.ToString().Trim('\'');
            word.Clear();
            if (w.Length == 0) return;
            var lower = w.ToLowerInvariant();
            bool stop = IsStopWord(lower) || (lower.Length < 2) || lower.All(char.IsDigit) && lower.Length < 4;
            terms.Add(new Term(w, Stem(lower), stop, !stop && Enriching.StopWords.Of(lower) == Enriching.StopWords.Kind.Common));
        }
        foreach (var ch in text)
        {
            var c = ch is '’' or '‘' ? '\'' : ch;
            if (char.IsLetterOrDigit(c) || c == '\'' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) word.Append(c);
            else Emit();
        }
        Emit();
        return terms;
    }

    /// <summary>A light suffix-stripping stem; both sides of every comparison use it, so it need only be consistent.</summary>
    public static string Stem(string lower)
    {
        var w = lower;
        if (w.EndsWith("'s", StringComparison.Ordinal)) w = w[..^2];
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal)) return w[..^3] + "y";
        if (w.Length > 4 && w.EndsWith("sses", StringComparison.Ordinal)) return w[..^2];
        if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal)) return Undouble(w[..^3]);
        if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("eed", StringComparison.Ordinal)) return Undouble(w[..^2]);
        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
            w = w[..^1];
        if (w.Length > 3 && w.EndsWith('e')) w = w[..^1];
        return w;
    }

    private static string Undouble(string w)
    {
        if (w.Length > 3 && w[^1] == w[^2] && w[^1] is not ('l' or 's' or 'z')) w = w[..^1];
        if (w.Length > 4 && w.EndsWith('e')) w = w[..^1];
        return w;
    }
}
