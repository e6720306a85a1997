namespace Archive.Core.Enriching;

/// <summary>
/// The stop list (<c>StopWords.txt</c>, embedded): function words, which never begin or end a
/// topic phrase, and common words, which are never a topic alone. A word is checked as written
/// and as its key, so <c>episodes</c> is stopped by <c>episode</c>.
/// </summary>
public static class StopWords
{
    public enum Kind : byte { None, Common, Function }

    private static readonly List<string> FunctionList = [];
    private static readonly Dictionary<string, Kind> Words = Load();
    private static readonly Dictionary<string, Kind>.AlternateLookup<ReadOnlySpan<char>> Lookup = Words.GetAlternateLookup<ReadOnlySpan<char>>();

    /// <summary>
    /// The function words as the list writes them (English): the search page leaves them out of
    /// a query, because the index chunk of a word said in every episode is large.
    /// </summary>
    public static IReadOnlyList<string> FunctionWords => FunctionList;

    /// <summary>The kind of a lowercase word or key.</summary>
    public static Kind Of(ReadOnlySpan<char> word) => Lookup.TryGetValue(word, out var kind) ? kind : Kind.None;

    private static Dictionary<string, Kind> Load()
    {
        using var stream = typeof(StopWords).Assembly.GetManifestResourceStream("Archive.Core.Enriching.StopWords.txt")
            ?? throw new InvalidOperationException("the stop list is not embedded in Archive.Core");
        using var reader = new StreamReader(stream);
        var words = new Dictionary<string, Kind>(StringComparer.Ordinal);
        var kind = Kind.Function;
        Span<char> buffer = stackalloc char[WordScanner.MaxWordLength * 2];
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            var text = line.Trim();
            if (text.Length == 0 || text[0] == '#') continue;
            if (text == "[function]") { kind = Kind.Function; continue; }
            if (text == "[common]") { kind = Kind.Common; continue; }
            foreach (var word in text.Split(' ', StringSplitOptions.RemoveEmptyEntries))
            {
                if (kind == Kind.Function) FunctionList.Add(word);
                Add(word, kind);
                word.AsSpan().CopyTo(buffer);
                Add(new string(buffer[..WordScanner.Fold(buffer, word.Length)]), kind);
            }
        }
        return words;

        void Add(string word, Kind k)
        {
            // A word in both lists is a function word: the stricter rule wins.
            if (!words.TryGetValue(word, out var had) || had < k) words[word] = k;
        }
    }
}
