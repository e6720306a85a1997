using System.Numerics;
using System.Runtime.InteropServices;
using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Text;

namespace Archive.Core.Enriching;

/// <summary>
/// The same episode listed twice (a listing scraped from two feeds, a re-upload with a new
/// preface, the same transcript in two formats) becomes one page. Two episodes of one show (or of
/// one file) are the same when most of the text of the shorter one, its title, notes, chapter
/// titles and the start of its transcript, is found in the longer one: compared as overlapping
/// three-word phrases, so differences in punctuation, boilerplate and glued words do not matter;
/// or when they carry the same timed chapter list.
/// The one with the richer text is kept; details only the other has are added to it.
/// </summary>
public static class DuplicateEpisodes
{
    /// <summary>Share of the shorter text's phrases the longer must contain.</summary>
    public const double Threshold = 0.7;

    /// <summary>Texts shorter than this (in phrases) say too little to call two episodes one.</summary>
    public const int MinPhrases = 25;

    /// <summary>A phrase in this many different episodes of a group (or a tenth of a large group) is boilerplate and proves nothing.</summary>
    private const int CommonPhrase = 8;

    private const int TranscriptWords = 1500;

    /// <param name="Fingerprints">For each input episode, the phrases it was compared by (see <see cref="Fingerprint"/>).</param>
    public sealed record Result(IReadOnlyList<Episode> Episodes, IReadOnlyList<int> InputIndexes, IReadOnlyList<ulong[]> Fingerprints);

    /// <param name="known">For each input episode, its <see cref="Result.Fingerprints"/> as an earlier build made them from the same text, or null.</param>
    public static Result Merge(IReadOnlyList<Episode> episodes, DiagnosticBag diagnostics, IReadOnlyList<ulong[]?>? known = null)
    {
        var fingerprints = new ulong[episodes.Count][];
        Parallel.For(0, episodes.Count, i => fingerprints[i] = known?[i] ?? Fingerprint(episodes[i]));
        var keptAs = Enumerable.Range(0, episodes.Count).ToArray();
        var merged = episodes.ToArray();

        foreach (var group in Enumerable.Range(0, episodes.Count).GroupBy(i => GroupKey(episodes[i])))
        {
            var members = group.ToList();
            if (members.Count < 2) continue;
            foreach (var (a, b) in SimilarPairs(members, fingerprints).Concat(SameChapterPairs(members, episodes)))
            {
                int ra = Root(keptAs, a), rb = Root(keptAs, b);
                if (ra == rb) continue;
                // The richer text stays; on a tie, the one listed first.
                long richA = Richness(merged[ra]), richB = Richness(merged[rb]);
                var (keep, drop) = richA > richB || (richA == richB && ra < rb) ? (ra, rb) : (rb, ra);
                merged[keep] = Combine(merged[keep], merged[drop]);
                keptAs[drop] = keep;
                var k = episodes[keep].Source;
                var d = episodes[drop].Source;
                var where = k.Path == d.Path ? $"lines {Math.Min(k.Line, d.Line)} and {Math.Max(k.Line, d.Line)}" : $"{k} and {d}";
                diagnostics.Warn(d.Path, d.Line,
                    $"{where} list the same episode (\"{episodes[keep].Title}\"); they are one page, made from {(k.Path == d.Path ? "line " + k.Line : k.ToString())}, which has the richer text");
            }
        }

        var result = new List<Episode>();
        var indexes = new List<int>();
        for (int i = 0; i < episodes.Count; i++)
        {
            if (keptAs[i] != i) continue;
            result.Add(merged[i]);
            indexes.Add(i);
        }
        return new Result(result, indexes, fingerprints);
    }

    private static int Root(int[] keptAs, int i)
    {
        while (keptAs[i] != i) i = keptAs[i];
        return i;
    }

    private static string GroupKey(Episode e) =>
        e.Show is { } show ? "show:" + show.Trim().ToLowerInvariant() : "file:" + e.Source.Path;

