using System.Collections.Concurrent;
using System.Runtime.InteropServices;
using Archive.Core.Config;
using Archive.Core.Model;
using Archive.Core.Text;

namespace Archive.Core.Enriching;

/// <summary>
/// Topics of each episode: those its metadata names, and the words and phrases (up to three
/// words) that matter in it and recur across the archive, scored by TF-IDF. A phrase is a
/// candidate when it is said at least <see cref="Options.MinCount"/> times in an episode, is
/// not made of stop words (<see cref="StopWords"/>) or names of people and shows, and is a
/// candidate in at least <see cref="Options.MinSupport"/> episodes but not in most of them. A
/// candidate that scores at least <see cref="Options.PickScore"/> in some episode and is a name or
/// a subject (<see cref="TopicShape"/>: never an everyday word such as "build") is picked; each
/// episode gets the picked phrases that matter in it, its best few, and a topic found in fewer
/// than <see cref="Options.MinSupport"/> episodes is dropped, so noise never becomes a topic.
/// <c>archive.yml</c>'s rules apply to both kinds: <c>merge</c> makes other names count as one topic, <c>ban</c> removes a topic,
/// <c>add</c> gives a topic to every episode that mentions it.
/// </summary>
public static class TopicExtractor
{
    public sealed record Options
    {
        /// <summary>
        /// The score (see <see cref="Score"/>) at which an episode of an archive of 8 episodes or fewer
        /// picks a phrase as a topic of the archive. 1 is a phrase said once in the fewest episodes a
        /// topic needs; a name said twice in two episodes scores 2.1, a phrase of two words said twice
        /// in two episodes 2.5. A threshold, not an episode's best few: whether an episode picks a
        /// phrase then depends on that phrase alone, so a new episode cannot make or unmake topics it
        /// does not say.
        /// </summary>
        public double PickScore { get; init; } = 1.65;
        /// <summary>
        /// Added to <see cref="PickScore"/> each time the archive's size doubles beyond 8 episodes
        /// (2.55 at 64, 3.75 at 1,024): the more episodes, the more phrases two of them share by chance.
        /// </summary>
        public double PickScoreStep { get; init; } = 0.3;
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

    /// <summary>
    /// A phrase as one episode uses it: its id in <see cref="Result.Phrases"/>, its words, how often
    /// it is said (and how often mid-sentence, and there with a capital), and its first token
    /// (-1 when only archive.yml's rules found it: it is written as its key).
    /// </summary>
    public readonly record struct TermCount(int Term, int Words, int Count, int CapitalizedMidSentence, int MidSentence, int First);

    /// <summary>
    /// One episode's counted phrases as they are kept between builds (<see cref="EpisodeDigest"/>):
    /// words by their keys' texts, not by the vocabulary's ids, which differ from build to build.
    /// They depend on the episode's text, archive.yml's topic rules and which of its words are
    /// names of the archive's people and shows, and on nothing else.
    /// </summary>
    /// <param name="Words">The keys the phrases are made of.</param>
    /// <param name="Ruled">The keys of the topics of archive.yml's rules that phrases are counted as.</param>
    /// <param name="Mentioned">The keys of the topics of archive.yml's rules the episode says, counted or not.</param>
    public sealed record CountedPhrases(string[] Words, CountedPhrase[] Phrases, string[] Ruled, string[] Mentioned);

    /// <summary>
    /// A counted phrase: its words as indexes into <see cref="CountedPhrases.Words"/> (-1 past its
    /// length), or, when the rules count it as a topic, that topic as an index into
    /// <see cref="CountedPhrases.Ruled"/> (else -1); then the figures of its <see cref="TermCount"/>.
    /// </summary>
    public readonly record struct CountedPhrase(int A, int B, int C, int Ruled, int Words, int Count, int CapitalizedMid, int Mid, int First);

    /// <summary>What the extraction found: each episode's topics (display names) and its phrase counts.</summary>
    public sealed record Result(
        /// <summary>Each episode's topics: first those it is named (see <see cref="NamedCounts"/>), then those found in its text.</summary>
        IReadOnlyList<IReadOnlyList<string>> Topics,
        /// <summary>
        /// For each episode, how many of its <see cref="Topics"/> come first from its own metadata and
        /// archive.yml's <c>add</c> rules. Those depend on the episode and the configuration alone;
        /// topics found in the text depend on the whole archive (phrases' support, the number of episodes).
        /// </summary>
        IReadOnlyList<int> NamedCounts,
        /// <summary>Each episode's phrases (at most <see cref="Options.KeepPerEpisode"/>), in no particular order.</summary>
        IReadOnlyList<TermCount[]> Terms,
        PhraseTable Phrases,
        /// <summary>For each phrase id, the number of episodes it matters in.</summary>
        int[] Support,
        /// <summary>Each episode's phrases as counted, to be given back to the next build with the same text, rules and names.</summary>
        IReadOnlyList<CountedPhrases> Counted)
    {
        /// <summary>
        /// The keys of the topics whose name is an everyday single word ("technology", "testing"):
        /// not a name by <see cref="TopicShape"/>'s rule, so only metadata or archive.yml made them
        /// topics. Such a word names the topic only in the episodes that carry it.
        /// </summary>
        public IReadOnlySet<string> EverydayWords { get; init; } = new HashSet<string>();
    }

    public static Result Extract(IReadOnlyList<Episode> episodes, TopicRules rules, IEnumerable<string> names, Options? options = null)
    {
        var vocabulary = new Vocabulary();
        var words = EpisodeWords.Tokenize(episodes, vocabulary);
        return Extract(episodes, words, words.Select(w => w.TextStarts).ToList(), new CountedPhrases?[episodes.Count], vocabulary, rules, names, options);
    }

