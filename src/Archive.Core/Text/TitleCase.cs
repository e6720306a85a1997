namespace Archive.Core.Text;

/// <summary>Whether a phrase is written the way titles and names are: most of its words capitalised.</summary>
public static class TitleCase
{
    /// <summary>
    /// True when at least 70% of the words of four letters or more start with a capital (short words
    /// such as "and", "of", "the" do not count), and there are at least <paramref name="minWords"/> of them.
    /// </summary>
    public static bool IsMostlyCapitalised(string text, int minWords = 2)
    {
        int significant = 0, capitalised = 0;
        foreach (var word in text.Split([' ', '\t'], StringSplitOptions.RemoveEmptyEntries))
        {
            var w = word.TrimStart('(', '"', '“', '\'', '‘', '[');
            int letters = 0;
            while (letters < w.Length && (char.IsLetter(w[letters]) || w[letters] is '\'' or '’' or '-')) letters++;
            if (letters < 4 || !char.IsLetter(w[0])) continue;
            significant++;
            if (char.IsUpper(w[0])) capitalised++;
        }
        return significant >= minWords && capitalised * 10 >= significant * 7;
    }
}
