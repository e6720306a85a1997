using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Reading;
using Archive.Core.Text;

namespace Archive.Core.Normalizing;

/// <summary>
/// Chapters of a cut-off untimed transcript: the first <paramref name="Reached"/> placed in the
/// text, the rest after it; <paramref name="Reach"/> is about where the text stops, at
/// <paramref name="WordsPerMinute"/>.
/// </summary>
public sealed record CutPlacement(IReadOnlyList<Chapter> Chapters, int Reached, TimeSpan Reach, double WordsPerMinute);

/// <summary>Where a chapter title without a time was placed, and how well its words matched there (0–1).</summary>
public readonly record struct ChapterPlacement(int Paragraph, double Match);

/// <summary>
/// Places chapter titles that have no times (a list of highlights in show notes) where the
/// transcript reaches them. The titles are taken to be in transcript order. The transcript is cut
/// into one section per title, in that order, so that each paragraph lands in the section of the
/// title whose (rarer) words it shares most; deciding all cuts at once keeps the titles in order
/// and stops one strong match from pushing the others out of place. A chapter then starts at the
/// question that leads into its section.
/// </summary>
public static class ChapterMatcher
{
    /// <summary>Below this a title's words were not really found; it is still placed, in order, and reported.</summary>
    public const double WeakMatch = 0.2;

    /// <summary>Chapters placed in the text by their titles' words, each weak match reported at its line.</summary>
    public static List<Chapter> PlaceByWords(IReadOnlyList<RawChapter> highlights, IReadOnlyList<Paragraph> paragraphs, string path, DiagnosticBag diagnostics)
    {
        var placements = Place(highlights.Select(h => h.Title).ToList(), paragraphs);
        var chapters = new List<Chapter>(placements.Count);
        for (int i = 0; i < placements.Count; i++)
        {
            var (paragraph, match) = placements[i];
            if (match < WeakMatch)
                diagnostics.Warn(path, highlights[i].Line,
                    $"chapter \"{highlights[i].Title}\" is placed by its words, which are hardly in the transcript; it was put in order between its neighbours");
            chapters.Add(new Chapter(TitleText.Clean(highlights[i].Title), paragraphs[paragraph].Start, paragraph));
        }
        return chapters;
    }

    /// <summary>Chapters placed by their titles' words, or null when some title's words are hardly in the text.</summary>
    public static List<Chapter>? PlaceIfFound(IReadOnlyList<RawChapter> chapters, IReadOnlyList<Paragraph> paragraphs)
    {
        var placements = Place(chapters.Select(h => h.Title).ToList(), paragraphs);
        if (placements.Any(p => p.Match < WeakMatch)) return null;
        return placements.Select((p, i) => new Chapter(TitleText.Clean(chapters[i].Title), chapters[i].Start ?? paragraphs[p.Paragraph].Start, p.Paragraph)).ToList();
    }

