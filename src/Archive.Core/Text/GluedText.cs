using System.Text;

namespace Archive.Core.Text;

/// <summary>
/// Text scraped from HTML whose tags were dropped without a space: paragraphs run into each other
/// (<c>reality.Brought to you by:KPMG</c>, <c>admire!We covered</c>). Separates them only where that
/// is certain: a sentence end directly followed by a capitalised word, a label's colon directly
/// followed by a capital, a link glued to the word before it. Domain names (<c>Latent.Space</c>)
/// stay whole.
/// </summary>
public static class GluedText
{
    // Domain endings that are not also words starting a sentence ("So", "It", "Me" are both).
    private static readonly HashSet<string> TopLevelDomains = new(StringComparer.OrdinalIgnoreCase)
    {
        "com", "org", "net", "io", "ai", "co", "fm", "tv", "sh", "gg", "dev", "app", "xyz", "info", "space", "edu",
        "gov", "uk", "de", "fr", "eu", "ly", "wiki", "pub",
    };

    /// <summary>
    /// The text with <paramref name="separator"/> put at every certain glue point (a space for
    /// running text, a blank line to restore lost paragraphs). Linear in the length of the text.
    /// </summary>
    public static string Separate(string text, string separator = " ")
    {
        StringBuilder? sb = null;
        int copied = 0;
        for (int i = 1; i + 1 < text.Length; i++)
        {
            string? insert = GlueAt(text, i, separator);
            if (insert is null) continue;
            sb ??= new StringBuilder(text.Length + 64);
            sb.Append(text, copied, i - copied).Append(insert);
            copied = i;
        }
        if (sb is null) return text;
        sb.Append(text, copied, text.Length - copied);
        return sb.ToString();
    }

    /// <summary>True when a sentence ends at <paramref name="i"/> - 1 and the next starts, glued, at <paramref name="i"/>.</summary>
    public static bool IsSentenceGlue(string text, int i) =>
        i > 0 && i + 1 < text.Length && text[i - 1] is '.' or '!' or '?' or '…' && GlueAt(text, i, " ") is not null;

    /// <summary>What to insert before position <paramref name="i"/>, or null.</summary>
    private static string? GlueAt(string text, int i, string separator)
    {
        char prev = text[i - 1], c = text[i];

        // "https://" glued to the word before it: "(FEP)https://…", "Reflections:https://…"
        if (c == 'h' && !char.IsWhiteSpace(prev) && prev is not ('(' or '<' or '"' or '\'' or '[' or '/' or '=')
            && (StartsWithAt(text, i, "https://") || StartsWithAt(text, i, "http://")))
            return " ";

        if (!char.IsUpper(c)) return null;

        // "by:KPMG", "Updated:Find", "REFERENCES:Concept" — a label's colon glued to what follows.
        if (prev == ':' && i >= 2 && char.IsLetter(text[i - 2]) && (char.IsLower(text[i - 2]) || (i + 1 < text.Length && char.IsLower(text[i + 1])))
            && !InUrl(text, i - 1)) return " ";

        if (prev is not ('.' or '!' or '?' or '…')) return null;
        // The next word must be a word: "Yeah.Alessio", "survey!Today's", but not "U.S." or "e.g.A".
        if (!(i + 1 < text.Length && (char.IsLower(text[i + 1]) || text[i + 1] is '\'' or '’' || (char.IsUpper(text[i + 1]) && WordLength(text, i) >= 2))))
            return null;
        // "Node.JS", "ASP.NET", "Character.AI": a name, not two sentences.
        if (prev == '.' && Word(text, i) is "JS" or "TS" or "NET" or "AI" or "IO" or "JSON" or "JSX") return null;
        int w = i - 2;
        while (w >= 0 && text[w] is '.' or '!' or '?' or '…' or ')' or '"' or '”' or '\'' or '’' or ']') w--;
        if (w < 0 || !(char.IsLetterOrDigit(text[w]) || text[w] == '%')) return null;
        if (prev == '.')
        {
            int wordStart = w;
            while (wordStart > 0 && (char.IsLetterOrDigit(text[wordStart - 1]) || text[wordStart - 1] is '-' or '/' or '@')) wordStart--;
            var before = text.AsSpan(wordStart, w + 1 - wordStart);
            // An initial or an abbreviation with dots ("J.", "e.g.", "U.S."): not a sentence end.
            if (before.Length == 1) return null;
            if (before.Contains('@') || before.Contains('/') || InUrl(text, i)) return null;
            if (wordStart > 0 && text[wordStart - 1] == '@') return null;
            // "Latent.Space", "Example.Com": a name written as its domain.
            if (char.IsUpper(before[0]) && TopLevelDomains.Contains(Word(text, i))) return null;
        }
        return separator;
    }

    private static bool StartsWithAt(string text, int i, string value) =>
        string.CompareOrdinal(text, i, value, 0, value.Length) == 0;

    private static int WordLength(string text, int i)
    {
        int j = i;
        while (j < text.Length && char.IsLetter(text[j])) j++;
        return j - i;
    }

    private static string Word(string text, int i)
    {
        int j = i;
        while (j < text.Length && char.IsLetter(text[j]) && j - i < 12) j++;
        return text[i..j];
    }

    /// <summary>True when the position is inside a URL (a "://" earlier in the same run of non-spaces).</summary>
    private static bool InUrl(string text, int i)
    {
        for (int j = i - 1; j >= 0 && j > i - 300; j--)
        {
            if (char.IsWhiteSpace(text[j])) return false;
            if (text[j] == '/' && j >= 2 && text[j - 1] == '/' && text[j - 2] == ':') return true;
            if (j >= 3 && text[j] == '.' && text[j - 1] == 'w' && text[j - 2] == 'w' && text[j - 3] == 'w') return true;
        }
        return false;
    }
}
