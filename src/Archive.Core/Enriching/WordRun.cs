namespace Archive.Core.Enriching;

/// <summary>
/// The words of one text (a paragraph, a title) with their positions, flags and lowercase forms,
/// kept in reusable arrays so scanning an archive allocates almost nothing per word.
/// </summary>
public sealed class WordRun
{
    private char[] _chars = new char[1024];
    private int[] _lowerStart = new int[128];
    private int[] _lowerLength = new int[128];
    private int[] _start = new int[128];
    private int[] _length = new int[128];
    private WordFlags[] _flags = new WordFlags[128];
    private long[] _lowerHash = new long[128];
    private int _used;

    public int Count { get; private set; }
    public string Text { get; private set; } = "";

    public int Start(int i) => _start[i];
    public int Length(int i) => _length[i];
    public WordFlags Flags(int i) => _flags[i];
    /// <summary>True when punctuation separates word <paramref name="i"/> from the word before it.</summary>
    public bool BreakBefore(int i) => (_flags[i] & WordFlags.AfterBreak) != 0;
    public ReadOnlySpan<char> Lower(int i) => _chars.AsSpan(_lowerStart[i], _lowerLength[i]);
    /// <summary>
    /// <see cref="WordScanner.Hash"/> of the lowercase form, mixed with how the word ends as
    /// written (SaaS is not saas): equal hashes mean equal keys.
    /// </summary>
    public long LowerHash(int i) => _lowerHash[i];
    public WordScanner.Ending Ending(int i) => WordScanner.EndingOf(Text.AsSpan(_start[i], _length[i]));

    /// <summary><see cref="WordScanner.Hash"/> of the key of word <paramref name="i"/>.</summary>
    public long KeyHash(int i)
    {
        Span<char> buffer = stackalloc char[WordScanner.MaxWordLength * 2];
        return WordScanner.Hash(Key(i, buffer));
    }

    /// <summary>The key of word <paramref name="i"/> (see <see cref="WordScanner.Fold"/>), written into <paramref name="buffer"/>.</summary>
    public ReadOnlySpan<char> Key(int i, Span<char> buffer)
    {
        var lower = Lower(i);
        lower.CopyTo(buffer);
        return buffer[..WordScanner.Fold(buffer, lower.Length, Ending(i))];
    }

    public WordRun Load(string text)
    {
        Text = text;
        Count = 0;
        _used = 0;
        var scanner = new WordScanner(text);
        while (scanner.Next())
        {
            if (Count == _start.Length) Grow();
            if (_used + WordScanner.MaxWordLength * 2 > _chars.Length) Array.Resize(ref _chars, _chars.Length * 2);
            int n = WordScanner.Lower(scanner.Word, _chars.AsSpan(_used));
            _lowerStart[Count] = _used;
            _lowerLength[Count] = n;
            _used += n;
            _start[Count] = scanner.Start;
            _length[Count] = scanner.Length;
            _flags[Count] = scanner.Flags;
            _lowerHash[Count] = WordScanner.Hash(_chars.AsSpan(_used - n, n)) ^ (long)WordScanner.EndingOf(scanner.Word);
            Count++;
        }
        return this;
    }

    private void Grow()
    {
        int size = _start.Length * 2;
        Array.Resize(ref _lowerStart, size);
        Array.Resize(ref _lowerLength, size);
        Array.Resize(ref _start, size);
        Array.Resize(ref _length, size);
        Array.Resize(ref _flags, size);
        Array.Resize(ref _lowerHash, size);
    }
}
