using Archive.Core.Loading;

namespace Archive.Core.Enriching;

/// <summary>
/// The episodes most like each episode: cosine similarity of TF-IDF vectors over the phrases
/// that recur in the archive (<see cref="TopicExtractor"/>) and the episodes' topics. Dot
/// products are summed through an inverted index, so only episodes sharing a phrase are ever
/// compared; phrases found in a large part of the archive weigh little and are left out of the
/// index, which keeps the work near linear in the archive's size. Never the episode itself, never
/// one with the same title (a duplicate listing), never twice; ties go to the slug first in
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

        var topicKeys = episodes.Select(e => e.Topics.Select(WordScanner.KeyOf).Where(k => k.Length > 0).ToHashSet(StringComparer.Ordinal)).ToList();
        var topicSupport = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var keys in topicKeys) foreach (var k in keys) topicSupport[k] = topicSupport.GetValueOrDefault(k) + 1;
        // Phrases in more episodes than this say little and would make the index quadratic.
        int maxSupport = Math.Max(50, n / 10);

        // Each episode's vector: phrase (or "\u0001topic") → weight, L2-normalized.
        var vectors = new (string Feature, double Weight)[n][];
        Parallel.For(0, n, i =>
        {
            var features = new Dictionary<string, double>(StringComparer.Ordinal);
            foreach (var t in terms.Terms[i])
            {
                int support = terms.Support.GetValueOrDefault(t.Key);
                if (support < 2 || support > maxSupport) continue;
                features[t.Key] = (1 + Math.Log(t.Count)) * Math.Log(1 + (double)n / support);
            }
            foreach (var k in topicKeys[i].Order(StringComparer.Ordinal))
                if (topicSupport[k] >= 2 && topicSupport[k] <= maxSupport)
                    features["\u0001" + k] = TopicWeight * Math.Log(1 + (double)n / topicSupport[k]);
            var top = features.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).Take(Features).ToList();
            double norm = Math.Sqrt(top.Sum(f => f.Value * f.Value));
            vectors[i] = top.Select(f => (f.Key, f.Value / norm)).OrderBy(f => f.Key, StringComparer.Ordinal).ToArray();
        });

        // Inverted index: feature → (episode, weight), episodes in input order.
        var postings = new Dictionary<string, List<(int Episode, double Weight)>>(StringComparer.Ordinal);
        for (int i = 0; i < n; i++)
            foreach (var (feature, weight) in vectors[i])
            {
                if (!postings.TryGetValue(feature, out var list)) postings[feature] = list = [];
                list.Add((i, weight));
            }

        var titles = episodes.Select(e => TitleKey(e.Episode.Title)).ToList();
        Parallel.For(0, n, () => (Scores: new double[n], Touched: new List<int>()), (i, _, scratch) =>
        {
            var (scores, touched) = scratch;
            foreach (var (feature, weight) in vectors[i])
                foreach (var (j, w) in postings[feature])
                {
                    if (j == i) continue;
                    if (scores[j] == 0) touched.Add(j);
                    scores[j] += weight * w;
                }
            var chosen = new List<RelatedEpisode>(count);
            var seenTitles = new HashSet<string>(StringComparer.Ordinal) { titles[i] };
            foreach (var j in touched
                .Where(j => scores[j] >= MinScore)
                .OrderByDescending(j => Math.Round(scores[j], 9)).ThenBy(j => episodes[j].Slug, StringComparer.Ordinal))
            {
                if (!seenTitles.Add(titles[j])) continue;
                var shared = episodes[i].Topics.Where(t => topicKeys[j].Contains(WordScanner.KeyOf(t))).DistinctBy(WordScanner.KeyOf).ToList();
                chosen.Add(new RelatedEpisode(j, Math.Round(scores[j], 6), shared));
                if (chosen.Count == count) break;
            }
            result[i] = chosen;
            foreach (var j in touched) scores[j] = 0;
            touched.Clear();
            return scratch;
        }, _ => { });
        return result;
    }

    private static string TitleKey(string title) => string.Join(' ', title.ToLowerInvariant().Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
}