    /// <param name="words">Each episode's tokens, made with <paramref name="vocabulary"/>; null for an episode whose phrases are given in <paramref name="counted"/>.</param>
    /// <param name="textStarts">Where each episode's texts start among its tokens (<see cref="EpisodeWords.TextStarts"/>).</param>
    /// <param name="counted">
    /// An episode's phrases as an earlier build counted them (<see cref="Result.Counted"/>) from the
    /// same text, with the same rules and the same of its words being names; null to count them.
    /// </param>
    public static Result Extract(IReadOnlyList<Episode> episodes, IReadOnlyList<EpisodeWords?> words, IReadOnlyList<int[]> textStarts,
        IReadOnlyList<CountedPhrases?> counted, Vocabulary vocabulary, TopicRules rules, IEnumerable<string> names, Options? options = null)
    {
        options ??= new Options();
        // The words of phrases counted before get their ids before the phrase table reads the keys' texts.
        var restoredWords = counted.Select(c => c is null ? null : vocabulary.KeyIds(c.Words)).ToArray();
        var phrases = new PhraseTable(vocabulary);
        var rulebook = new Rulebook(rules, vocabulary, phrases);
        var nameKeys = new bool[vocabulary.KeyCount];
        foreach (var name in names)
            foreach (var word in WordScanner.KeyOf(name).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                if (vocabulary.FindKey(word) is >= 0 and var key && key < nameKeys.Length) nameKeys[key] = true;

        // Count phrases in each episode that needs it (in parallel: each episode alone; counters are
        // reused, not remade per task), and keep them in the form a later build can be given.
        int n = episodes.Count;
        var found = new EpisodeCount[n];
        var kept = new CountedPhrases[n];
        var keyTexts = vocabulary.KeyTexts();
        var counters = new ConcurrentBag<Counter>();
        Parallel.For(0, n, () => counters.TryTake(out var c) ? c : new Counter(vocabulary, phrases, rulebook, nameKeys, options), (i, _, counter) =>
        {
            if (counted[i] is not null) return counter;
            found[i] = counter.Count(episodes[i], words[i] ?? throw new ArgumentException($"episode {i} has neither words nor counted phrases", nameof(words)));
            kept[i] = Keepable(found[i], keyTexts, phrases);
            return counter;
        }, counters.Add);
        for (int i = 0; i < n; i++)
            if (counted[i] is { } c)
            {
                found[i] = Restore(c, restoredWords[i]!, phrases);
                kept[i] = c;
            }

        // Phrases numbered and supported across the archive, in input order so ties resolve the same way every time.
        var terms = new TermCount[n][];
        var support = new List<int>();
        var best = new List<(int Episode, int Count, int First, int Words)>();
        var mid = new List<(int Mid, int CapitalizedMid)>();
        for (int i = 0; i < n; i++)
        {
            var candidates = found[i].Terms;
            var list = terms[i] = new TermCount[candidates.Length];
            for (int t = 0; t < candidates.Length; t++)
            {
                var c = candidates[t];
                int id = c.Identity >= 0 ? c.Identity : phrases.Id(c.Keys);
                while (support.Count <= id) { support.Add(0); best.Add((-1, 0, -1, 0)); mid.Add((0, 0)); }
                support[id]++;
                if (best[id].Episode < 0 || c.Count > best[id].Count) best[id] = (i, c.Count, c.First, c.Words);
                mid[id] = (mid[id].Mid + c.Mid, mid[id].CapitalizedMid + c.CapitalizedMid);
                list[t] = new TermCount(id, c.Words, c.Count, c.CapitalizedMid, c.Mid, c.First);
            }
        }
        var supportOf = support.ToArray();

        int maxSupport = n >= 4 ? Math.Max(options.MinSupport, (int)Math.Floor(n * options.MaxShare)) : n;
        var eligible = new bool[supportOf.Length];
        for (int id = 0; id < eligible.Length; id++) eligible[id] = supportOf[id] >= options.MinSupport && supportOf[id] <= maxSupport;
        foreach (var id in rulebook.BannedIds) if (id < eligible.Length) eligible[id] = false;

        // Topics that metadata and archive.yml name, by key, with the names they give.
        var display = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var (key, name) in rulebook.Names) display.TryAdd(key, name);
        foreach (var e in episodes)
            foreach (var topic in e.Topics)
                if (rulebook.Canonical(WordScanner.KeyOf(topic)) is { Length: > 0 } key) display.TryAdd(key, topic.Trim());

        // A topic found in the text that differs from a named one only by its ending ("cache" and
        // "caching") is that topic.
        var byRoot = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in display.Keys) byRoot.TryAdd(Root(key), key);

        var shape = new TopicShape(episodes, textStarts, vocabulary, phrases, best, mid, byRoot);
        DropFragments(terms, eligible, supportOf, phrases, shape, options.MinSupport);
        var ranked = new int[n][];
        var scores = new double[n][];
        var scale = new ArchiveScale(n, options.MinSupport);
        Parallel.For(0, n, () => new Dictionary<int, int>(), (i, _, inLonger) =>
        {
            (ranked[i], scores[i]) = Rank(terms[i], eligible, supportOf, phrases, shape, scale, inLonger);
            return inLonger;
        }, _ => { });

