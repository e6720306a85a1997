using Archive.Core.Loading;
using Archive.Core.Text;

namespace Archive.Core.Enriching;

/// <summary>
/// The episodes most like each episode: cosine similarity of TF-IDF vectors over the phrases
/// that recur in the archive (<see cref="TopicExtractor"/>) and the episodes' topics. Dot
/// products are summed through an inverted index, so only episodes sharing a phrase are ever
/// compared; phrases found in a large part of the archive weigh little and are left out of the
/// index, which keeps the work near linear in the archive's size. Phrases are weighed by the
/// oldest episodes (<see cref="Reference"/>), so a new one seldom moves lists it does not enter.
/// Never the episode itself, never one with the same title (a duplicate listing), never twice; ties go to the slug first in
/// ordinal order, so the result is the same on every run.
/// </summary>
public static class RelatedEpisodes
{
    public const int DefaultCount = 5;
    /// <summary>Phrases per episode that make up its vector, the heaviest first.</summary>
    private const int Features = 100;
    /// <summary>Below this similarity two episodes share a word or two by chance.</summary>
    private const double MinScore = 0.05;
    /// <summary>Topics weigh more than a phrase: someone chose them, or they stood out.</summary>
    private const double TopicWeight = 2.0;

    public static IReadOnlyList<RelatedEpisode>[] Find(IReadOnlyList<ArchiveEpisode> episodes, TopicExtractor.Result terms, int count = DefaultCount)
    {
        int n = episodes.Count;
        var result = new IReadOnlyList<RelatedEpisode>[n];
        if (n < 2)
        {
            for (int i = 0; i < n; i++) result[i] = [];
            return result;
        }

        // Each episode's topics with their keys; a topic is a feature too, numbered after the phrases.
        var topics = new (string Topic, string Key)[n][];
        var topicKeys = new HashSet<string>[n];
        var topicSupport = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            topics[i] = episodes[i].Topics.Select(t => (t, WordScanner.KeyOf(t))).Where(t => t.Item2.Length > 0).ToArray();
            topicKeys[i] = topics[i].Select(t => t.Key).ToHashSet(StringComparer.Ordinal);
            foreach (var k in topicKeys[i]) topicSupport[k] = topicSupport.GetValueOrDefault(k) + 1;
        }

        // Phrases and topics are weighed by how many episodes of the reference say them: the oldest,
        // as many as the largest power of two the archive holds (512 of 1,000). A new episode (the
        // newest) then changes no weight until the archive reaches the next power of two, and moves
        // an older episode's list mostly where it enters it; weighed by the whole archive, every
        // phrase it says weighed a little less, and lists of episodes it is not in reordered. The
        // reference is half the archive or more, so a phrase said evenly over time is said in about
        // twice as many episodes of the archive at most; one said in more than three times as many
        // is newer, and is weighed by a third of its episodes in the archive (a catchphrase of the
        // last year is common, not rare). A phrase said in two episodes or more weighs as one said
        // in two at most.
        var reference = Reference(episodes);
        int referenceSize = 0;
        var referenceSupport = new int[terms.Support.Length];
        var referenceTopicSupport = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
        {
            if (!reference[i]) continue;
            referenceSize++;
            foreach (var t in terms.Terms[i]) referenceSupport[t.Term]++;
            foreach (var k in topicKeys[i]) referenceTopicSupport[k] = referenceTopicSupport.GetValueOrDefault(k) + 1;
        }
        static int Weighed(int inArchive, int inReference) => inArchive < 2 ? 0 : Math.Max(2, Math.Max(inReference, inArchive / 3));
        int PhraseSupport(int term) => Weighed(terms.Support[term], referenceSupport[term]);
        int TopicSupport(string key) => Weighed(topicSupport[key], referenceTopicSupport.GetValueOrDefault(key));
        int phraseCount = terms.Phrases.Count;
        var topicFeature = new Dictionary<string, int>(StringComparer.Ordinal);
        var topicText = new List<string>();
        foreach (var k in topicSupport.Keys.Order(StringComparer.Ordinal))
        {
            topicFeature[k] = phraseCount + topicText.Count;
            topicText.Add(k);
        }
        // Features in the order of their names: topics ("\u0001" + key) before phrases, each by key.
        int CompareFeatures(int a, int b) =>
            a >= phraseCount ? (b >= phraseCount ? a.CompareTo(b) : -1)
            : b >= phraseCount ? 1 : terms.Phrases.Compare(a, b);

