namespace Archive.Core.Enriching;

/// <summary>
/// Finds phrases (sequences of word keys) in an episode's tokens (<see cref="EpisodeWords"/>): a
/// trie over key ids, so a text is matched against any number of phrases in one pass. The first
/// step is an array indexed by key id (made at the first match, after every phrase is added), so a word that begins no phrase costs one lookup. The
/// longest phrase at a position wins; a phrase never spans punctuation.
/// </summary>
public sealed class PhraseMatcher<T>
{
    private sealed class Node
    {
        public Dictionary<int, Node>? Children;
        public bool HasValue;
        public T? Value;
    }

    private readonly Vocabulary _vocabulary;
    private readonly Node _root = new();
    private Node?[]? _first;

    public PhraseMatcher(Vocabulary vocabulary) => _vocabulary = vocabulary;

    public int Count { get; private set; }

    /// <summary>Adds a phrase by its key (<see cref="WordScanner.KeyOf"/>); the first value given for a key stays.</summary>
    public void Add(string key, T value)
    {
        if (key.Length == 0) return;
        var node = _root;
        foreach (var id in _vocabulary.KeyIds(key))
        {
            node.Children ??= [];
            if (!node.Children.TryGetValue(id, out var next)) node.Children[id] = next = new Node();
            node = next;
        }
        if (node.HasValue) return;
        node.HasValue = true;
        node.Value = value;
        Count++;
        _first = null;
    }

    /// <summary>
    /// The longest phrase starting at token <paramref name="from"/> of <paramref name="tokens"/>
    /// (which ends at <paramref name="end"/>): its length in words (0 for none) and its value.
    /// </summary>
    public int Match(int[] tokens, int from, int end, out T? value)
    {
        value = default;
        var first = Volatile.Read(ref _first) ?? Index();
        int key = _vocabulary[EpisodeWords.WordOf(tokens[from])].Key;
        if ((uint)key >= (uint)first.Length || first[key] is not { } node) return 0;
        int best = 0;
        for (int i = from; ;)
        {
            if (node.HasValue)
            {
                best = i - from + 1;
                value = node.Value;
            }
            if (++i >= end || node.Children is null || (EpisodeWords.FlagsOf(tokens[i]) & WordFlags.AfterBreak) != 0) break;
            if (!node.Children.TryGetValue(_vocabulary[EpisodeWords.WordOf(tokens[i])].Key, out node!)) break;
        }
        return best;
    }

    /// <summary>The trie's first step as an array, made once all phrases are in.</summary>
    private Node?[] Index()
    {
        var first = new Node?[_root.Children is null ? 0 : _root.Children.Keys.Max() + 1];
        if (_root.Children is not null)
            foreach (var (key, node) in _root.Children) first[key] = node;
        Volatile.Write(ref _first, first);
        return first;
    }
}