    /// <summary>
    /// Pairs whose texts mostly overlap, found through the phrases they share (an index from
    /// phrase to episodes), so a show with thousands of episodes is not compared pair by pair.
    /// </summary>
    private static IEnumerable<(int A, int B)> SimilarPairs(List<int> members, ulong[][] fingerprints)
    {
        // Texts that are exactly alike are one text listed again; they pair with the first of them,
        // and only one of them counts towards how common a phrase is.
        var firstWithText = new Dictionary<ulong, int>();
        var distinct = new List<int>();
        foreach (var m in members)
        {
            var key = Signature(fingerprints[m]);
            if (firstWithText.TryGetValue(key, out var first) && fingerprints[first].AsSpan().SequenceEqual(fingerprints[m]))
            {
                if (fingerprints[m].Length >= MinPhrases) yield return (first, m);
                continue;
            }
            firstWithText.TryAdd(key, m);
            distinct.Add(m);
        }

        // Postings (phrase → the texts that have it) as one sorted array rather than a list per
        // phrase: each text has hundreds of phrases, nearly all its own. Each posting is one number,
        // the phrase's hash in the high bits and the text (its place in distinct, which is in
        // episode order) in the low ones, so they sort as plain integers; the hash keeps 48 bits
        // or more (a group of up to 65,536 texts).
        int textBits = Math.Max(1, 64 - BitOperations.LeadingZeroCount((ulong)distinct.Count));
        ulong textMask = (1UL << textBits) - 1;
        int total = 0;
        foreach (var m in distinct) total += fingerprints[m].Length;
        var postings = new ulong[total];
        int filled = 0;
        for (int t = 0; t < distinct.Count; t++)
            foreach (var phrase in fingerprints[distinct[t]]) postings[filled++] = (phrase & ~textMask) | (uint)t;
        Array.Sort(postings);
        int common = Math.Max(CommonPhrase, distinct.Count / 10);
        // Pairs of texts and the phrases they share.
        var shared = new Dictionary<(int, int), int>();
        // The phrases of each text that are not boilerplate shared by many episodes.
        var informative = new int[distinct.Count];
        for (int from = 0, to; from < postings.Length; from = to)
        {
            ulong phraseOf = postings[from] & ~textMask;
            for (to = from + 1; to < postings.Length && (postings[to] & ~textMask) == phraseOf; to++) { }
            int count = to - from;
            if (count > common) continue;
            for (int x = from; x < to; x++) informative[(int)(postings[x] & textMask)]++;
            if (count < 2) continue;
            for (int x = from; x < to; x++)
                for (int y = x + 1; y < to; y++)
                {
                    var pair = ((int)(postings[x] & textMask), (int)(postings[y] & textMask));
                    CollectionsMarshal.GetValueRefOrAddDefault(shared, pair, out _)++;
                }
        }
        foreach (var ((a, b), count) in shared.OrderBy(kv => kv.Key.Item1).ThenBy(kv => kv.Key.Item2))
        {
            int smaller = Math.Min(informative[a], informative[b]);
            if (smaller >= MinPhrases && count >= Threshold * smaller) yield return (distinct[a], distinct[b]);
        }
    }