    /// <summary>
    /// Timed chapters of an untimed transcript that its source cut off. The text has no times, so
    /// how far it reaches is estimated from the chapters whose words are found in it: each gives a
    /// speaking rate (the words before it over its start time), and the median rate turns the kept
    /// words into the time the cut falls at. Chapters that start later were never reached: they
    /// come back after the last paragraph (listed, not placed). The others are placed by their
    /// words. Null when too few chapters are found to estimate the rate.
    /// </summary>
    public static CutPlacement? PlaceBeforeCut(IReadOnlyList<RawChapter> chapters, IReadOnlyList<Paragraph> paragraphs)
    {
        if (paragraphs.Count == 0 || chapters.Any(c => c.Start is null)) return null;
        var wordsBefore = new int[paragraphs.Count + 1];
        for (int p = 0; p < paragraphs.Count; p++) wordsBefore[p + 1] = wordsBefore[p] + Sentences.CountWords(paragraphs[p].Text);
        var first = Place(chapters.Select(c => c.Title).ToList(), paragraphs);
        var rates = new List<double>();
        for (int i = 0; i < chapters.Count; i++)
            if (first[i].Match >= WeakMatch && chapters[i].Start!.Value >= MinRateTime)
                rates.Add(wordsBefore[first[i].Paragraph] / chapters[i].Start!.Value.TotalMinutes);
        if (rates.Count < MinRateChapters) return null;
        rates.Sort();
        double perMinute = rates[rates.Count / 2];
        var reach = TimeSpan.FromSeconds(Math.Round(wordsBefore[^1] / perMinute * 60));

        int reached = chapters.Count(c => c.Start!.Value <= reach);
        // Titles the text does not reach would pull the others towards its end; placed again without them.
        var placed = reached == chapters.Count ? first : Place(chapters.Take(reached).Select(c => c.Title).ToList(), paragraphs);
        var result = new List<Chapter>(chapters.Count);
        for (int i = 0; i < chapters.Count; i++)
            result.Add(new Chapter(TitleText.Clean(chapters[i].Title), chapters[i].Start,
                i >= reached ? paragraphs.Count
                : i == 0 && chapters[0].Start!.Value <= TimeSpan.FromMinutes(1) ? 0 : placed[i].Paragraph));
        return new CutPlacement(result, reached, reach, perMinute);
    }

    /// <summary>Chapters this early say little about the rate: the talk may open with a cold open or notes read aloud.</summary>
    private static readonly TimeSpan MinRateTime = TimeSpan.FromMinutes(5);

    /// <summary>Chapters found in the text needed to estimate how fast the talk goes.</summary>
    private const int MinRateChapters = 3;

    /// <summary>One placement per title, in order; paragraphs strictly increase while there are enough of them.</summary>
    public static IReadOnlyList<ChapterPlacement> Place(IReadOnlyList<string> titles, IReadOnlyList<Paragraph> paragraphs)
    {
        int n = titles.Count, m = paragraphs.Count;
        if (n == 0 || m == 0) return [];
        var (score, weight) = Score(titles, paragraphs);
        // More titles than paragraphs: one each in order, the rest on the last.
        if (n > m) return Enumerable.Range(0, n).Select(i => new ChapterPlacement(Math.Min(i, m - 1), score[i, Math.Min(i, m - 1)])).ToList();
        return Segment(score, weight, n, m, paragraphs);
    }

    /// <summary>
    /// How well each title (row) matches each paragraph (column): the share of the title's word
    /// weight found there (0–1), and the title's whole weight (rare words weigh more), so a
    /// paragraph sharing three rare words with one title counts for more than one sharing a
    /// common word with another.
    /// </summary>
    private static (double[,] Score, double[] Weight) Score(IReadOnlyList<string> titles, IReadOnlyList<Paragraph> paragraphs)
    {
        int n = titles.Count, m = paragraphs.Count;
        var paragraphTerms = paragraphs.Select(p => Keywords(p.Text)).ToList();
        var sets = paragraphTerms.Select(t => t.ToHashSet(StringComparer.Ordinal)).ToList();
        var pairs = paragraphTerms.Select(t => Enumerable.Range(0, Math.Max(0, t.Count - 1)).Select(i => t[i] + " " + t[i + 1]).ToHashSet(StringComparer.Ordinal)).ToList();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var set in sets)
            foreach (var term in set)
                documentFrequency[term] = documentFrequency.GetValueOrDefault(term) + 1;
        double Idf(string term) => Math.Log(1 + (double)m / (1 + documentFrequency.GetValueOrDefault(term)));