        // Phrases in more episodes than this say little and would make the index quadratic.
        int maxSupport = Math.Max(50, referenceSize / 10);

        // Each episode's vector: feature → weight, L2-normalized, in the order of the features' names.
        var vectors = new (int Feature, double Weight)[n][];
        Parallel.For(0, n, i =>
        {
            var features = new List<(int Feature, double Weight)>(terms.Terms[i].Length + topics[i].Length);
            foreach (var t in terms.Terms[i])
            {
                int support = PhraseSupport(t.Term);
                if (support < 2 || support > maxSupport) continue;
                features.Add((t.Term, (1 + Math.Log(t.Count)) * Math.Log(1 + (double)referenceSize / support)));
            }
            foreach (var k in topicKeys[i].Order(StringComparer.Ordinal))
                if (TopicSupport(k) is var support and >= 2 && support <= maxSupport)
                    features.Add((topicFeature[k], TopicWeight * Math.Log(1 + (double)referenceSize / support)));
            vectors[i] = Vector(features, CompareFeatures);
        });

        // Inverted index: feature → (episode, weight), episodes in input order.
        int featureCount = phraseCount + topicText.Count;
        var starts = new int[featureCount + 1];
        foreach (var vector in vectors) foreach (var (feature, _) in vector) starts[feature + 1]++;
        for (int f = 0; f < featureCount; f++) starts[f + 1] += starts[f];
        var postingEpisode = new int[starts[featureCount]];
        var postingWeight = new double[starts[featureCount]];
        var fill = starts[..featureCount];
        for (int i = 0; i < n; i++)
            foreach (var (feature, weight) in vectors[i])
            {
                int at = fill[feature]++;
                postingEpisode[at] = i;
                postingWeight[at] = weight;
            }

        var titles = episodes.Select(e => TitleKey(e.Episode.Title)).ToList();
        var slugRank = new int[n];
        var bySlug = Enumerable.Range(0, n).ToArray();
        Array.Sort(bySlug, (a, b) => string.CompareOrdinal(episodes[a].Slug, episodes[b].Slug));
        for (int r = 0; r < n; r++) slugRank[bySlug[r]] = r;

