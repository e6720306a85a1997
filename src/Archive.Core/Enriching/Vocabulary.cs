using System.Collections.Concurrent;

namespace Archive.Core.Enriching;

/// <summary>Function words that may join a three-word phrase: "return on investment", "Bank of America".</summary>
public enum Joiner : byte { None, Of, Other }

/// <summary>
/// The archive's words and their keys, numbered: each distinct word (its lowercase form and how
/// it ends as written, see <see cref="WordScanner.Fold"/>) is described once for the whole
/// archive, and each distinct key (<c>schemas</c> and <c>Schema</c> → <c>schema</c>) has one id,
/// so the enrich steps compare ints, never strings. Words are added while episodes are tokenised
/// in parallel; which thread meets a word first decides its id, so nothing may depend on the
/// order of ids (ties are broken by the key's text).
/// </summary>
public sealed class Vocabulary
{
    /// <summary>A distinct word: its key's id and what kind of word it is.</summary>
    public readonly record struct Word(int Key, StopWords.Kind Stop, bool Letters, bool Short, Joiner Join);

    /// <summary>Most distinct words: a token packs its word's id with its <see cref="WordFlags"/> into an int.</summary>
    public const int MaxWords = 1 << 27;
    private const int ChunkBits = 14;
    private const int ChunkSize = 1 << ChunkBits;

    private static readonly string[] WebSuffixes = [".com", ".org", ".net", ".io", ".co", ".ai", ".fm", ".dev", ".app", ".tv", ".me", ".html", ".gg", ".xyz", ".ly"];

    // Entries are written before their id is published and never move, so readers need no lock.
    private readonly Word[][] _words = new Word[MaxWords / ChunkSize][];
    private readonly ConcurrentDictionary<long, int> _wordIds = new();
    private readonly Dictionary<string, int> _keyIds = new(StringComparer.Ordinal);
    private readonly List<string> _keys = [];
    private readonly List<long> _keyHashes = [];
    private readonly Lock _gate = new();
    private int _wordCount;

    public int WordCount => Volatile.Read(ref _wordCount);

    public int KeyCount
    {
        get { lock (_gate) return _keys.Count; }
    }

    public Word this[int word] => _words[word >> ChunkBits][word & (ChunkSize - 1)];

    /// <summary>Every key's text, by id (for the steps that read many).</summary>
    public string[] KeyTexts()
    {
        lock (_gate) return [.. _keys];
    }

    /// <summary>Every key's <see cref="WordScanner.Hash"/>, by id (for <see cref="KeyFilter"/>s).</summary>
    public long[] KeyHashes()
    {
        lock (_gate) return [.. _keyHashes];
    }

    /// <summary>The ids of many keys, each added if new.</summary>
    public int[] KeyIds(IReadOnlyList<string> keys)
    {
        var ids = new int[keys.Count];
        lock (_gate)
            for (int i = 0; i < ids.Length; i++) ids[i] = KeyIdLocked(keys[i]);
        return ids;
    }

    /// <summary>The id of a key, added if new.</summary>
    public int KeyId(ReadOnlySpan<char> key)
    {
        lock (_gate) return KeyIdLocked(key);
    }

    /// <summary>The id of a key, or -1 when no word of the archive has it and it was never added.</summary>
    public int FindKey(ReadOnlySpan<char> key)
    {
        lock (_gate) return _keyIds.GetAlternateLookup<ReadOnlySpan<char>>().TryGetValue(key, out var id) ? id : -1;
    }

    /// <summary>The ids of the words of a phrase's key (<see cref="WordScanner.KeyOf"/>), each added if new.</summary>
    public int[] KeyIds(string phraseKey) =>
        phraseKey.Length == 0 ? [] : phraseKey.Split(' ').Select(w => KeyId(w)).ToArray();

    /// <summary>The id of the word a scanner stands on (its lowercase form in <paramref name="lower"/>), described and added if new.</summary>
    public int WordId(long lowerHash, ReadOnlySpan<char> word, ReadOnlySpan<char> lower)
    {
        if (_wordIds.TryGetValue(lowerHash, out var id)) return id;
        lock (_gate)
        {
            if (_wordIds.TryGetValue(lowerHash, out id)) return id;
            id = _wordCount;
            if (id >= MaxWords) throw new InvalidOperationException($"more than {MaxWords:N0} distinct words: the archive is too large to enrich");
            (_words[id >> ChunkBits] ??= new Word[ChunkSize])[id & (ChunkSize - 1)] = Describe(word, lower);
            Volatile.Write(ref _wordCount, id + 1);
            _wordIds[lowerHash] = id;
            return id;
        }
    }

    private int KeyIdLocked(ReadOnlySpan<char> key)
    {
        var lookup = _keyIds.GetAlternateLookup<ReadOnlySpan<char>>();
        if (lookup.TryGetValue(key, out var id)) return id;
        id = _keys.Count;
        var text = key.ToString();
        _keys.Add(text);
        _keyHashes.Add(WordScanner.Hash(text));
        _keyIds[text] = id;
        return id;
    }

    private Word Describe(ReadOnlySpan<char> word, ReadOnlySpan<char> lower)
    {
        Span<char> buffer = stackalloc char[WordScanner.MaxWordLength * 2];
        lower.CopyTo(buffer);
        var key = buffer[..WordScanner.Fold(buffer, lower.Length, WordScanner.EndingOf(word))];
        var stop = (StopWords.Kind)Math.Max((byte)StopWords.Of(lower), (byte)StopWords.Of(key));
        bool letters = false;
        foreach (var c in lower) if (char.IsLetter(c)) { letters = true; break; }
        // Web addresses are not words (twitter.com); dotted names are (node.js).
        if (lower.Contains('.'))
            foreach (var suffix in WebSuffixes)
                if (lower.EndsWith(suffix, StringComparison.Ordinal)) letters = false;
        var join = lower switch { "of" => Joiner.Of, "on" or "for" or "and" or "in" or "to" => Joiner.Other, _ => Joiner.None };
        return new Word(KeyIdLocked(key), stop, letters, lower.Length < 3, join);
    }
}
