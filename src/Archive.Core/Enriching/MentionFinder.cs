using Archive.Core.Config;
using Archive.Core.Loading;
using Archive.Core.Text;

namespace Archive.Core.Enriching;

/// <summary>
/// Where a transcript names something that has a page: a topic (by its name or a name
/// <c>archive.yml</c> merges into it) or a person (by their full name). Only the first mention
/// in each chapter counts, so a page links a name once per chapter, not in every sentence. A
/// topic whose name is an everyday word ("technology") links only in the episodes that carry it,
/// where its page lists them: elsewhere the word is just said; names and multi-word subjects link
/// wherever they are said. A
/// person who does not speak in the episode and was a guest in exactly one other episode is
/// linked to that episode, where their words are; anyone else to their page.
/// </summary>
public static class MentionFinder
{
    /// <param name="Seen">Targets with one <see cref="Seen"/> number are one (a topic under any of its names): linked once per chapter.</param>
    /// <param name="Guest">For a person, the episodes where they are a guest.</param>
    /// <param name="OnlyIn">For a topic named by an everyday word, the episodes that carry it (ascending): the only ones it links in.</param>
    private sealed record Target(MentionKind Kind, string Slug, bool AllCaps, bool Capitalized, int Seen, int[]? Guest, int[]? OnlyIn = null);

    /// <summary>A name the transcripts are searched for: its words' hashes (for <see cref="KeyFilter"/>s), what it links to, and both as bytes for an episode's context.</summary>
    private sealed record Name(long[] WordHashes, Target Target, byte[] Fixed);

    /// <summary>An episode's mentions as an earlier build found them, and the <see cref="Found.Contexts"/> entry they were found in.</summary>
    public sealed record Known(byte[] Context, IReadOnlyList<Mention> Mentions);

    /// <summary>
    /// Each episode's mentions, and (for an episode with a <see cref="KeyFilter"/>) a hash of everything
    /// they depend on besides the episode: the names it may say, as the filter tells, and what each
    /// links to from it. An episode whose context is as an earlier build's has that build's mentions.
    /// </summary>
    public sealed record Found(IReadOnlyList<Mention>[] Mentions, byte[]?[] Contexts);

    /// <param name="wordsOf">
    /// Given which episodes' mentions must be found, each episode's tokens, made with
    /// <paramref name="vocabulary"/>: needed only for those (one call, so they can be tokenised together).
    /// </param>
    /// <param name="filters">The keys each episode says, or null (its mentions are found anew every time).</param>
    /// <param name="known">An episode's mentions from an earlier build, or null.</param>
    /// <param name="everydayWords">The keys of the topics named by an everyday word (<see cref="TopicExtractor.Result.EverydayWords"/>).</param>
    public static Found Find(
        IReadOnlyList<ArchiveEpisode> episodes, Func<Func<int, bool>, IReadOnlyList<EpisodeWords?>> wordsOf, IReadOnlyList<KeyFilter?> filters, IReadOnlyList<Known?> known,
        Vocabulary vocabulary, IReadOnlyList<TaxonomyTerm> topics, IReadOnlyList<TaxonomyTerm> people, IReadOnlyList<TaxonomyTerm> shows, TopicRules rules,
        IReadOnlySet<string>? everydayWords = null)
    {
        var matcher = new PhraseMatcher<Target>(vocabulary);
        var names = new List<Name>();
        void Add(string key, Target target)
        {
            matcher.Add(key, target);
            if (key.Length == 0) return;
            var fixedPart = System.Text.Encoding.UTF8.GetBytes($"{key}\u0001{target.Kind}\u0001{target.Slug}\u0001{target.AllCaps}\u0001{target.Capitalized}\u0001");
            names.Add(new Name([.. key.Split(' ').Select(w => WordScanner.Hash(w))], target, fixedPart));
        }
        var guestEpisodes = GuestEpisodes(episodes, people, shows);
        var seenIds = new Dictionary<(MentionKind, string), int>();
        int SeenId(MentionKind kind, string slug) =>
            seenIds.TryGetValue((kind, slug), out var id) ? id : seenIds[(kind, slug)] = seenIds.Count;
        // People first: a full name is more specific than a topic spelled the same.
        foreach (var person in people)
            Add(WordScanner.KeyOf(person.Name), new Target(MentionKind.Person, person.Slug, false, true,
                SeenId(MentionKind.Person, person.Slug), guestEpisodes.TryGetValue(person.Slug, out var guest) ? [.. guest] : null));
        var aliases = rules.Merge
            .SelectMany(m => m.Value.Select(alias => (Topic: WordScanner.KeyOf(m.Key), Alias: alias)))
            .ToLookup(x => x.Topic, x => x.Alias, StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            var key = WordScanner.KeyOf(topic.Name);
            int[]? onlyIn = everydayWords is not null && everydayWords.Contains(key) ? [.. topic.Episodes] : null;
            foreach (var name in aliases[key].Prepend(topic.Name))
                Add(WordScanner.KeyOf(name), new Target(MentionKind.Topic, topic.Slug, IsAcronym(name), false, SeenId(MentionKind.Topic, topic.Slug), null, onlyIn));
        }

        var found = new IReadOnlyList<Mention>[episodes.Count];
        var contexts = new byte[]?[episodes.Count];
        var linkTexts = new byte[]?[episodes.Count];
        Parallel.For(0, episodes.Count, i =>
        {
            if (filters[i] is not { } filter) return;
            contexts[i] = Context(episodes, i, filter, names, linkTexts);
            if (known[i] is { } k && k.Context.AsSpan().SequenceEqual(contexts[i])) found[i] = k.Mentions;
        });
        var words = wordsOf(i => found[i] is null);
        var scratches = new System.Collections.Concurrent.ConcurrentBag<int[]>();
        Parallel.For(0, episodes.Count, () => scratches.TryTake(out var s) ? s : new int[seenIds.Count + 1], (i, _, seen) =>
        {
            if (found[i] is null) found[i] = matcher.Count == 0 ? [] : InEpisode(episodes, i, words[i]!, matcher, seen);
            return seen;
        }, scratches.Add);
        return new Found(found, contexts);
    }

