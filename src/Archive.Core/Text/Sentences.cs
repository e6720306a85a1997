namespace Archive.Core.Text;

/// <summary>Finds sentence ends in running text, for joining captions and splitting monologues.</summary>
public static class Sentences
{
    private static readonly HashSet<string> Abbreviations = new(StringComparer.OrdinalIgnoreCase)
    {
        "mr", "mrs", "ms", "dr", "prof", "sr", "jr", "st", "vs", "etc", "e.g", "i.e", "inc", "ltd", "co",
        "no", "vol", "approx", "u.s", "u.k", "mt", "ft", "jan", "feb", "mar", "apr", "jun", "jul", "aug",
        "sep", "sept", "oct", "nov", "dec",
    };

    /// <summary>
    /// Indexes just after each sentence end (after the punctuation and any closing quotes),
    /// where the next sentence begins after whitespace. The text end is not included.
    /// </summary>
    public static List<int> Ends(string text)
    {
        var ends = new List<int>();
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is not ('.' or '!' or '?' or '…')) continue;
            int j = i + 1;
            while (j < text.Length && text[j] is '.' or '!' or '?' or '"' or '\'' or '”' or '’' or ')' or ']' or '»') j++;
            if (j >= text.Length || !char.IsWhiteSpace(text[j])) { i = j - 1; continue; }
            int k = j;
            while (k < text.Length && char.IsWhiteSpace(text[k])) k++;
            if (k >= text.Length) break;
            char next = text[k];
            bool startsSentence = char.IsUpper(next) || char.IsDigit(next) || next is '"' or '“' or '\'' or '‘' or '(' or '[' or '¿' or '¡'
                || !char.IsLetter(next) && !char.IsPunctuation(next);
            if (!startsSentence) { i = j - 1; continue; }
            if (c == '.' && IsAbbreviation(text, i)) { i = j - 1; continue; }
            ends.Add(j);
            i = j - 1;
        }
        return ends;
    }

    private static bool IsAbbreviation(string text, int dot)
    {
        int start = dot;
        while (start > 0 && (char.IsLetter(text[start - 1]) || text[start - 1] == '.')) start--;
        var word = text[start..dot];
        if (word.Length == 0) return false;
        if (word.Length == 1 && char.IsUpper(word[0])) return true; // an initial: "J. R. R. Tolkien"
        return Abbreviations.Contains(word);
    }

    public static int CountWords(string text) => CountWords(text.AsSpan());

    /// <summary>The words of the text, counted up to <paramref name="atMost"/>: a caller asking "more than N?" reads no further.</summary>
    public static int CountWords(ReadOnlySpan<char> text, int atMost = int.MaxValue)
    {
        int words = 0;
        bool inWord = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c)) inWord = false;
            else if (!inWord)
            {
                inWord = true;
                if (++words == atMost) break;
            }
        }
        return words;
    }
}
