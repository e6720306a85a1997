namespace Archive.Core.Enriching;

/// <summary>
/// The phrases (keys of one to three words, or longer ones that <c>archive.yml</c> names)
/// counted in the archive, numbered in the order they are added. A phrase is held as the ids of
/// its words' keys; its text (<c>vector search</c>) is made only when asked for, and phrases are
/// compared in the ordinal order of their texts without making them.
/// </summary>
public sealed class PhraseTable
{
    /// <summary>A phrase of up to three keys; unused places are -1.</summary>
    public readonly record struct Keys(int A, int B = -1, int C = -1)
    {
        public int Length => C >= 0 ? 3 : B >= 0 ? 2 : 1;
        public int this[int i] => i switch { 0 => A, 1 => B, _ => C };

        /// <summary>The phrase of one to three keys.</summary>
        public static Keys Of(ReadOnlySpan<int> keys) =>
            new(keys[0], keys.Length > 1 ? keys[1] : -1, keys.Length > 2 ? keys[2] : -1);
    }

    private const int MaxShortWords = 3;

    private readonly Vocabulary _vocabulary;
    private readonly Dictionary<Keys, int> _ids = [];
    // Phrases of more than three words come only from archive.yml's rules: few, held by text.
    private readonly Dictionary<string, int> _longIds = new(StringComparer.Ordinal);
    private readonly Dictionary<int, (string Text, int[] Keys)> _long = [];
    private readonly List<Keys> _keys = [];
    private string[] _keyTexts;

    public PhraseTable(Vocabulary vocabulary)
    {
        _vocabulary = vocabulary;
        _keyTexts = vocabulary.KeyTexts();
    }

    public int Count => _keys.Count;

    /// <summary>The id of a phrase, added if new.</summary>
    public int Id(Keys keys)
    {
        ref var id = ref System.Runtime.InteropServices.CollectionsMarshal.GetValueRefOrAddDefault(_ids, keys, out bool known);
        if (!known)
        {
            id = _keys.Count;
            _keys.Add(keys);
        }
        return id;
    }

    /// <summary>The id of a phrase given by its key text (<see cref="WordScanner.KeyOf"/>), added if new.</summary>
    public int Id(string phraseKey)
    {
        var keys = _vocabulary.KeyIds(phraseKey);
        if (keys.Any(k => k >= _keyTexts.Length)) _keyTexts = _vocabulary.KeyTexts();
        if (keys.Length is > 0 and <= MaxShortWords) return Id(Keys.Of(keys));
        if (_longIds.TryGetValue(phraseKey, out var id)) return id;
        id = _keys.Count;
        _keys.Add(new Keys(-1, -1, -1));
        _longIds[phraseKey] = id;
        _long[id] = (phraseKey, keys);
        return id;
    }

    /// <summary>The id of the phrase made of these keys, or -1.</summary>
    public int Find(ReadOnlySpan<int> keys)
    {
        if (keys.Length is > 0 and <= MaxShortWords) return _ids.TryGetValue(Keys.Of(keys), out var id) ? id : -1;
        return _longIds.TryGetValue(string.Join(' ', keys.ToArray().Select(k => _keyTexts[k])), out var longId) ? longId : -1;
    }

    /// <summary>The keys of a phrase, in order.</summary>
    public ReadOnlySpan<int> KeysOf(int id, Span<int> buffer)
    {
        if (_long.TryGetValue(id, out var phrase)) return phrase.Keys;
        var k = _keys[id];
        for (int i = 0; i < k.Length; i++) buffer[i] = k[i];
        return buffer[..k.Length];
    }

    public int WordsOf(int id) => _long.TryGetValue(id, out var phrase) ? phrase.Keys.Length : _keys[id].Length;

    /// <summary>The phrase's key text.</summary>
    public string Text(int id) => _long.TryGetValue(id, out var phrase) ? phrase.Text : Text(_keys[id], stackalloc char[TextBuffer]).ToString();

    /// <summary>Ordinal comparison of two phrases' texts.</summary>
    public int Compare(int a, int b)
    {
        if (a == b) return 0;
        return TextOf(a, stackalloc char[TextBuffer]).SequenceCompareTo(TextOf(b, stackalloc char[TextBuffer]));
    }

    /// <summary>Ordinal comparison of two phrases' texts, each given by its id or (id -1) its keys.</summary>
    public int Compare(int a, Keys aKeys, int b, Keys bKeys) =>
        (a >= 0 ? TextOf(a, stackalloc char[TextBuffer]) : Text(aKeys, stackalloc char[TextBuffer]))
            .SequenceCompareTo(b >= 0 ? TextOf(b, stackalloc char[TextBuffer]) : Text(bKeys, stackalloc char[TextBuffer]));

    /// <summary>Room for three keys of at most <see cref="WordScanner.MaxWordLength"/> characters and two spaces.</summary>
    private const int TextBuffer = 3 * WordScanner.MaxWordLength + 2;

    private ReadOnlySpan<char> TextOf(int id, Span<char> buffer) =>
        _long.Count > 0 && _long.TryGetValue(id, out var phrase) ? phrase.Text : Text(_keys[id], buffer);

    private ReadOnlySpan<char> Text(Keys keys, Span<char> buffer)
    {
        int n = 0;
        for (int i = 0; i < keys.Length; i++)
        {
            if (i > 0) buffer[n++] = ' ';
            var key = _keyTexts[keys[i]];
            key.CopyTo(buffer[n..]);
            n += key.Length;
        }
        return buffer[..n];
    }
}