    private static readonly byte[] NoLink = [0x02];

    /// <summary>
    /// A hash of the names the episode may say (by its filter, in the order they were added, so the
    /// same one wins a key) and of where each links from this episode. Everything else an episode's
    /// mentions depend on is the episode itself.
    /// </summary>
    /// <param name="linkTexts">Each episode's slug as the context holds it, made when first needed and shared by every episode's context.</param>
    private static byte[] Context(IReadOnlyList<ArchiveEpisode> episodes, int index, KeyFilter filter, List<Name> names, byte[]?[] linkTexts)
    {
        var hash = ThreadSha256.Hasher;
        HashSet<string>? speakers = null;
        Span<byte> state = stackalloc byte[1];
        foreach (var name in names)
        {
            if (!filter.MayContainPhrase(name.WordHashes)) continue;
            hash.AppendData(name.Fixed);
            var target = name.Target;
            if (target.Guest is { } guest)
            {
                speakers ??= episodes[index].Episode.Speakers.Select(Taxonomy.SlugOf).ToHashSet(StringComparer.Ordinal);
                int other = speakers.Contains(target.Slug) ? -1 : OnlyOther(guest, index);
                // Two threads may make the same slug's bytes at once: either copy will do.
                hash.AppendData(other < 0 ? NoLink : linkTexts[other] ??= System.Text.Encoding.UTF8.GetBytes(episodes[other].Slug + "\u0002"));
            }
            state[0] = target.OnlyIn is not { } carriers ? (byte)0 : Array.BinarySearch(carriers, index) >= 0 ? (byte)1 : (byte)2;
            hash.AppendData(state);
        }
        return hash.GetHashAndReset();
    }

