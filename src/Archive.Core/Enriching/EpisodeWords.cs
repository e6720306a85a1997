using Archive.Core.Model;

namespace Archive.Core.Enriching;

/// <summary>
/// The words of one episode, tokenised once and shared by the enrich steps (topics, mentions):
/// its title, its summary and each paragraph, in that order, as tokens that pack a word's id in
/// the <see cref="Vocabulary"/> with its <see cref="WordFlags"/>. Four bytes a word; positions in
/// the text are found again by scanning the one text that needs them.
/// </summary>
public sealed class EpisodeWords
{
    private const int FlagBits = 4;

    private EpisodeWords(int[] tokens, int[] textStarts)
    {
        Tokens = tokens;
        TextStarts = textStarts;
    }

    /// <summary>Every token of the episode: texts one after another.</summary>
    public int[] Tokens { get; }

    /// <summary>Where each text's tokens start (title, summary, paragraph 0, 1, …), and the end.</summary>
    public int[] TextStarts { get; }

    /// <summary>Text 0 is the title, 1 the summary (empty without one); paragraphs follow.</summary>
    public const int FirstParagraphText = 2;

    public int TitleEnd => TextStarts[1];

    public static int WordOf(int token) => token >>> FlagBits;
    public static WordFlags FlagsOf(int token) => (WordFlags)(token & ((1 << FlagBits) - 1));

    /// <summary>The text with the given index: title, summary, then paragraphs.</summary>
    public static string TextOf(Episode e, int text) => text switch
    {
        0 => e.Title,
        1 => e.Summary ?? "",
        _ => e.Paragraphs[text - FirstParagraphText].Text,
    };

    /// <summary>The index of the text that holds a token, given where each text's tokens start (<see cref="TextStarts"/>).</summary>
    public static int TextOfToken(int[] textStarts, int token)
    {
        int at = Array.BinarySearch(textStarts, token);
        if (at < 0) return ~at - 1;
        // Empty texts start where the next one does: the token is in the last of them.
        while (at + 1 < textStarts.Length && textStarts[at + 1] == token) at++;
        return at;
    }

    /// <summary>
    /// The filter of the keys the episode says and of the pairs it says one after the other within a
    /// text (<see cref="Enriching.KeyFilter"/>); <paramref name="keyHashes"/> is <see cref="Vocabulary.KeyHashes"/>,
    /// taken after the episode was tokenised.
    /// </summary>
    public KeyFilter KeyFilter(Vocabulary vocabulary, long[] keyHashes)
    {
        // Sized for its distinct keys (counted on a bitmap of key ids) and every pair, repeated or not:
        // counting distinct pairs costs more than the few bytes it would save.
        var seen = new ulong[(keyHashes.Length + 63) / 64];
        int distinct = 0;
        foreach (var token in Tokens)
        {
            int key = vocabulary[WordOf(token)].Key;
            ref ulong word = ref seen[key >> 6];
            if ((word & (1UL << key)) == 0) { word |= 1UL << key; distinct++; }
        }
        var filter = Enriching.KeyFilter.For(distinct + Math.Max(0, Tokens.Length - 1));
        for (int text = 0; text + 1 < TextStarts.Length; text++)
        {
            long previous = 0;
            for (int t = TextStarts[text]; t < TextStarts[text + 1]; t++)
            {
                long hash = keyHashes[vocabulary[WordOf(Tokens[t])].Key];
                filter.Add(hash);
                if (t > TextStarts[text]) filter.Add(Enriching.KeyFilter.PairOf(previous, hash));
                previous = hash;
            }
        }
        return filter;
    }

    /// <summary>Each episode's words, tokenised in parallel into one vocabulary.</summary>
    public static EpisodeWords[] Tokenize(IReadOnlyList<Episode> episodes, Vocabulary vocabulary) =>
        Tokenize(episodes, vocabulary, _ => true)!;

    /// <summary>The words of the episodes <paramref name="which"/> picks, tokenised in parallel into one vocabulary; null for the others.</summary>
    public static EpisodeWords?[] Tokenize(IReadOnlyList<Episode> episodes, Vocabulary vocabulary, Func<int, bool> which)
    {
        var result = new EpisodeWords?[episodes.Count];
        // Tokenizers are reused across the loop's tasks, so each thread's table of words is built once.
        var tokenizers = new System.Collections.Concurrent.ConcurrentBag<Tokenizer>();
        Parallel.For(0, episodes.Count, () => tokenizers.TryTake(out var t) ? t : new Tokenizer(vocabulary), (i, _, tokenizer) =>
        {
            if (which(i)) result[i] = tokenizer.Tokenize(episodes[i]);
            return tokenizer;
        }, tokenizers.Add);
        return result;
    }

