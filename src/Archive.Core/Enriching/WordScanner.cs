namespace Archive.Core.Enriching;

/// <summary>How a word was written, and what stood before it.</summary>
[Flags]
public enum WordFlags : byte
{
    None = 0,
    /// <summary>Starts with a capital letter.</summary>
    Capitalized = 1,
    /// <summary>Two or more letters, all capitals (an acronym such as LLM).</summary>
    AllCaps = 2,
    /// <summary>First word of a sentence, where a capital says nothing.</summary>
    SentenceStart = 4,
    /// <summary>Punctuation stands between this word and the one before: no phrase spans it.</summary>
    AfterBreak = 8,
}

/// <summary>
/// Splits running text into words for topic statistics and mention matching, allocation-free:
/// letters and digits, with apostrophes and hyphens inside words (<c>don't</c>, <c>real-time</c>),
/// dots between letters or digits (<c>node.js</c>, <c>3.5</c>) and a trailing <c>++</c> or
/// <c>#</c> (<c>C++</c>, <c>C#</c>). A word's key is its lowercase form without a possessive
/// <c>'s</c> and with a plural folded (<c>schemas</c> → <c>schema</c>), so spellings of one
/// term meet.
/// </summary>
public ref struct WordScanner
{
    /// <summary>Longer "words" are not words (URLs, hashes): they are skipped as breaks.</summary>
    public const int MaxWordLength = 40;

    private readonly ReadOnlySpan<char> _text;
    private int _position;
    private bool _sentenceEnded;
    private bool _broken;

    public WordScanner(ReadOnlySpan<char> text)
    {
        _text = text;
        _position = 0;
        _sentenceEnded = true;
        _broken = true;
    }

    public int Start { get; private set; }
    public int Length { get; private set; }
    public WordFlags Flags { get; private set; }
    public ReadOnlySpan<char> Word => _text.Slice(Start, Length);

    public bool Next()
    {
        while (_position < _text.Length)
        {
            char c = _text[_position];
            if (!char.IsLetterOrDigit(c))
            {
                if (c is '.' or '!' or '?' or '…') { _sentenceEnded = true; _broken = true; }
                else if (!char.IsWhiteSpace(c) || c is '\n' or '\r') _broken = true;
                _position++;
                continue;
            }
            int start = _position;
            int end = WordEnd(start);
            _position = end;
            if (end - start > MaxWordLength) { _broken = true; continue; }
            Start = start;
            Length = end - start;
            Flags = Shape(_text.Slice(start, end - start))
                | (_sentenceEnded ? WordFlags.SentenceStart : 0)
                | (_broken ? WordFlags.AfterBreak : 0);
            _sentenceEnded = false;
            _broken = false;
            return true;
        }
        return false;
    }

    private readonly int WordEnd(int i)
    {
        while (i < _text.Length)
        {
            char c = _text[i];
            if (char.IsLetterOrDigit(c)) { i++; continue; }
            bool inside = i + 1 < _text.Length && char.IsLetterOrDigit(_text[i + 1]) && i > 0 && char.IsLetterOrDigit(_text[i - 1]);
            if (inside && c is '\'' or '’' or '-' or '‐') { i++; continue; }
            if (inside && c == '.' && i + 2 <= _text.Length && !char.IsUpper(_text[i + 1])) { i++; continue; }
            if (c is '+' && i + 1 < _text.Length && _text[i + 1] == '+' && (i + 2 == _text.Length || !char.IsLetterOrDigit(_text[i + 2]))) return i + 2;
            if (c is '#' && (i + 1 == _text.Length || !char.IsLetterOrDigit(_text[i + 1])) && i > 0 && char.IsLetter(_text[i - 1])) return i + 1;
            break;
        }
        return i;
    }

    private static WordFlags Shape(ReadOnlySpan<char> word)
    {
        if (!char.IsUpper(word[0])) return WordFlags.None;
        // An acronym's plural is still an acronym: LLMs, APIs.
        if (word.Length > 2 && word[^1] == 's' && char.IsUpper(word[^2])) word = word[..^1];
        int letters = 0;
        foreach (var ch in word)
        {
            if (!char.IsLetter(ch)) continue;
            if (!char.IsUpper(ch)) return WordFlags.Capitalized;
            letters++;
        }
        return letters >= 2 ? WordFlags.Capitalized | WordFlags.AllCaps : WordFlags.Capitalized;
    }

    /// <summary>The lowercase form of a word, curly apostrophes straightened; <paramref name="buffer"/> holds at least <see cref="MaxWordLength"/> characters.</summary>
    public static int Lower(ReadOnlySpan<char> word, Span<char> buffer)
    {
        int n = word.ToLowerInvariant(buffer);
        for (int i = 0; i < n; i++) if (buffer[i] is '’' or '‐') buffer[i] = buffer[i] == '’' ? '\'' : '-';
        return n;
    }

    /// <summary>
    /// Folds a lowercase word to its key: no possessive, plurals as singulars (<c>policies</c> →
    /// <c>policy</c>, <c>searches</c> → <c>search</c>, <c>GPUs</c> → <c>gpu</c>). How the word
    /// was written decides: one ending in a capital (<c>SaaS</c>, <c>AWS</c>, <c>iOS</c>) is a
    /// name, not a plural.
    /// </summary>
    public static int Fold(Span<char> word, int length, Ending ending = Ending.Lowercase)
    {
        if (length > 2 && word[length - 2] == '\'' && word[length - 1] == 's') return length - 2;
        if (length > 1 && word[length - 1] == '\'') return length - 1;
        if (ending == Ending.Capital || length <= 2 || word[length - 1] != 's') return length;
        if (ending == Ending.CapitalThenS) return length - 1;
        if (length <= 3) return length;
        if (length > 4 && word[length - 3] == 'i' && word[length - 2] == 'e')
        {
            word[length - 3] = 'y';
            return length - 2;
        }
        var w = word[..length];
        if (w.EndsWith("sses") || w.EndsWith("xes") || w.EndsWith("ches") || w.EndsWith("shes") || w.EndsWith("zzes")) return length - 2;
        if (word[length - 2] is 's' or 'u' or 'i' or '\'') return length;
        return length - 1;
    }

    /// <summary>How a word as written ends, which decides its key: see <see cref="Fold"/>.</summary>
    public enum Ending : byte { Lowercase, Capital, CapitalThenS }

    public static Ending EndingOf(ReadOnlySpan<char> word) =>
        word.Length > 0 && char.IsUpper(word[^1]) ? Ending.Capital
        : word.Length > 1 && word[^1] == 's' && char.IsUpper(word[^2]) ? Ending.CapitalThenS
        : Ending.Lowercase;

    /// <summary>
    /// A 64-bit FNV-1a hash of a word's characters: words are looked up by it instead of by
    /// string, which keeps lookups in compact tables (two words colliding is a one in 2^64 chance).
    /// </summary>
    public static long Hash(ReadOnlySpan<char> word)
    {
        ulong h = 14695981039346656037UL;
        foreach (var c in word) h = (h ^ c) * 1099511628211UL;
        return (long)h;
    }

    /// <summary>The key of a whole phrase: each word's key, joined by single spaces (<c>Vector Searches</c> → <c>vector search</c>).</summary>
    public static string KeyOf(string phrase)
    {
        var scanner = new WordScanner(phrase);
        Span<char> buffer = stackalloc char[MaxWordLength * 2];
        var sb = new System.Text.StringBuilder();
        while (scanner.Next())
        {
            int n = Fold(buffer, Lower(scanner.Word, buffer), EndingOf(scanner.Word));
            if (sb.Length > 0) sb.Append(' ');
            sb.Append(buffer[..n]);
        }
        return sb.ToString();
    }
}