        Parallel.For(0, n, () => new Scratch(n), (i, _, scratch) =>
        {
            var scores = scratch.Scores;
            int touched = 0;
            foreach (var (feature, weight) in vectors[i])
                for (int at = starts[feature]; at < starts[feature + 1]; at++)
                {
                    int j = postingEpisode[at];
                    if (j == i) continue;
                    if (scores[j] == 0) scratch.Touched[touched++] = j;
                    scores[j] += weight * postingWeight[at];
                }
            int candidates = 0;
            for (int t = 0; t < touched; t++)
            {
                int j = scratch.Touched[t];
                if (scores[j] >= MinScore) scratch.Candidates[candidates++] = new Candidate(Math.Round(scores[j], 9), slugRank[j], j);
            }
            var chosen = new List<RelatedEpisode>(count);
            var seenTitles = new HashSet<string>(StringComparer.Ordinal) { titles[i] };
            // Most similar first, ties to the slug first in ordinal order: the few best are sorted
            // first; only when duplicates of a title use them up is the rest sorted too.
            var order = scratch.Candidates.AsSpan(0, candidates);
            int sorted = Best(order, count * 3);
            for (int c = 0; c < order.Length && chosen.Count < count; c++)
            {
                if (c == sorted) { order[sorted..].Sort(); sorted = order.Length; }
                int j = order[c].Episode;
                if (!seenTitles.Add(titles[j])) continue;
                var shared = new List<string>();
                var sharedKeys = new HashSet<string>(StringComparer.Ordinal);
                foreach (var (topic, key) in topics[i])
                    if (topicKeys[j].Contains(key) && sharedKeys.Add(key)) shared.Add(topic);
                chosen.Add(new RelatedEpisode(j, Math.Round(scores[j], 6), shared));
            }
            result[i] = chosen;
            for (int t = 0; t < touched; t++) scores[scratch.Touched[t]] = 0;
            return scratch;
        }, _ => { });
        return result;
    }

    /// <summary>
    /// Which episodes are the reference: the oldest (undated ones count as newest, ties by slug),
    /// as many as the largest power of two not above the archive's size.
    /// </summary>
    private static bool[] Reference(IReadOnlyList<ArchiveEpisode> episodes)
    {
        int n = episodes.Count;
        var byAge = Enumerable.Range(0, n)
            .OrderBy(i => episodes[i].Episode.Date ?? DateOnly.MaxValue)
            .ThenBy(i => episodes[i].Slug, StringComparer.Ordinal)
            .ToArray();
        var reference = new bool[n];
        foreach (var i in byAge.AsSpan(0, 1 << System.Numerics.BitOperations.Log2((uint)n))) reference[i] = true;
        return reference;
    }

    /// <summary>
    /// The heaviest <see cref="Features"/> features, L2-normalized (summed heaviest first, ties by
    /// name), in the order of their names.
    /// </summary>
    private static (int Feature, double Weight)[] Vector(List<(int Feature, double Weight)> features, Func<int, int, int> compare)
    {
        features.Sort((x, y) => x.Weight != y.Weight ? y.Weight.CompareTo(x.Weight) : compare(x.Feature, y.Feature));
        int kept = Math.Min(Features, features.Count);
        double sum = 0;
        for (int f = 0; f < kept; f++) sum += features[f].Weight * features[f].Weight;
        double norm = Math.Sqrt(sum);
        var vector = new (int Feature, double Weight)[kept];
        for (int f = 0; f < kept; f++) vector[f] = (features[f].Feature, features[f].Weight / norm);
        Array.Sort(vector, (x, y) => compare(x.Feature, y.Feature));
        return vector;
    }

    /// <summary>Moves the <paramref name="best"/> first candidates, sorted, to the front; returns how many are sorted.</summary>
    private static int Best(Span<Candidate> candidates, int best)
    {
        if (candidates.Length <= best * 2)
        {
            candidates.Sort();
            return candidates.Length;
        }
        // Insertion into a short sorted prefix: one comparison for most candidates.
        int kept = 0;
        for (int c = 0; c < candidates.Length; c++)
        {
            var item = candidates[c];
            if (kept == best && item.CompareTo(candidates[best - 1]) >= 0) continue;
            int at = kept < best ? kept++ : best - 1;
            // The displaced candidate goes where this one was, so none is lost.
            candidates[c] = candidates[at];
            while (at > 0 && item.CompareTo(candidates[at - 1]) < 0) { candidates[at] = candidates[at - 1]; at--; }
            candidates[at] = item;
        }
        return kept;
    }

    private readonly record struct Candidate(double Score, int SlugRank, int Episode) : IComparable<Candidate>
    {
        public int CompareTo(Candidate other) =>
            Score != other.Score ? other.Score.CompareTo(Score) : SlugRank.CompareTo(other.SlugRank);
    }

    private sealed class Scratch(int episodes)
    {
        public readonly double[] Scores = new double[episodes];
        public readonly int[] Touched = new int[episodes];
        public readonly Candidate[] Candidates = new Candidate[episodes];
    }

    private static string TitleKey(string title) => Spacing.Collapse(title.ToLowerInvariant());
}