    /// <summary>
    /// Character positions (start, length) of the words of one text, as <see cref="WordScanner"/>
    /// finds them: token <c>TextStarts[text] + w</c> is word <c>w</c>.
    /// </summary>
    public static int Positions(string text, Span<(int Start, int Length)> into)
    {
        var scanner = new WordScanner(text);
        int n = 0;
        while (n < into.Length && scanner.Next()) into[n++] = (scanner.Start, scanner.Length);
        return n;
    }

    /// <summary>Tokenises episodes one after another; one per thread, with its own table of the words it has met.</summary>
    private sealed class Tokenizer(Vocabulary vocabulary)
    {
        private int[] _tokens = new int[16384];
        private readonly List<int> _starts = [];
        private int _count;
        // The thread's words: hash → id + 1 (0: empty), open addressing. Most words are met again
        // and again, so most cost one probe here and never touch the shared vocabulary.
        private long[] _hashes = new long[1 << 14];
        private int[] _ids = new int[1 << 14];
        private int _known;

        public EpisodeWords Tokenize(Episode e)
        {
            _count = 0;
            _starts.Clear();
            Add(e.Title);
            Add(e.Summary ?? "");
            foreach (var p in e.Paragraphs) Add(p.Text);
            _starts.Add(_count);
            return new EpisodeWords(_tokens[.._count], [.. _starts]);
        }

        private void Add(string text)
        {
            _starts.Add(_count);
            var scanner = new WordScanner(text);
            while (scanner.Next())
            {
                var word = scanner.Word;
                // The lowercase form, and how the word ends as written (SaaS is not saas).
                long hash = LowerHash(word) ^ (long)WordScanner.EndingOf(word);
                int id = Known(hash, word);
                if (_count == _tokens.Length) Array.Resize(ref _tokens, _tokens.Length * 2);
                _tokens[_count++] = id << FlagBits | (int)scanner.Flags;
            }
        }

        /// <summary><see cref="WordScanner.Hash"/> of the word's lowercase form (<see cref="WordScanner.Lower"/>), ASCII words without a copy.</summary>
        private static long LowerHash(ReadOnlySpan<char> word)
        {
            ulong h = 14695981039346656037UL;
            foreach (var c in word)
            {
                if (c >= 0x80)
                {
                    Span<char> lower = stackalloc char[WordScanner.MaxWordLength * 2];
                    return WordScanner.Hash(lower[..WordScanner.Lower(word, lower)]);
                }
                h = (h ^ (uint)(c is >= 'A' and <= 'Z' ? c | 0x20 : c)) * 1099511628211UL;
            }
            return (long)h;
        }

        private int Known(long hash, ReadOnlySpan<char> word)
        {
            int mask = _hashes.Length - 1;
            int at = (int)((ulong)hash * 0x9E3779B97F4A7C15UL >> 32) & mask;
            while (_ids[at] != 0)
            {
                if (_hashes[at] == hash) return _ids[at] - 1;
                at = (at + 1) & mask;
            }
            Span<char> lower = stackalloc char[WordScanner.MaxWordLength * 2];
            int id = vocabulary.WordId(hash, word, lower[..WordScanner.Lower(word, lower)]);
            _hashes[at] = hash;
            _ids[at] = id + 1;
            if (++_known * 2 > _hashes.Length) Grow();
            return id;
        }

        private void Grow()
        {
            var (hashes, ids) = (_hashes, _ids);
            _hashes = new long[hashes.Length * 2];
            _ids = new int[ids.Length * 2];
            int mask = _hashes.Length - 1;
            for (int i = 0; i < hashes.Length; i++)
            {
                if (ids[i] == 0) continue;
                int at = (int)((ulong)hashes[i] * 0x9E3779B97F4A7C15UL >> 32) & mask;
                while (_ids[at] != 0) at = (at + 1) & mask;
                _hashes[at] = hashes[i];
                _ids[at] = ids[i];
            }
        }
    }
}