        // The archive's topics are what some episode picked (its phrases that score at least
        // PickScore there and are names or subjects, see TopicShape); each episode then takes those
        // that matter in it.
        var picked = new HashSet<int>();
        double pickScore = options.PickScore + options.PickScoreStep * scale.DoublingsBeyondEight;
        for (int i = 0; i < n; i++)
            for (int k = 0; k < ranked[i].Length && scores[i][k] >= pickScore; k++)
                if (!picked.Contains(ranked[i][k]) && shape.IsTopic(ranked[i][k])) picked.Add(ranked[i][k]);
        var foundIn = new List<int>[n];
        for (int i = 0; i < n; i++)
        {
            foundIn[i] = [];
            foreach (var id in ranked[i])
            {
                if (foundIn[i].Count == options.MaxPerEpisode) break;
                if (picked.Contains(id)) foundIn[i].Add(id);
            }
        }
        // A phrase that ends up the topic of a single episode is not a topic of the archive.
        var given = new Dictionary<int, int>();
        foreach (var ids in foundIn) foreach (var id in ids) CollectionsMarshal.GetValueRefOrAddDefault(given, id, out _)++;

        var topics = new IReadOnlyList<string>[n];
        var namedCounts = new int[n];
        for (int i = 0; i < n; i++)
        {
            var keys = new List<string>();
            foreach (var topic in episodes[i].Topics)
            {
                var key = rulebook.Canonical(WordScanner.KeyOf(topic));
                if (key.Length > 0 && !rulebook.IsBanned(key) && !keys.Contains(key)) keys.Add(key);
            }
            for (int a = 0; a < rulebook.Added.Count; a++)
                if (found[i].Mentioned.Contains(rulebook.AddedIds[a]) && !keys.Contains(rulebook.Added[a])) keys.Add(rulebook.Added[a]);
            namedCounts[i] = keys.Count;
            foreach (var foundId in foundIn[i])
            {
                if (given[foundId] < options.MinSupport) continue;
                var foundKey = phrases.Text(foundId);
                var key = byRoot.TryGetValue(Root(foundKey), out var namedKey) ? namedKey : foundKey;
                // A banned topic stays banned when the text says it another way ("cache" for a banned "caching").
                if (keys.Contains(key) || rulebook.IsBanned(key)) continue;
                keys.Add(key);
                if (!display.ContainsKey(key)) display[key] = shape.Name(foundId);
            }
            topics[i] = keys.Select(k => display[k]).ToList();
        }
        var everyday = new HashSet<string>(StringComparer.Ordinal);
        foreach (var (key, name) in display)
            if (!key.Contains(' ') && !shape.NameShaped(key, name)) everyday.Add(key);
        return new Result(topics, namedCounts, terms, phrases, supportOf, kept) { EverydayWords = everyday };
    }

    /// <summary>An episode's counted phrases with their words by text (<see cref="CountedPhrases"/>); safe in parallel.</summary>
    private static CountedPhrases Keepable(EpisodeCount count, string[] keyTexts, PhraseTable phrases)
    {
        var words = new List<string>();
        var wordIndex = new Dictionary<int, int>();
        var ruled = new List<string>();
        int WordAt(int key)
        {
            if (key < 0) return -1;
            if (!wordIndex.TryGetValue(key, out var at))
            {
                wordIndex[key] = at = words.Count;
                words.Add(keyTexts[key]);
            }
            return at;
        }
        var kept = new CountedPhrase[count.Terms.Length];
        for (int t = 0; t < kept.Length; t++)
        {
            var c = count.Terms[t];
            kept[t] = c.Identity >= 0
                ? new CountedPhrase(-1, -1, -1, AddRuled(phrases.Text(c.Identity)), c.Words, c.Count, c.CapitalizedMid, c.Mid, c.First)
                : new CountedPhrase(WordAt(c.Keys.A), WordAt(c.Keys.B), WordAt(c.Keys.C), -1, c.Words, c.Count, c.CapitalizedMid, c.Mid, c.First);
        }
        return new CountedPhrases([.. words], kept, [.. ruled], [.. count.Mentioned.Select(phrases.Text).Order(StringComparer.Ordinal)]);

        int AddRuled(string key)
        {
            int at = ruled.IndexOf(key);
            if (at < 0) { at = ruled.Count; ruled.Add(key); }
            return at;
        }
    }

    /// <summary>Counted phrases kept by an earlier build, with <paramref name="wordIds"/> the ids of their words in this build's vocabulary.</summary>
    private static EpisodeCount Restore(CountedPhrases counted, int[] wordIds, PhraseTable phrases)
    {
        var ruledIds = counted.Ruled.Select(phrases.Id).ToArray();
        var terms = new Candidate[counted.Phrases.Length];
        for (int t = 0; t < terms.Length; t++)
        {
            var p = counted.Phrases[t];
            terms[t] = new Candidate
            {
                Keys = p.Ruled >= 0 ? new PhraseTable.Keys(-1) : new PhraseTable.Keys(wordIds[p.A], p.B < 0 ? -1 : wordIds[p.B], p.C < 0 ? -1 : wordIds[p.C]),
                Identity = p.Ruled >= 0 ? ruledIds[p.Ruled] : -1,
                Words = p.Words, Count = p.Count, CapitalizedMid = p.CapitalizedMid, Mid = p.Mid, First = p.First,
            };
        }
        return new EpisodeCount(terms, [.. counted.Mentioned.Select(phrases.Id)]);
    }

