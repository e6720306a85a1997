using System.Runtime.InteropServices;
using Archive.Core.Config;
using Archive.Core.Model;

namespace Archive.Core.Enriching;

/// <summary>
/// Topics of each episode: those its metadata names, and the words and phrases (up to three
/// words) that matter in it and recur across the archive, scored by TF-IDF. A phrase is a
/// candidate when it is said at least <see cref="Options.MinCount"/> times in an episode, is
/// not made of stop words (<see cref="StopWords"/>) or names of people and shows, and is a
/// candidate in at least <see cref="Options.MinSupport"/> episodes but not in most of them; an
/// episode gets its best few, and a topic found in fewer than <see cref="Options.MinSupport"/>
/// episodes is dropped, so noise never becomes a topic. <c>archive.yml</c>'s rules apply to
/// both kinds: <c>merge</c> makes other names count as one topic, <c>ban</c> removes a topic,
/// <c>add</c> gives a topic to every episode that mentions it.
/// </summary>
public static class TopicExtractor
{
    public sealed record Options
    {
        /// <summary>The phrases each episode picks as its own topics: the best few by TF-IDF.</summary>
        public int PicksPerEpisode { get; init; } = 5;
        /// <summary>Topics found in the text, at most, per episode (besides those of its metadata): its picks, then topics other episodes picked that matter in it too.</summary>
        public int MaxPerEpisode { get; init; } = 8;
        /// <summary>Times a phrase must be said in an episode to matter in it.</summary>
        public int MinCount { get; init; } = 2;
        /// <summary>Episodes a phrase must matter in to be a topic.</summary>
        public int MinSupport { get; init; } = 2;
        /// <summary>A phrase that matters in more than this share of the episodes says nothing about any of them.</summary>
        public double MaxShare { get; init; } = 0.5;
        /// <summary>Phrases kept per episode for statistics and similarity, the most said first.</summary>
        public int KeepPerEpisode { get; init; } = 400;
    }

    /// <summary>A phrase as one episode uses it.</summary>
    public sealed record TermCount(string Key, int Words, int Count, int CapitalizedMidSentence, int MidSentence, string Surface);

    /// <summary>What the extraction found: each episode's topics (display names) and its phrase counts.</summary>
    public sealed record Result(
        IReadOnlyList<IReadOnlyList<string>> Topics,
        IReadOnlyList<IReadOnlyList<TermCount>> Terms,
        /// <summary>Each phrase key with the number of episodes it matters in.</summary>
        IReadOnlyDictionary<string, int> Support);