    /// <param name="seen">Per target (<see cref="Target.Seen"/>), the chapter it was last linked in; the last entry numbers chapters across episodes.</param>
    private static List<Mention> InEpisode(IReadOnlyList<ArchiveEpisode> episodes, int index, EpisodeWords words, PhraseMatcher<Target> matcher, int[] seen)
    {
        var e = episodes[index].Episode;
        var speakers = e.Speakers.Select(Taxonomy.SlugOf).ToHashSet(StringComparer.Ordinal);
        var mentions = new List<Mention>();
        var tokens = words.Tokens;
        (int Start, int Length)[] positions = [];
        ref int stamp = ref seen[^1];
        stamp++;
        int chapter = 0;
        for (int p = 0; p < e.Paragraphs.Count; p++)
        {
            while (chapter < e.Chapters.Count && e.Chapters[chapter].FirstParagraph <= p)
            {
                chapter++;
                stamp++;
            }
            int from = words.TextStarts[EpisodeWords.FirstParagraphText + p], end = words.TextStarts[EpisodeWords.FirstParagraphText + p + 1];
            string? own = null;
            bool located = false;
            for (int w = from; w < end;)
            {
                int length = matcher.Match(tokens, w, end, out var target);
                if (length == 0 || !Written(tokens, w, length, target!)) { w++; continue; }
                if (target!.OnlyIn is { } carriers && Array.BinarySearch(carriers, index) < 0) { w += length; continue; }
                // "I'm Maya Okafor": the speaker's name above the paragraph already links to their page.
                own ??= e.Paragraphs[p].Speaker is { } who ? Taxonomy.SlugOf(who) : "";
                if (target!.Kind == MentionKind.Person && target.Slug == own) { w += length; continue; }
                if (seen[target.Seen] != stamp)
                {
                    seen[target.Seen] = stamp;
                    var (kind, slug) = (target.Kind, target.Slug);
                    if (target.Guest is { } guest && !speakers.Contains(slug) && OnlyOther(guest, index) is >= 0 and var other)
                        (kind, slug) = (MentionKind.GuestEpisode, episodes[other].Slug);
                    // Positions only where a mention is kept: the paragraph is scanned again, once.
                    if (!located)
                    {
                        if (positions.Length < end - from) positions = new (int, int)[Math.Max(end - from, positions.Length * 2)];
                        EpisodeWords.Positions(e.Paragraphs[p].Text, positions.AsSpan(0, end - from));
                        located = true;
                    }
                    var (start, _) = positions[w - from];
                    var (lastStart, lastLength) = positions[w - from + length - 1];
                    mentions.Add(new Mention(p, start, lastStart + lastLength - start, kind, slug));
                }
                w += length;
            }
        }
        return mentions;
    }

    /// <summary>The one episode of a guest's other than <paramref name="index"/>, or -1 when there are none or several.</summary>
    private static int OnlyOther(int[] guest, int index)
    {
        int other = -1;
        foreach (var g in guest)
        {
            if (g == index) continue;
            if (other >= 0) return -1;
            other = g;
        }
        return other;
    }

    /// <summary>Names are written with capitals and acronyms in capitals: "rag" is not RAG, "lena" not Lena.</summary>
    private static bool Written(int[] tokens, int from, int length, Target target)
    {
        for (int w = from; w < from + length; w++)
        {
            var flags = EpisodeWords.FlagsOf(tokens[w]);
            if (target.AllCaps && (flags & WordFlags.AllCaps) == 0) return false;
            if (target.Capitalized && (flags & WordFlags.Capitalized) == 0) return false;
        }
        return true;
    }

    private static bool IsAcronym(string name)
    {
        var t = name.Trim();
        int letters = t.Count(char.IsLetter);
        return letters is >= 2 and <= 6 && !t.Contains(' ') && t.Where(char.IsLetter).All(char.IsUpper);
    }

    /// <summary>For each person, the episodes where they speak as a guest: not a host of the show (or in an episode without one).</summary>
    private static Dictionary<string, List<int>> GuestEpisodes(IReadOnlyList<ArchiveEpisode> episodes, IReadOnlyList<TaxonomyTerm> people, IReadOnlyList<TaxonomyTerm> shows)
    {
        var hosts = shows.ToDictionary(s => s.Slug, s => ShowHosts.Of(episodes, s).Select(Taxonomy.SlugOf).ToHashSet(StringComparer.Ordinal), StringComparer.Ordinal);
        var result = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        foreach (var person in people)
        {
            var guest = person.Episodes
                .Where(i => episodes[i].Episode.Show is not { } show || !hosts.TryGetValue(Taxonomy.SlugOf(show), out var h) || !h.Contains(person.Slug))
                .ToList();
            if (guest.Count > 0) result[person.Slug] = guest;
        }
        return result;
    }
}