        var score = new double[n, m];
        var weight = new double[n];
        for (int i = 0; i < n; i++)
        {
            var words = Terms.Of(titles[i]).Where(t => !t.IsStopWord).Select(t => t.Stem).ToList();
            // Words the transcript never uses cannot place the title anywhere; they do not count.
            var distinct = words.Distinct(StringComparer.Ordinal).Where(documentFrequency.ContainsKey).ToList();
            var titlePairs = Enumerable.Range(0, Math.Max(0, words.Count - 1)).Select(k => (words[k], words[k + 1]))
                .Where(p => documentFrequency.ContainsKey(p.Item1) && documentFrequency.ContainsKey(p.Item2)).Distinct().ToList();
            double total = distinct.Sum(Idf) + titlePairs.Sum(p => 0.5 * (Idf(p.Item1) + Idf(p.Item2)));
            if (total <= 0) continue;
            weight[i] = total;
            for (int p = 0; p < m; p++)
            {
                double s = 0;
                foreach (var term in distinct)
                    if (sets[p].Contains(term)) s += Idf(term);
                foreach (var (a, b) in titlePairs)
                    if (pairs[p].Contains(a + " " + b)) s += 0.5 * (Idf(a) + Idf(b));
                score[i, p] = s / total;
            }
        }
        return (score, weight);
    }

    /// <summary>
    /// Content-word stems in order, with each pair of neighbours also written together, so
    /// "OpenDevin" in a title finds "Open Devin" in the text.
    /// </summary>
    private static List<string> Keywords(string text)
    {
        var all = Terms.Of(text);
        var result = new List<string>(all.Count);
        for (int i = 0; i < all.Count; i++)
        {
            if (!all[i].IsStopWord) result.Add(all[i].Stem);
            if (i + 1 < all.Count && char.IsUpper(all[i].Word[0]) && char.IsUpper(all[i + 1].Word[0]))
                result.Add(Terms.Stem((all[i].Word + all[i + 1].Word).ToLowerInvariant()));
        }
        return result;
    }

    /// <summary>
    /// Splits the paragraphs into sections, one a title and in the titles' order (with an
    /// untitled opening before the first), so that paragraphs sit in the section of the title
    /// they match best; a paragraph also leans towards the title the next paragraph matches, so a
    /// question goes with its answer. Between sections, a chapter starts at the question that
    /// leads into it.
    /// </summary>
    private static List<ChapterPlacement> Segment(double[,] score, double[] weight, int n, int m, IReadOnlyList<Paragraph> paragraphs)
    {
        double Gain(int i, int p) => score[i, p] * weight[i];

        // best[p, l + 1]: the best total for paragraphs 0..p with paragraph p in section l (-1 = the opening).
        var best = new double[m, n + 1];
        for (int p = 0; p < m; p++)
            for (int l = -1; l < n; l++)
            {
                double previous;
                if (p == 0) previous = l <= 0 ? 0 : double.NegativeInfinity;
                else
                {
                    previous = best[p - 1, l + 1];
                    if (l >= 0) previous = Math.Max(previous, best[p - 1, l]);
                }
                best[p, l + 1] = previous + (l >= 0 ? Gain(l, p) : 0);
            }

        // Walk back from the last paragraph in the last section; on a tie a section starts later.
        var starts = new int[n];
        for (int p = m - 1, l = n - 1; p >= 0 && l >= 0; p--)
        {
            starts[l] = p;
            if (p == 0) break;
            double gain = Gain(l, p);
            bool fromPrevious = best[p - 1, l] + gain >= best[p - 1, l + 1] + gain;
            if (fromPrevious) l--;
        }

        var placed = new List<ChapterPlacement>(n);
        for (int i = 0; i < n; i++)
        {
            int p = starts[i];
            int floor = i == 0 ? 0 : placed[i - 1].Paragraph + 1;
            if (p > floor && IsQuestionBefore(paragraphs, p)) p--;
            int end = i + 1 < n ? starts[i + 1] : m;
            double match = 0;
            for (int q = p; q < end; q++) match = Math.Max(match, score[i, q]);
            placed.Add(new ChapterPlacement(p, match));
        }
        return placed;
    }

    private static bool IsQuestionBefore(IReadOnlyList<Paragraph> paragraphs, int p)
    {
        var before = paragraphs[p - 1];
        return before.Speaker is not null && !string.Equals(before.Speaker, paragraphs[p].Speaker, StringComparison.Ordinal)
            && before.Text.Contains('?');
    }
}
