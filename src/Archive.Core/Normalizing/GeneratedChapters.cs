using Archive.Core.Model;
using Archive.Core.Text;

namespace Archive.Core.Normalizing;

/// <summary>
/// Chapters for a long transcript that offers none: one every five to ten minutes (by words when
/// there are no times), each starting at the paragraph in that range where the talk changes
/// subject most (the words before and after it differ most; a new speaker's turn or the answer
/// to a question is preferred), titled with the key phrases of its section.
/// </summary>
public static class GeneratedChapters
{
    public static readonly TimeSpan MinSpan = TimeSpan.FromMinutes(5);
    public static readonly TimeSpan TargetSpan = TimeSpan.FromMinutes(7);
    public static readonly TimeSpan MaxSpan = TimeSpan.FromMinutes(10);

    /// <summary>Without times, words stand in for time: about 150 spoken words a minute.</summary>
    public const int WordsPerMinute = 150;

    private const int Window = 3;

    public static List<Chapter> For(IReadOnlyList<Paragraph> paragraphs)
    {
        if (paragraphs.Count < 4) return [];
        // Position of each paragraph in seconds: its time, or its word offset spoken at 150 a minute.
        bool timed = paragraphs.All(p => p.Start is not null);
        var at = new double[paragraphs.Count + 1];
        for (int i = 0, words = 0; i <= paragraphs.Count; i++)
        {
            at[i] = timed && i < paragraphs.Count ? paragraphs[i].Start!.Value.TotalSeconds : words * 60.0 / WordsPerMinute;
            if (i < paragraphs.Count) words += Sentences.CountWords(paragraphs[i].Text);
        }
        if (timed) at[paragraphs.Count] = at[paragraphs.Count - 1] + Sentences.CountWords(paragraphs[^1].Text) * 60.0 / WordsPerMinute;
        double end = at[paragraphs.Count];
        if (end - at[0] < MaxSpan.TotalSeconds) return [];

        var vectors = paragraphs.Select(p => Counts(p.Text)).ToList();
        var starts = new List<int> { 0 };
        while (true)
        {
            int from = starts[^1];
            double earliest = at[from] + MinSpan.TotalSeconds, latest = at[from] + MaxSpan.TotalSeconds;
            // What is left fits one chapter; and no cut may leave a stub after it.
            if (end - at[from] <= MaxSpan.TotalSeconds) break;
            int best = -1;
            double bestScore = double.NegativeInfinity;
            for (int j = from + 1; j < paragraphs.Count && at[j] <= latest; j++)
            {
                if (at[j] < earliest || end - at[j] < MinSpan.TotalSeconds * 0.6) continue;
                double score = Shift(vectors, j) - 0.1 * Math.Abs(at[j] - at[from] - TargetSpan.TotalSeconds) / 180.0;
                if (paragraphs[j].Speaker is not null && paragraphs[j].Speaker != paragraphs[j - 1].Speaker) score += 0.1;
                if (paragraphs[j].Text.Contains('?')) score += 0.1; // a question opens a subject
                if (score > bestScore) { bestScore = score; best = j; }
            }
            // A paragraph longer than the whole range: take the first one after it.
            if (best < 0)
            {
                best = Enumerable.Range(from + 1, paragraphs.Count - from - 1).FirstOrDefault(j => at[j] >= earliest, -1);
                if (best < 0 || end - at[best] < MinSpan.TotalSeconds * 0.6) break;
            }
            starts.Add(best);
        }
        if (starts.Count < 2) return [];

        var sections = starts.Select((s, k) => string.Join("\n", paragraphs.Skip(s).Take((k + 1 < starts.Count ? starts[k + 1] : paragraphs.Count) - s).Select(p => p.Text))).ToList();
        var names = paragraphs.Select(p => p.Speaker).OfType<string>().SelectMany(n => n.Split(' ')).Select(w => w.ToLowerInvariant()).ToHashSet(StringComparer.Ordinal);
        var chapters = new List<Chapter>(starts.Count);
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        for (int k = 0; k < starts.Count; k++)
        {
            var title = KeyPhrases.Title(sections, k, names) ?? $"Part {k + 1}";
            if (!used.Add(title)) title = $"{title} ({k + 1})";
            chapters.Add(new Chapter(title, paragraphs[starts[k]].Start, starts[k]));
        }
        return chapters;
    }

    /// <summary>How different the words just before paragraph <paramref name="j"/> are from those just after it (0–1).</summary>
    private static double Shift(IReadOnlyList<Dictionary<string, int>> vectors, int j)
    {
        var before = new Dictionary<string, int>(StringComparer.Ordinal);
        var after = new Dictionary<string, int>(StringComparer.Ordinal);
        for (int k = Math.Max(0, j - Window); k < j; k++) Add(before, vectors[k]);
        for (int k = j; k < Math.Min(vectors.Count, j + Window); k++) Add(after, vectors[k]);
        double dot = before.Sum(kv => kv.Value * (double)after.GetValueOrDefault(kv.Key));
        double norm = Math.Sqrt(before.Values.Sum(v => (double)v * v)) * Math.Sqrt(after.Values.Sum(v => (double)v * v));
        return norm == 0 ? 1 : 1 - dot / norm;
    }

    private static void Add(Dictionary<string, int> into, Dictionary<string, int> counts)
    {
        foreach (var (k, v) in counts) into[k] = into.GetValueOrDefault(k) + v;
    }

    private static Dictionary<string, int> Counts(string text)
    {
        var counts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in Terms.Of(text))
            if (!t.IsStopWord) counts[t.Stem] = counts.GetValueOrDefault(t.Stem) + 1;
        return counts;
    }
}