    /// <summary>
    /// Pairs that carry the same timed chapter list (at least <see cref="MinSharedChapters"/>
    /// chapters with the same time and title, and most of the shorter list): notes rewritten
    /// around one recording, or padded with a long transcript, still give its chapters. Notes
    /// that offer two lists (the host's timestamps and a generated one) show one as chapters and
    /// keep the other in the summary; each list counts, so the listing that chose the other one
    /// is still found.
    /// </summary>
    private static IEnumerable<(int A, int B)> SameChapterPairs(List<int> members, IReadOnlyList<Episode> episodes)
    {
        // Each list is (episode, key set); postings go from a chapter key to the lists holding it.
        var lists = new List<(int Episode, int Size)>();
        var postings = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var m in members)
            foreach (var list in ChapterLists(episodes[m]))
            {
                var keys = list.Select(c => $"{(long)c.Start.TotalSeconds}|{TitleKey(c.Title)}").ToHashSet(StringComparer.Ordinal);
                if (keys.Count < MinSharedChapters) continue;
                foreach (var key in keys)
                {
                    if (!postings.TryGetValue(key, out var holders)) postings[key] = holders = [];
                    holders.Add(lists.Count);
                }
                lists.Add((m, keys.Count));
            }
        var shared = new Dictionary<(int, int), int>();
        foreach (var holders in postings.Values)
        {
            // "00:00 Intro" is in every list; a chapter many episodes share proves nothing.
            if (holders.Count < 2 || holders.Count > CommonPhrase) continue;
            for (int x = 0; x < holders.Count; x++)
                for (int y = x + 1; y < holders.Count; y++)
                    if (lists[holders[x]].Episode != lists[holders[y]].Episode)
                        shared[(holders[x], holders[y])] = shared.GetValueOrDefault((holders[x], holders[y])) + 1;
        }
        foreach (var ((a, b), count) in shared.OrderBy(kv => kv.Key.Item1).ThenBy(kv => kv.Key.Item2))
            if (count >= MinSharedChapters && count >= SharedChapterShare * Math.Min(lists[a].Size, lists[b].Size))
                yield return (lists[a].Episode, lists[b].Episode);
    }

    /// <summary>The episode's timed chapters, and a chapter list its summary still holds.</summary>
    private static IEnumerable<IReadOnlyList<ChapterListEntry>> ChapterLists(Episode e)
    {
        var timed = e.Chapters.Where(c => c.Start is not null).Select(c => new ChapterListEntry(c.Title, c.Start!.Value)).ToList();
        if (timed.Count > 0) yield return timed;
        if (ChapterListParser.Find(e.Summary, Boilerplate.NextStart) is { } inSummary) yield return inSummary.Entries;
    }

    /// <summary>Timed chapters two listings must share to be one episode.</summary>
    public const int MinSharedChapters = 5;

    /// <summary>Share of the shorter chapter list the other must hold.</summary>
    private const double SharedChapterShare = 0.8;

    /// <summary>The same for the same set of phrases, whatever their order.</summary>
    private static ulong Signature(ulong[] phrases)
    {
        ulong sum = (ulong)phrases.Length, xor = 0;
        foreach (var p in phrases) { sum += p; xor ^= p * 0x9E3779B97F4A7C15UL; }
        return sum ^ (xor << 1);
    }

    /// <summary>Every three-word phrase of the episode's title, notes, chapter titles and first words of transcript, hashed; sorted, each once.</summary>
    internal static ulong[] Fingerprint(Episode e)
    {
        var words = new List<ulong>();
        void Add(string? text, int max = int.MaxValue) => LowerWords(text, max, word => words.Add((ulong)WordScanner.Hash(word)));
        Add(e.Title);
        Add(e.Summary);
        foreach (var c in e.Chapters) Add(c.Title);
        int budget = TranscriptWords;
        foreach (var p in e.Paragraphs)
        {
            if (budget <= 0) break;
            Add(p.Text, budget);
            budget -= p.Text.Length / 5;
        }
        var phrases = new ulong[Math.Max(0, words.Count - 2)];
        for (int i = 0; i + 2 < words.Count; i++)
        {
            // The three words' hashes mixed in order: stable across runs, so output stays deterministic.
            ulong h = words[i];
            h = (BitOperations.RotateLeft(h, 23) ^ words[i + 1]) * 0x9E3779B97F4A7C15UL;
            h = (BitOperations.RotateLeft(h, 23) ^ words[i + 2]) * 0x9E3779B97F4A7C15UL;
            phrases[i] = h ^ (h >> 29);
        }
        Array.Sort(phrases);
        int distinct = 0;
        for (int i = 0; i < phrases.Length; i++) if (distinct == 0 || phrases[i] != phrases[distinct - 1]) phrases[distinct++] = phrases[i];
        Array.Resize(ref phrases, distinct);
        return phrases;
    }

    private delegate void WordAction(ReadOnlySpan<char> lowercase);

    /// <summary>
    /// Hands each of the first <paramref name="max"/> words of a text to <paramref name="word"/>,
    /// lowercase. A word is what <c>[\p{L}\p{N}]+(?:['’]\p{L}+)?</c> matches: looser than
    /// <see cref="WordScanner"/>, so punctuation and glued words do not keep two listings apart.
    /// </summary>
    private static void LowerWords(string? text, int max, WordAction word)
    {
        if (string.IsNullOrEmpty(text)) return;
        int added = 0;
        Span<char> lower = stackalloc char[64];
        for (int i = 0; i < text.Length;)
        {
            if (!IsWordChar(text[i])) { i++; continue; }
            if (added >= max) break;
            int start = i;
            while (i < text.Length && IsWordChar(text[i])) i++;
            if (i + 1 < text.Length && text[i] is '\'' or '’' && char.IsLetter(text[i + 1]))
                for (i++; i < text.Length && char.IsLetter(text[i]); i++) { }
            var span = text.AsSpan(start, i - start);
            var into = span.Length <= lower.Length ? lower : new char[span.Length];
            int n = span.ToLowerInvariant(into);
            word(into[..n]);
            added++;
        }
    }

    /// <summary>A chapter title's words, lowercase, run together: punctuation and spacing do not tell two titles apart.</summary>
    private static string TitleKey(string title)
    {
        var key = new System.Text.StringBuilder(title.Length);
        LowerWords(title, int.MaxValue, word => key.Append(word));
        return key.ToString();
    }

    private static bool IsWordChar(char c) => char.IsLetter(c) || char.IsNumber(c);

    /// <summary>How much an episode has to show: its transcript first, then its notes and chapters.</summary>
    private static long Richness(Episode e) =>
        e.Paragraphs.Sum(p => (long)p.Text.Length) * 4 + (e.Summary?.Length ?? 0) + e.Chapters.Count * 40 + (e.Date is null ? 0 : 20);

    /// <summary>The kept episode, with what only the other one has.</summary>
    private static Episode Combine(Episode keep, Episode other) => keep with
    {
        Date = keep.Date ?? other.Date,
        Duration = keep.Duration ?? other.Duration,
        MediaUrl = keep.MediaUrl ?? other.MediaUrl,
        Summary = keep.Summary ?? other.Summary,
        Topics = keep.Topics.Concat(other.Topics).DistinctBy(t => t.ToLowerInvariant()).ToList(),
        // Chapters point at paragraphs; another episode's fit only when neither has a transcript.
        Chapters = keep.Chapters.Count == 0 && keep.Paragraphs.Count == 0 && other.Paragraphs.Count == 0 ? other.Chapters : keep.Chapters,
    };
}