    public static Result Extract(IReadOnlyList<Episode> episodes, TopicRules rules, IEnumerable<string> names, Options? options = null)
    {
        options ??= new Options();
        var rulebook = new Rulebook(rules);
        var nameWords = new HashSet<string>(StringComparer.Ordinal);
        foreach (var name in names)
            foreach (var word in WordScanner.KeyOf(name).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                nameWords.Add(word);

        // Count phrases in each episode (in parallel: each episode alone).
        var counted = new EpisodeCount[episodes.Count];
        Parallel.For(0, episodes.Count, () => new Counter(rulebook, nameWords, options), (i, _, counter) =>
        {
            counted[i] = counter.Count(episodes[i]);
            return counter;
        }, _ => { });

        // Support across the archive, in input order so ties resolve the same way every time.
        var support = new Dictionary<string, int>(StringComparer.Ordinal);
        var surfaces = new Dictionary<string, (string Surface, int Count, int Mid, int CapitalizedMid)>(StringComparer.Ordinal);
        foreach (var episode in counted)
        {
            foreach (var t in episode.Terms)
            {
                CollectionsMarshal.GetValueRefOrAddDefault(support, t.Key, out _)++;
                ref var s = ref CollectionsMarshal.GetValueRefOrAddDefault(surfaces, t.Key, out bool seen);
                if (!seen || t.Count > s.Count) (s.Surface, s.Count) = (t.Surface, t.Count);
                s.Mid += t.MidSentence;
                s.CapitalizedMid += t.CapitalizedMidSentence;
            }
        }

        int n = episodes.Count;
        int maxSupport = n >= 4 ? Math.Max(options.MinSupport, (int)Math.Floor(n * options.MaxShare)) : n;
        var ranked = new List<string>[n];
        Parallel.For(0, n, i =>
        {
            var candidates = counted[i].Terms
                .Where(t => support[t.Key] >= options.MinSupport && support[t.Key] <= maxSupport && !rulebook.IsBanned(t.Key))
                .ToList();
            // A word mostly said as part of a longer phrase is that phrase ("vector" in "vector search").
            var inLonger = new Dictionary<string, int>(StringComparer.Ordinal);
            foreach (var p in candidates.Where(t => t.Words > 1))
                foreach (var part in Parts(p.Key))
                    if (!inLonger.TryGetValue(part, out var c) || c < p.Count) inLonger[part] = p.Count;
            candidates.RemoveAll(t => inLonger.TryGetValue(t.Key, out var c) && c * 3 >= t.Count * 2);
            ranked[i] = candidates
                .Select(t => (t.Key, Score: Score(t, support[t.Key], n)))
                .OrderByDescending(x => x.Score).ThenBy(x => x.Key, StringComparer.Ordinal)
                .Select(x => x.Key)
                .ToList();
        });

        // The archive's topics are what some episode picked; each episode then takes those that matter in it.
        var picked = ranked.SelectMany(r => r.Take(options.PicksPerEpisode)).ToHashSet(StringComparer.Ordinal);
        var found = ranked.Select(r => r.Where(picked.Contains).Take(options.MaxPerEpisode).ToList()).ToArray();
        // A phrase that ends up the topic of a single episode is not a topic of the archive.
        var given = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var keys in found) foreach (var key in keys) CollectionsMarshal.GetValueRefOrAddDefault(given, key, out _)++;

        var display = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, name) in rulebook.Names) display.TryAdd(key, name);
        foreach (var e in episodes)
            foreach (var topic in e.Topics)
                if (rulebook.Canonical(WordScanner.KeyOf(topic)) is { Length: > 0 } key) display.TryAdd(key, topic.Trim());

        // A topic found in the text that differs from a named one only by its ending ("cache" and
        // "caching") is that topic.
        var byRoot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in display.Keys) byRoot.TryAdd(Root(key), key);

        var topics = new IReadOnlyList<string>[n];
        for (int i = 0; i < n; i++)
        {
            var keys = new List<string>();
            foreach (var topic in episodes[i].Topics)
            {
                var key = rulebook.Canonical(WordScanner.KeyOf(topic));
                if (key.Length > 0 && !rulebook.IsBanned(key) && !keys.Contains(key)) keys.Add(key);
            }
            foreach (var key in rulebook.Added)
                if (counted[i].Mentioned.Contains(key) && !keys.Contains(key)) keys.Add(key);
            foreach (var foundKey in found[i])
            {
                if (given[foundKey] < options.MinSupport) continue;
                var key = byRoot.TryGetValue(Root(foundKey), out var namedKey) ? namedKey : foundKey;
                if (keys.Contains(key)) continue;
                keys.Add(key);
                if (!display.ContainsKey(key))
                {
                    // Written with capitals mid-sentence across the archive, it is a name; without that evidence,
                    // only capitals inside a word (GitHub, LLM) say so.
                    var (surface, _, mid, capitalized) = surfaces[foundKey];
                    bool named = mid > 0 ? capitalized * 2 > mid : surface.Skip(1).Any(char.IsUpper);
                    display[key] = named ? WithoutPossessive(surface) : WithoutPossessive(surface).ToLowerInvariant();
                }
            }
            topics[i] = keys.Select(k => display[k]).ToList();
        }
        return new Result(topics, counted.Select(c => (IReadOnlyList<TermCount>)c.Terms).ToList(), support);
    }

    /// <summary>TF-IDF with a lift for phrases and for names (words written with a capital mid-sentence).</summary>
    private static double Score(TermCount t, int support, int episodes)
    {
        double score = (1 + Math.Log(t.Count)) * Math.Log(1 + (double)episodes / support);
        if (t.Words > 1) score *= 1.5;
        if (t.CapitalizedMidSentence * 2 > t.MidSentence && t.MidSentence > 0) score *= 1.25;
        return score;
    }

    /// <summary>A key without the endings that make another form of one word: "caching" → "cach", "cache" → "cach".</summary>
    private static string Root(string key)
    {
        int space = key.LastIndexOf(' ');
        var word = key[(space + 1)..];
        if (word.Length > 5 && word.EndsWith("ing", StringComparison.Ordinal)) word = word[..^3];
        else if (word.Length > 4 && word.EndsWith("ed", StringComparison.Ordinal)) word = word[..^2];
        if (word.Length > 3 && word.EndsWith('e')) word = word[..^1];
        return key[..(space + 1)] + word;
    }

    private static string WithoutPossessive(string surface) =>
        string.Join(' ', surface.Split(' ').Select(w => w.EndsWith("'s", StringComparison.Ordinal) || w.EndsWith("’s", StringComparison.Ordinal) ? w[..^2] : w));

    /// <summary>The shorter phrases inside a phrase: "a b c" → "a", "b", "c", "a b", "b c".</summary>
    private static IEnumerable<string> Parts(string key)
    {
        var words = key.Split(' ');
        for (int length = 1; length < words.Length; length++)
            for (int from = 0; from + length <= words.Length; from++)
                yield return string.Join(' ', words, from, length);
    }

    /// <summary>archive.yml's topic rules, by key.</summary>
    private sealed class Rulebook
    {
        private readonly Dictionary<string, string> _canonical = new(StringComparer.Ordinal);
        private readonly HashSet<string> _banned = new(StringComparer.Ordinal);

        public Rulebook(TopicRules rules)
        {
            foreach (var ban in rules.Ban) if (WordScanner.KeyOf(ban) is { Length: > 0 } key) _banned.Add(key);
            foreach (var (topic, aliases) in rules.Merge)
            {
                var key = WordScanner.KeyOf(topic);
                if (key.Length == 0) continue;
                Names.Add((key, topic.Trim()));
                Phrases.Add(key, key);
                foreach (var alias in aliases)
                    if (WordScanner.KeyOf(alias) is { Length: > 0 } aliasKey && aliasKey != key)
                    {
                        _canonical.TryAdd(aliasKey, key);
                        Phrases.Add(aliasKey, key);
                    }
            }
            foreach (var topic in rules.Add)
            {
                var key = Canonical(WordScanner.KeyOf(topic));
                if (key.Length == 0 || Added.Contains(key)) continue;
                Added.Add(key);
                Names.Add((key, topic.Trim()));
                Phrases.Add(key, key);
            }
        }

        /// <summary>Topic keys and the names archive.yml gives them.</summary>
        public List<(string Key, string Name)> Names { get; } = [];
        /// <summary>Topics to look for in every episode.</summary>
        public List<string> Added { get; } = [];
        /// <summary>Every phrase the rules name, to its topic's key: counted even when statistics would skip it.</summary>
        public PhraseMatcher<string> Phrases { get; } = new();

        public string Canonical(string key) => _canonical.TryGetValue(key, out var c) ? c : key;
        public bool IsBanned(string key) => _banned.Contains(key);
    }

    private static readonly string[] WebSuffixes = [".com", ".org", ".net", ".io", ".co", ".ai", ".fm", ".dev", ".app", ".tv", ".me", ".html", ".gg", ".xyz", ".ly"];

    /// <summary>Function words that may join a three-word phrase: "return on investment", "Bank of America".</summary>
    private enum Joiner : byte { None, Of, Other }

    private sealed record EpisodeCount(List<TermCount> Terms, HashSet<string> Mentioned);

    /// <summary>
    /// Counts one episode's phrases; one per thread, its buffers reused. Each thread keeps the
    /// words it has met (described once: key, stop kind, name) across episodes, so a word costs
    /// one lookup. Counting goes in passes over the episode's words as ids: every word, then
    /// pairs of words both said at least <see cref="Options.MinCount"/> times, then triples whose
    /// two pairs were: a phrase cannot be said more often than its parts, so the passes are exact
    /// and skip almost everything.
    /// </summary>
    private sealed class Counter(Rulebook rules, HashSet<string> nameWords, Options options)
    {
        private readonly WordRun _run = new();
        // The thread's words (by lowercase form and capital ending) and keys.
        private readonly Dictionary<long, int> _wordIds = [];
        private readonly List<Word> _words = [];
        private readonly Dictionary<string, int> _keyIds = new(StringComparer.Ordinal);
        private readonly List<string> _threadKeys = [];
        // The episode's keys, numbered densely: thread key id → episode key id while the stamp matches.
        private int[] _episodeKeyOf = new int[1024];
        private int[] _stamp = new int[1024];
        private int _episode;
        private readonly List<string> _keys = [];
        private readonly Dictionary<string, int> _ruled = new(StringComparer.Ordinal);
        private readonly List<(string Text, bool TitleCase)> _texts = [];
        private Token[] _tokens = new Token[4096];
        private int _count;
        private int[] _said = new int[1024];
        private Stats[] _single = new Stats[1024];
        private readonly Dictionary<long, int> _pairs = [];
        private readonly Dictionary<long, Stats> _doubles = [];
        private readonly Dictionary<long, Stats> _triples = [];

        /// <summary>A distinct word as this thread met it: its key's thread id, and what kind of word it is.</summary>
        private readonly record struct Word(int ThreadKey, StopWords.Kind Stop, bool Name, bool Letters, bool Short, Joiner Join);

        private struct Token
        {
            public int Word, Key, Text, Start, Length;
            public WordFlags Flags;
        }

        private struct Stats
        {
            public int Count, CapitalizedMid, Mid, First;
        }

        public EpisodeCount Count(Episode e)
        {
            _keys.Clear(); _ruled.Clear(); _texts.Clear(); _pairs.Clear(); _doubles.Clear(); _triples.Clear();
            _count = 0;
            _episode++;
            // The title is written in title case: its capitals say nothing about names.
            Add(e.Title, titleCase: true);
            if (e.Summary is not null) Add(e.Summary, titleCase: false);
            foreach (var p in e.Paragraphs) Add(p.Text, titleCase: false);

            int min = options.MinCount;
            if (_said.Length < _keys.Count) { _said = new int[_keys.Count * 2]; _single = new Stats[_keys.Count * 2]; }
            Array.Clear(_said, 0, _keys.Count);
            Array.Clear(_single, 0, _keys.Count);
            for (int i = 0; i < _count; i++) _said[_tokens[i].Key]++;
            for (int i = 0; i + 1 < _count; i++)
                if (!Breaks(i + 1) && _said[KeyAt(i)] >= min && _said[KeyAt(i + 1)] >= min)
                    CollectionsMarshal.GetValueRefOrAddDefault(_pairs, Pack(KeyAt(i), KeyAt(i + 1)), out _)++;

            for (int i = 0; i < _count; i++)
            {
                var first = _words[_tokens[i].Word];
                int firstKey = _tokens[i].Key;
                if (first.Stop == StopWords.Kind.Function || !first.Letters || _said[firstKey] < min) continue;
                var flags = _tokens[i].Flags;
                bool capital = (flags & WordFlags.Capitalized) != 0;
                if (first.Stop == StopWords.Kind.None && !first.Name && (!first.Short || (flags & WordFlags.AllCaps) != 0))
                    Tally(ref _single[firstKey], i);
                if (i + 1 >= _count || Breaks(i + 1) || _pairs.GetValueOrDefault(Pack(firstKey, KeyAt(i + 1))) < min) continue;
                var second = _words[_tokens[i + 1].Word];
                bool anyContent = first.Stop == StopWords.Kind.None || second.Stop == StopWords.Kind.None;
                if (second.Stop != StopWords.Kind.Function && second.Letters && anyContent && !(first.Name && second.Name))
                    Tally(ref CollectionsMarshal.GetValueRefOrAddDefault(_doubles, Pack(firstKey, KeyAt(i + 1)), out _), i);
                if (i + 2 >= _count || Breaks(i + 2) || _pairs.GetValueOrDefault(Pack(KeyAt(i + 1), KeyAt(i + 2))) < min) continue;
                var third = _words[_tokens[i + 2].Word];
                anyContent |= third.Stop == StopWords.Kind.None;
                if (third.Stop == StopWords.Kind.Function || !third.Letters || !anyContent || (first.Name && second.Name && third.Name)) continue;
                // "of" joins names too (Bank of America); "and", "at"… between names join two things, not one.
                if (second.Stop == StopWords.Kind.Function && (second.Join == Joiner.None
                    || (second.Join == Joiner.Other && (capital || (_tokens[i + 2].Flags & WordFlags.Capitalized) != 0)))) continue;
                Tally(ref CollectionsMarshal.GetValueRefOrAddDefault(_triples, Pack(firstKey, KeyAt(i + 1), KeyAt(i + 2)), out _), i);
            }

            var terms = new List<TermCount>();
            for (int k = 0; k < _keys.Count; k++)
                if (_single[k].Count >= min) terms.Add(Term(_keys[k], 1, _single[k]));
            foreach (var (pair, stats) in _doubles)
                if (stats.Count >= min) terms.Add(Term(_keys[(int)(pair & Mask)] + " " + _keys[(int)(pair >> 21)], 2, stats));
            foreach (var (triple, stats) in _triples)
                if (stats.Count >= min)
                    terms.Add(Term(_keys[(int)(triple & Mask)] + " " + _keys[(int)((triple >> 21) & Mask)] + " " + _keys[(int)(triple >> 42)], 3, stats));
            foreach (var (key, count) in _ruled)
                if (count >= min && !terms.Any(t => t.Key == key)) terms.Add(new TermCount(key, key.Count(c => c == ' ') + 1, count, 0, 0, key));
            // Merged names are one topic: their counts add up.
            var merged = terms.GroupBy(t => t.Key, StringComparer.Ordinal)
                .Select(g => g.Count() == 1 ? g.First() : g.OrderByDescending(t => t.Count).ThenBy(t => t.Surface, StringComparer.Ordinal).First() with
                {
                    Count = g.Sum(t => t.Count), CapitalizedMidSentence = g.Sum(t => t.CapitalizedMidSentence), MidSentence = g.Sum(t => t.MidSentence),
                })
                .OrderByDescending(t => t.Count).ThenBy(t => t.Key, StringComparer.Ordinal)
                .Take(options.KeepPerEpisode)
                .ToList();
            return new EpisodeCount(merged, _ruled.Keys.ToHashSet(StringComparer.Ordinal));
        }

        private const long Mask = (1L << 21) - 1;
        private static long Pack(int a, int b) => (long)(uint)a | (long)b << 21;
        private static long Pack(int a, int b, int c) => (long)(uint)a | (long)b << 21 | (long)c << 42;
        private int KeyAt(int token) => _tokens[token].Key;
        private bool Breaks(int token) => (_tokens[token].Flags & WordFlags.AfterBreak) != 0;

        private void Tally(ref Stats s, int token)
        {
            if (s.Count == 0) s.First = token;
            s.Count++;
            var flags = _tokens[token].Flags;
            if (_texts[_tokens[token].Text].TitleCase || (flags & WordFlags.SentenceStart) != 0) return;
            s.Mid++;
            if ((flags & WordFlags.Capitalized) != 0) s.CapitalizedMid++;
        }

        private TermCount Term(string key, int words, Stats s)
        {
            var first = _tokens[s.First];
            var last = _tokens[s.First + words - 1];
            var surface = _texts[first.Text].Text[first.Start..(last.Start + last.Length)];
            if (words > 1) surface = string.Join(' ', surface.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
            return new TermCount(rules.Canonical(key), words, s.Count, s.CapitalizedMid, s.Mid, surface);
        }

        private void Add(string text, bool titleCase)
        {
            int textIndex = _texts.Count;
            _texts.Add((text, titleCase));
            var run = _run.Load(text);
            if (_count + run.Count > _tokens.Length) Array.Resize(ref _tokens, Math.Max(_tokens.Length * 2, _count + run.Count));
            for (int i = 0; i < run.Count; i++)
            {
                // A word ending in a capital (SaaS) has another key than the same letters in lowercase: the hash tells them apart.
                ref var id = ref CollectionsMarshal.GetValueRefOrAddDefault(_wordIds, run.LowerHash(i), out bool known);
                if (!known)
                {
                    id = _words.Count;
                    _words.Add(Describe(run, i));
                }
                ref var token = ref _tokens[_count++];
                token.Word = id;
                token.Key = EpisodeKey(_words[token.Word].ThreadKey);
                token.Text = textIndex;
                token.Start = run.Start(i);
                token.Length = run.Length(i);
                token.Flags = run.Flags(i);
                if (rules.Phrases.Count > 0 && rules.Phrases.Match(run, i, out var ruled) > 0)
                    CollectionsMarshal.GetValueRefOrAddDefault(_ruled, ruled!, out _)++;
            }
        }

        private int EpisodeKey(int threadKey)
        {
            if (_stamp[threadKey] == _episode) return _episodeKeyOf[threadKey];
            _stamp[threadKey] = _episode;
            _keys.Add(_threadKeys[threadKey]);
            return _episodeKeyOf[threadKey] = _keys.Count - 1;
        }

        private Word Describe(WordRun run, int i)
        {
            Span<char> buffer = stackalloc char[WordScanner.MaxWordLength * 2];
            var key = run.Key(i, buffer);
            var keyLookup = _keyIds.GetAlternateLookup<ReadOnlySpan<char>>();
            if (!keyLookup.TryGetValue(key, out var keyId))
            {
                keyId = _threadKeys.Count;
                var keyText = key.ToString();
                _threadKeys.Add(keyText);
                _keyIds[keyText] = keyId;
                if (_stamp.Length <= keyId)
                {
                    Array.Resize(ref _stamp, _stamp.Length * 2);
                    Array.Resize(ref _episodeKeyOf, _episodeKeyOf.Length * 2);
                }
            }
            var lower = run.Lower(i);
            var stop = (StopWords.Kind)Math.Max((byte)StopWords.Of(lower), (byte)StopWords.Of(key));
            bool letters = false;
            foreach (var c in lower) if (char.IsLetter(c)) { letters = true; break; }
            // Web addresses are not words (twitter.com); dotted names are (node.js).
            if (lower.Contains('.'))
                foreach (var suffix in WebSuffixes)
                    if (lower.EndsWith(suffix, StringComparison.Ordinal)) letters = false;
            var join = lower switch { "of" => Joiner.Of, "on" or "for" or "and" or "in" or "to" => Joiner.Other, _ => Joiner.None };
            return new Word(keyId, stop, nameWords.GetAlternateLookup<ReadOnlySpan<char>>().Contains(key), letters, lower.Length < 3, join);
        }
    }
}