    /// <summary>
    /// A word that is a piece of a longer name wherever it is said ("Gen" of "Gen Z", "Station" of
    /// "Central Station", a first name before its surname) is no topic. Where an episode says a
    /// word mostly inside one name (a phrase written with capitals, topic or not) it is that name
    /// there; a word said on its own in fewer than <paramref name="minSupport"/> episodes is not
    /// found in the text at all. A name also said on its own across the archive ("Gemini", and
    /// "Gemini Nano" in one episode) is untouched.
    /// </summary>
    private static void DropFragments(TermCount[][] terms, bool[] eligible, int[] support, PhraseTable phrases, TopicShape shape, int minSupport)
    {
        var fragmentIn = new int[support.Length];
        Parallel.For(0, terms.Length, () => new Dictionary<int, int>(), (i, _, inName) =>
        {
            inName.Clear();
            Span<int> buffer = stackalloc int[3];
            foreach (var p in terms[i])
            {
                // An eligible phrase makes its words part of it where Rank ranks them; here, the names that are no topic.
                if (p.Words <= 1 || eligible[p.Term] || !IsName(p) || shape.MostlyStopWords(p.Term)) continue;
                foreach (var key in phrases.KeysOf(p.Term, buffer))
                {
                    int word = phrases.Find([key]);
                    if (word < 0) continue;
                    ref var c = ref CollectionsMarshal.GetValueRefOrAddDefault(inName, word, out bool had);
                    if (!had || c < p.Count) c = p.Count;
                }
            }
            if (inName.Count == 0) return inName;
            foreach (var t in terms[i])
                if (t.Words == 1 && inName.TryGetValue(t.Term, out var c) && Mostly(c, t.Count)) Interlocked.Increment(ref fragmentIn[t.Term]);
            return inName;
        }, _ => { });
        for (int id = 0; id < fragmentIn.Length; id++)
            if (fragmentIn[id] > 0 && support[id] - fragmentIn[id] < minSupport) eligible[id] = false;
    }

    /// <summary>Written with capitals mid-sentence most of the times it is said there.</summary>
    private static bool IsName(TermCount t) => t.MidSentence > 0 && t.CapitalizedMidSentence * 2 > t.MidSentence;

    /// <summary>At least two thirds of the <paramref name="count"/> times a word is said.</summary>
    private static bool Mostly(int times, int count) => times * 3 >= count * 2;

    /// <summary>An episode's candidate phrases, best first, and their scores.</summary>
    private static (int[] Ranked, double[] Scores) Rank(TermCount[] terms, bool[] eligible, int[] support, PhraseTable phrases, TopicShape shape, ArchiveScale scale, Dictionary<int, int> inLonger)
    {
        var candidates = new List<TermCount>(terms.Length);
        // A phrase of stop words says nothing: it neither ranks nor makes its words part of it.
        foreach (var t in terms) if (eligible[t.Term] && (t.Words == 1 || !shape.MostlyStopWords(t.Term))) candidates.Add(t);
        // A word mostly said as part of a longer phrase is that phrase ("vector" in "vector search").
        inLonger.Clear();
        Span<int> buffer = stackalloc int[3];
        foreach (var p in candidates)
        {
            if (p.Words <= 1) continue;
            var keys = phrases.KeysOf(p.Term, buffer);
            for (int length = 1; length < keys.Length; length++)
                for (int from = 0; from + length <= keys.Length; from++)
                {
                    int part = phrases.Find(keys.Slice(from, length));
                    if (part < 0) continue;
                    ref var c = ref CollectionsMarshal.GetValueRefOrAddDefault(inLonger, part, out bool had);
                    if (!had || c < p.Count) c = p.Count;
                }
        }
        if (inLonger.Count > 0) candidates.RemoveAll(t => inLonger.TryGetValue(t.Term, out var c) && Mostly(c, t.Count));
        var scored = new (double Score, int Term)[candidates.Count];
        for (int k = 0; k < scored.Length; k++) scored[k] = (Score(candidates[k], support[candidates[k].Term], scale), candidates[k].Term);
        Array.Sort(scored, (x, y) => x.Score != y.Score ? y.Score.CompareTo(x.Score) : phrases.Compare(x.Term, y.Term));
        var ranked = new int[scored.Length];
        var scores = new double[scored.Length];
        for (int k = 0; k < scored.Length; k++) (scores[k], ranked[k]) = scored[k];
        return (ranked, scores);
    }

    /// <summary>
    /// TF-IDF with a lift for phrases and for names (words written with a capital mid-sentence), in
    /// units of a phrase said once in the fewest episodes a topic needs (see <see cref="ArchiveScale"/>).
    /// </summary>
    private static double Score(TermCount t, int support, ArchiveScale scale)
    {
        double score = (1 + Math.Log(t.Count)) * scale.Rarity(support);
        if (t.Words > 1) score *= 1.5;
        if (IsName(t)) score *= 1.25;
        return score;
    }

    /// <summary>
    /// How rare a phrase is in the archive: the IDF of its support, log(1 + size / support), divided
    /// by that of a phrase in <see cref="Options.MinSupport"/> episodes, so 1 at most. The size is the
    /// number of episodes rounded up to a power of two: with the count itself, every new episode
    /// would move every score a little and topics would come and go in episodes that share no word
    /// with it. Topics are weighed anew only when the archive passes a power of two (… 64, 128, … 1,024 …).
    /// </summary>
    private readonly struct ArchiveScale
    {
        private readonly double _size, _unit;

        public ArchiveScale(int episodes, int minSupport)
        {
            _size = System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(episodes, 2));
            _unit = Math.Log(1 + _size / Math.Max(minSupport, 1));
            DoublingsBeyondEight = Math.Max(0, System.Numerics.BitOperations.Log2((uint)_size) - 3);
        }

        /// <summary>How many times the size doubles beyond 8 episodes: 0 up to 8, 7 for 513 to 1,024 (see <see cref="Options.PickScoreStep"/>).</summary>
        public int DoublingsBeyondEight { get; }

