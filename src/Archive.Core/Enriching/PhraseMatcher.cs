namespace Archive.Core.Enriching;

/// <summary>
/// Finds phrases (sequences of word keys) in a <see cref="WordRun"/>: a trie over words, so a
/// text is matched against any number of phrases in one pass. The longest phrase at a position
/// wins; a phrase never spans punctuation.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private sealed class Node
    {
        public Dictionary<long, Node>? Children;
        public bool HasValue;
        public T? Value;
    }

    private readonly Node _root = new();

    public int Count { get; private set; }

    /// <summary>Adds a phrase by its key (<see cref="WordScanner.KeyOf"/>); the first value given for a key stays.</summary>
    public bool Add(string key, T value)
    {
        if (key.Length == 0) return false;
        var node = _root;
        foreach (var word in key.Split(' '))
        {
            node.Children ??= [];
            var hash = WordScanner.Hash(word);
            if (!node.Children.TryGetValue(hash, out var next)) node.Children[hash] = next = new Node();
            node = next;
        }
        if (node.HasValue) return false;
        node.HasValue = true;
        node.Value = value;
        Count++;
        return true;
    }

    /// <summary>The longest phrase starting at word <paramref name="from"/>: its length in words (0 for none) and its value.</summary>
    public int Match(WordRun words, int from, out T? value)
    {
        value = default;
        int best = 0;
        var node = _root;
        for (int i = from; i < words.Count && node.Children is not null; i++)
        {
            if (i > from && words.BreakBefore(i)) break;
            if (!node.Children.TryGetValue(words.KeyHash(i), out var next)) break;
            node = next;
            if (node.HasValue)
            {
                best = i - from + 1;
                value = node.Value;
            }
        }
        return best;
    }
}