        public double Rarity(int support) => Math.Log(1 + _size / support) / _unit;
    }

    /// <summary>
    /// Which phrases found in the text are topics a reader would accept, and the names they are
    /// shown by. A topic is a name or a subject: a phrase of two or three words that are not mostly
    /// stop words ("data pipelines", "large language models"), or a single word written as a name:
    /// with a capital mid-sentence most of the times it is said (Kubernetes, API), with a capital
    /// inside it (iPhone, OpenAI) or with a digit after a letter (GPT-4, a16z). An everyday
    /// word ("build", "software") is no topic, however often it is said: it still counts for
    /// related episodes, which read every phrase. A phrase that metadata or <c>archive.yml</c>
    /// names as a topic is one in any shape. Decided from counts already made; the one check that
    /// reads the text again (a capital inside a word) runs only for the words an episode would pick.
    /// </summary>
    private sealed class TopicShape
    {
        private readonly IReadOnlyList<Episode> _episodes;
        private readonly IReadOnlyList<int[]> _textStarts;
        private readonly Vocabulary _vocabulary;
        private readonly PhraseTable _phrases;
        private readonly List<(int Episode, int Count, int First, int Words)> _best;
        private readonly List<(int Mid, int CapitalizedMid)> _mid;
        private readonly Dictionary<string, string> _namedByRoot;
        // For each key id, whether some word with that key is on the stop list.
        private readonly bool[] _stopKey;
        // Single words decided so far: 0 not yet, 1 a topic, -1 not one.
        private readonly sbyte[] _single;

        public TopicShape(IReadOnlyList<Episode> episodes, IReadOnlyList<int[]> textStarts, Vocabulary vocabulary, PhraseTable phrases,
            List<(int Episode, int Count, int First, int Words)> best, List<(int Mid, int CapitalizedMid)> mid, Dictionary<string, string> namedByRoot)
        {
            (_episodes, _textStarts, _vocabulary, _phrases, _best, _mid, _namedByRoot) = (episodes, textStarts, vocabulary, phrases, best, mid, namedByRoot);
            // By the key alone (the stop list holds each stop word's key too), so the same for a build that did not tokenise every episode.
            var keys = vocabulary.KeyTexts();
            _stopKey = new bool[keys.Length];
            for (int k = 0; k < keys.Length; k++) _stopKey[k] = StopWords.Of(keys[k]) != StopWords.Kind.None;
            _single = new sbyte[best.Count];
        }

        /// <summary>More than half its words are stop words ("lot of money"), and no metadata names it: safe to call in parallel.</summary>
        public bool MostlyStopWords(int id)
        {
            Span<int> buffer = stackalloc int[3];
            var keys = _phrases.KeysOf(id, buffer);
            int stop = 0;
            foreach (var key in keys) if (key < _stopKey.Length && _stopKey[key]) stop++;
            return stop * 2 > keys.Length && !Named(id);
        }

        /// <summary>Whether a phrase found in the text may be a topic; called from one thread.</summary>
        public bool IsTopic(int id)
        {
            if (_best[id].Words > 1) return !MostlyStopWords(id);
            ref var known = ref _single[id];
            if (known == 0) known = (sbyte)(NameLike(id) || Named(id) ? 1 : -1);
            return known > 0;
        }

        /// <summary>The name a topic found in the text is shown by: as written where it is said most, lowercase unless it is a name.</summary>
        public string Name(int id)
        {
            var surface = WithoutPossessive(Surface(id));
            var (midCount, capitalized) = _mid[id];
            bool capitalizedMostly = midCount > 0 && capitalized * 2 > midCount;
            if (_best[id].Words == 1)
                return capitalizedMostly && char.IsLower(surface[0]) ? char.ToUpperInvariant(surface[0]) + surface[1..] : surface;
            // Written with capitals mid-sentence across the archive, it is a name; without that evidence,
            // only capitals inside a word (GitHub, LLM) say so. A subject keeps its acronyms: "generative AI".
            bool named = midCount > 0 ? capitalizedMostly : surface.Skip(1).Any(char.IsUpper);
            if (named) return surface;
            bool shouted = !surface.Any(char.IsLower);
            return string.Join(' ', surface.Split(' ').Select(w => !shouted && w.Skip(1).Any(char.IsUpper) ? w : w.ToLowerInvariant()));
        }

        /// <summary>
        /// Whether a one-word topic (its key and the name it is shown by) is a name: spelled as one
        /// (RAG, iPhone, GPT-4: a capital at its start says nothing, tags are often title case), or
        /// written with a capital mid-sentence most of the times the archive says it.
        /// </summary>
        public bool NameShaped(string key, string name)
        {
            if (DigitAfterLetter(key) || InnerCapital(name) || IsAcronym(name)) return true;
            int word = _vocabulary.FindKey(key);
            int id = word < 0 ? -1 : _phrases.Find([word]);
            return id >= 0 && id < _best.Count && _best[id].Episode >= 0 && NameLike(id);
        }

        private bool NameLike(int id)
        {
            var (midCount, capitalized) = _mid[id];
            if (midCount > 0 && capitalized * 2 > midCount) return true;
            if (DigitAfterLetter(_phrases.Text(id))) return true;
            var surface = Surface(id);
            return InnerCapital(surface) || (midCount == 0 && IsAcronym(surface));
        }

        private bool Named(int id) => _namedByRoot.Count > 0 && _namedByRoot.ContainsKey(Root(_phrases.Text(id)));

        private string Surface(int id)
        {
            var (episode, _, first, wordCount) = _best[id];
            return first < 0 ? _phrases.Text(id) : TopicExtractor.Surface(_episodes[episode], _textStarts[episode], first, wordCount);
        }

        /// <summary>GPT-4, a16z, H100; not 90s or 5th.</summary>
        private static bool DigitAfterLetter(string key)
        {
            int letter = -1;
            for (int i = 0; i < key.Length; i++)
                if (char.IsLetter(key[i])) { if (letter < 0) letter = i; }
                else if (char.IsDigit(key[i]) && letter >= 0) return true;
            return false;
        }

        /// <summary>A capital after a lowercase letter (iPhone, OpenAI): never made by a sentence start, a title or shouting; not 100M either.</summary>
        private static bool InnerCapital(string word)
        {
            for (int i = 1; i < word.Length; i++)
                if (char.IsUpper(word[i]) && char.IsLower(word[i - 1])) return true;
            return false;
        }

        private static bool IsAcronym(string word) => word.Count(char.IsLetter) >= 2 && !word.Any(char.IsLower);
    }

    /// <summary>A phrase as written where it was first said: <paramref name="words"/> words from token <paramref name="first"/>, spaces made single.</summary>
    private static string Surface(Episode e, int[] textStarts, int first, int words)
    {
        int text = EpisodeWords.TextOfToken(textStarts, first);
        int word = first - textStarts[text];
        var content = EpisodeWords.TextOf(e, text);
        Span<(int Start, int Length)> positions = word + words <= 4096 ? stackalloc (int, int)[word + words] : new (int, int)[word + words];
        EpisodeWords.Positions(content, positions);
        var (start, _) = positions[word];
        var (lastStart, lastLength) = positions[word + words - 1];
        var surface = content[start..(lastStart + lastLength)];
        return words > 1 ? Spacing.Collapse(surface) : surface;
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

    /// <summary>archive.yml's topic rules, by key.</summary>
    private sealed class Rulebook
    {
        private readonly Dictionary<string, string> _canonical = new(StringComparer.Ordinal);
        private readonly HashSet<string> _banned = new(StringComparer.Ordinal);
        private readonly Dictionary<PhraseTable.Keys, int> _identities = [];

        public Rulebook(TopicRules rules, Vocabulary vocabulary, PhraseTable phrases)
        {
            Phrases = new PhraseMatcher<int>(vocabulary);
            var named = new List<string>();
            void Phrase(string key, string value)
            {
                Phrases.Add(key, phrases.Id(value));
                named.Add(key);
            }
            foreach (var ban in rules.Ban)
                if (WordScanner.KeyOf(ban) is { Length: > 0 } key && _banned.Add(key)) BannedIds.Add(phrases.Id(key));
            foreach (var (topic, aliases) in rules.Merge)
            {
                var key = WordScanner.KeyOf(topic);
                if (key.Length == 0) continue;
                Names.Add((key, topic.Trim()));
                Phrase(key, key);
                foreach (var alias in aliases)
                    if (WordScanner.KeyOf(alias) is { Length: > 0 } aliasKey && aliasKey != key)
                    {
                        _canonical.TryAdd(aliasKey, key);
                        Phrase(aliasKey, key);
                    }
            }
            foreach (var topic in rules.Add)
            {
                var key = Canonical(WordScanner.KeyOf(topic));
                if (key.Length == 0 || Added.Contains(key)) continue;
                Added.Add(key);
                AddedIds.Add(phrases.Id(key));
                Names.Add((key, topic.Trim()));
                Phrase(key, key);
            }
            // A counted phrase that the rules name is counted as its topic; any other is itself.
            foreach (var key in named)
            {
                var keys = vocabulary.KeyIds(key);
                if (keys.Length <= 3)
                    _identities.TryAdd(PhraseTable.Keys.Of(keys), phrases.Id(Canonical(key)));
            }
        }

        /// <summary>Topic keys and the names archive.yml gives them.</summary>
        public List<(string Key, string Name)> Names { get; } = [];
        /// <summary>Topics to look for in every episode.</summary>
        public List<string> Added { get; } = [];
        /// <summary>The phrase ids of <see cref="Added"/>.</summary>
        public List<int> AddedIds { get; } = [];
        /// <summary>The phrase ids of the banned keys.</summary>
        public List<int> BannedIds { get; } = [];
        /// <summary>Every phrase the rules name, to the phrase id of its topic's key: counted even when statistics would skip it.</summary>
        public PhraseMatcher<int> Phrases { get; }

        public string Canonical(string key) => _canonical.TryGetValue(key, out var c) ? c : key;
        public bool IsBanned(string key) => _banned.Contains(key);

        /// <summary>The phrase id a counted phrase is counted as, or -1 when it is just itself.</summary>
        public int IdentityOf(PhraseTable.Keys keys) => _identities.Count > 0 && _identities.TryGetValue(keys, out var id) ? id : -1;
    }

    /// <summary>A phrase counted in one episode; <see cref="Identity"/> is its phrase id when the rules name it, else -1 (it is <see cref="Keys"/>).</summary>
    private struct Candidate
    {
        public PhraseTable.Keys Keys;
        public int Identity, Words, Count, CapitalizedMid, Mid, First;
    }

    private sealed record EpisodeCount(Candidate[] Terms, HashSet<int> Mentioned);

    private struct Stats
    {
        public int Count, CapitalizedMid, Mid, First;
    }

    /// <summary>
    /// Counts one episode's phrases over its tokens; one per thread, its buffers reused. Keys are
    /// numbered densely per episode. Counting goes in passes: every word, then pairs of words both
    /// said at least <see cref="Options.MinCount"/> times, then triples whose two pairs were: a
    /// phrase cannot be said more often than its parts, so the passes are exact and skip almost
    /// everything.
    /// </summary>
    private sealed class Counter(Vocabulary vocabulary, PhraseTable phrases, Rulebook rules, bool[] nameKeys, Options options)
    {
        // What the counting passes ask of a word, one byte per token.
        private const byte Function = 1, Content = 2, Letters = 4, Short = 8, Name = 16, JoinOf = 32, JoinOther = 64;

        // Archive key id → episode key id while the stamp matches.
        private readonly int[] _denseOf = new int[nameKeys.Length];
        private readonly int[] _stamp = new int[nameKeys.Length];
        private int _episode;
        private readonly List<int> _keys = [];
        private int[] _dense = new int[16384];
        private byte[] _kind = new byte[16384];
        private int[] _pairAt = new int[16384];
        private int[] _said = new int[4096];
        private Stats[] _single = new Stats[4096];
        private readonly Dictionary<long, int> _pairIndex = [];
        private long[] _pairKeys = new long[4096];
        private int[] _pairCount = new int[4096];
        private Stats[] _double = new Stats[4096];
        private int _pairs;
        private readonly Dictionary<long, Stats> _triples = [];
        private readonly Dictionary<int, int> _ruled = [];
        private readonly List<Candidate> _terms = [];
        private readonly List<Candidate> _tied = [];
        private int[] _byCount = new int[64];

        public EpisodeCount Count(Episode e, EpisodeWords words)
        {
            var tokens = words.Tokens;
            int count = tokens.Length, titleEnd = words.TitleEnd, min = options.MinCount;
            _episode++;
            _keys.Clear(); _pairIndex.Clear(); _triples.Clear(); _ruled.Clear(); _terms.Clear();
            _pairs = 0;
            if (_dense.Length < count) { _dense = new int[count]; _kind = new byte[count]; _pairAt = new int[count]; }

            bool ruling = rules.Phrases.Count > 0;
            for (int i = 0; i < count; i++)
            {
                var word = vocabulary[EpisodeWords.WordOf(tokens[i])];
                int key = word.Key;
                if (_stamp[key] != _episode)
                {
                    _stamp[key] = _episode;
                    _denseOf[key] = _keys.Count;
                    _keys.Add(key);
                }
                _dense[i] = _denseOf[key];
                _kind[i] = (byte)((word.Stop == StopWords.Kind.Function ? Function : 0) | (word.Stop == StopWords.Kind.None ? Content : 0)
                    | (word.Letters ? Letters : 0) | (word.Short ? Short : 0) | (nameKeys[key] ? Name : 0)
                    | (word.Join == Joiner.Of ? JoinOf : word.Join == Joiner.Other ? JoinOther : 0));
                if (ruling && rules.Phrases.Match(tokens, i, count, out var ruled) > 0)
                    CollectionsMarshal.GetValueRefOrAddDefault(_ruled, ruled, out _)++;
            }

            if (_said.Length < _keys.Count) { _said = new int[_keys.Count * 2]; _single = new Stats[_keys.Count * 2]; }
            Array.Clear(_said, 0, _keys.Count);
            Array.Clear(_single, 0, _keys.Count);
            for (int i = 0; i < count; i++) _said[_dense[i]]++;
            for (int i = 0; i < count; i++)
            {
                _pairAt[i] = -1;
                // A pair with a function word that joins nothing is never part of a phrase: not counted.
                if (i + 1 >= count || Breaks(tokens[i + 1]) || _said[_dense[i]] < min || _said[_dense[i + 1]] < min
                    || Isolated(_kind[i]) || Isolated(_kind[i + 1])) continue;
                long pair = (long)_dense[i] << 32 | (uint)_dense[i + 1];
                ref int index = ref CollectionsMarshal.GetValueRefOrAddDefault(_pairIndex, pair, out bool known);
                if (!known)
                {
                    index = _pairs++;
                    if (index == _pairKeys.Length)
                    {
                        Array.Resize(ref _pairKeys, index * 2);
                        Array.Resize(ref _pairCount, index * 2);
                        Array.Resize(ref _double, index * 2);
                    }
                    _pairKeys[index] = pair;
                    _pairCount[index] = 0;
                    _double[index] = default;
                }
                _pairCount[index]++;
                _pairAt[i] = index;
            }

            for (int i = 0; i < count; i++)
            {
                int first = _kind[i];
                int firstKey = _dense[i];
                if ((first & Function) != 0 || (first & Letters) == 0 || _said[firstKey] < min) continue;
                var flags = EpisodeWords.FlagsOf(tokens[i]);
                bool capital = (flags & WordFlags.Capitalized) != 0;
                if ((first & (Content | Name)) == Content && ((first & Short) == 0 || (flags & WordFlags.AllCaps) != 0))
                    Tally(ref _single[firstKey], i, tokens, titleEnd);
                int pairAt = _pairAt[i];
                if (i + 1 >= count || Breaks(tokens[i + 1]) || PairCount(pairAt) < min) continue;
                int second = _kind[i + 1];
                bool anyContent = ((first | second) & Content) != 0;
                if ((second & (Function | Letters)) == Letters && anyContent && (first & second & Name) == 0)
                    Tally(ref _double[pairAt], i, tokens, titleEnd);
                if (i + 2 >= count || Breaks(tokens[i + 2]) || PairCount(_pairAt[i + 1]) < min) continue;
                int third = _kind[i + 2];
                anyContent |= (third & Content) != 0;
                if ((third & (Function | Letters)) != Letters || !anyContent || (first & second & third & Name) != 0) continue;
                // "of" joins names too (Bank of America); "and", "at"… between names join two things, not one.
                if ((second & Function) != 0 && ((second & (JoinOf | JoinOther)) == 0
                    || ((second & JoinOther) != 0 && (capital || (EpisodeWords.FlagsOf(tokens[i + 2]) & WordFlags.Capitalized) != 0)))) continue;
                Tally(ref CollectionsMarshal.GetValueRefOrAddDefault(_triples, (long)pairAt << 32 | (uint)_dense[i + 2], out _), i, tokens, titleEnd);
            }

            var terms = _terms;
            for (int k = 0; k < _keys.Count; k++)
                if (_single[k].Count >= min) terms.Add(Candidate(new PhraseTable.Keys(_keys[k]), 1, _single[k]));
            for (int p = 0; p < _pairs; p++)
                if (_double[p].Count >= min) terms.Add(Candidate(PairKeys(p), 2, _double[p]));
            foreach (var (triple, stats) in _triples)
                if (stats.Count >= min)
                {
                    var pair = PairKeys((int)(triple >> 32));
                    terms.Add(Candidate(pair with { C = _keys[(int)(uint)triple] }, 3, stats));
                }
            bool ruledAny = false;
            foreach (var c in terms) ruledAny |= c.Identity >= 0;
            foreach (var (id, said) in _ruled)
            {
                if (said < min || terms.Exists(t => t.Identity == id)) continue;
                terms.Add(new Candidate { Keys = new PhraseTable.Keys(-1), Identity = id, Words = phrases.WordsOf(id), Count = said, First = -1 });
                ruledAny = true;
            }
            if (ruledAny) MergeNamed(terms, e, words);
            return new EpisodeCount(Keep(terms, options.KeepPerEpisode), [.. _ruled.Keys]);
        }

        /// <summary>A function word that joins no phrase ("the", "a"): no counted phrase begins, ends or goes through it.</summary>
        private static bool Isolated(int kind) => (kind & (Function | JoinOf | JoinOther)) == Function;

        private Candidate Candidate(PhraseTable.Keys keys, int words, Stats s) => new()
        {
            Keys = keys, Identity = rules.IdentityOf(keys), Words = words,
            Count = s.Count, CapitalizedMid = s.CapitalizedMid, Mid = s.Mid, First = s.First,
        };

        private PhraseTable.Keys PairKeys(int pair) =>
            new(_keys[(int)(_pairKeys[pair] >> 32)], _keys[(int)(uint)_pairKeys[pair]]);

        private int PairCount(int pair) => pair < 0 ? 0 : _pairCount[pair];

        private static bool Breaks(int token) => (EpisodeWords.FlagsOf(token) & WordFlags.AfterBreak) != 0;

        private static void Tally(ref Stats s, int token, int[] tokens, int titleEnd)
        {
            if (s.Count == 0) s.First = token;
            s.Count++;
            // The title is written in title case: its capitals say nothing about names.
            var flags = EpisodeWords.FlagsOf(tokens[token]);
            if (token < titleEnd || (flags & WordFlags.SentenceStart) != 0) return;
            s.Mid++;
            if ((flags & WordFlags.Capitalized) != 0) s.CapitalizedMid++;
        }

        /// <summary>Merged names are one topic: their counts add up, under the most said one's words.</summary>
        private void MergeNamed(List<Candidate> terms, Episode e, EpisodeWords words)
        {
            var groups = new Dictionary<int, List<int>>();
            for (int t = 0; t < terms.Count; t++)
                if (terms[t].Identity >= 0)
                {
                    if (!groups.TryGetValue(terms[t].Identity, out var members)) groups[terms[t].Identity] = members = [];
                    members.Add(t);
                }
            var drop = new HashSet<int>();
            foreach (var (id, members) in groups)
            {
                if (members.Count < 2) continue;
                int top = members[0];
                foreach (var m in members.Skip(1))
                {
                    int byCount = terms[m].Count.CompareTo(terms[top].Count);
                    if (byCount > 0 || (byCount == 0 && string.CompareOrdinal(SurfaceOf(terms[m], e, words), SurfaceOf(terms[top], e, words)) < 0)) top = m;
                }
                var merged = terms[top];
                merged.Count = members.Sum(m => terms[m].Count);
                merged.CapitalizedMid = members.Sum(m => terms[m].CapitalizedMid);
                merged.Mid = members.Sum(m => terms[m].Mid);
                terms[members[0]] = merged;
                foreach (var m in members.Skip(1)) drop.Add(m);
            }
            for (int t = terms.Count - 1; t >= 0; t--) if (drop.Contains(t)) terms.RemoveAt(t);
        }

        private string SurfaceOf(Candidate c, Episode e, EpisodeWords words) =>
            c.First < 0 ? phrases.Text(c.Identity) : Surface(e, words.TextStarts, c.First, c.Words);

        /// <summary>
        /// The most said phrases, at most <paramref name="keep"/>; ties go to the first key in
        /// ordinal order. Found without sorting them all: the count of the last one kept is read
        /// from the counts' histogram, and only the phrases said exactly that often are sorted.
        /// </summary>
        private Candidate[] Keep(List<Candidate> terms, int keep)
        {
            if (terms.Count <= keep) return [.. terms];
            int top = 0;
            foreach (var t in terms) top = Math.Max(top, t.Count);
            if (_byCount.Length <= top) _byCount = new int[top + 1];
            Array.Clear(_byCount, 0, top + 1);
            foreach (var t in terms) _byCount[t.Count]++;
            int threshold = top, above = 0;
            while (above + _byCount[threshold] < keep) above += _byCount[threshold--];
            var kept = new Candidate[keep];
            int at = 0;
            _tied.Clear();
            foreach (var t in terms)
            {
                if (t.Count > threshold) kept[at++] = t;
                else if (t.Count == threshold) _tied.Add(t);
            }
            // Among the phrases said as often as the last one kept, the first keys in ordinal order.
            _tied.Sort((x, y) => phrases.Compare(x.Identity, x.Keys, y.Identity, y.Keys));
            for (int k = 0; at < keep; k++) kept[at++] = _tied[k];
            return kept;
        }
    }
}
