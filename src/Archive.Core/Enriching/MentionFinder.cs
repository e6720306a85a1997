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

    /// <param name="words">Each episode's tokens (<see cref="EpisodeWords"/>), made with <paramref name="vocabulary"/>.</param>
    /// <param name="everydayWords">The keys of the topics named by an everyday word (<see cref="TopicExtractor.Result.EverydayWords"/>).</param>
    public static IReadOnlyList<Mention>[] Find(
        IReadOnlyList<ArchiveEpisode> episodes, IReadOnlyList<EpisodeWords> words, Vocabulary vocabulary,
        IReadOnlyList<TaxonomyTerm> topics, IReadOnlyList<TaxonomyTerm> people, IReadOnlyList<TaxonomyTerm> shows, TopicRules rules,
        IReadOnlySet<string>? everydayWords = null)
    {
        var matcher = new PhraseMatcher<Target>(vocabulary);
        var guestEpisodes = GuestEpisodes(episodes, people, shows);
        var seenIds = new Dictionary<(MentionKind, string), int>();
        int SeenId(MentionKind kind, string slug) =>
            seenIds.TryGetValue((kind, slug), out var id) ? id : seenIds[(kind, slug)] = seenIds.Count;
        // People first: a full name is more specific than a topic spelled the same.
        foreach (var person in people)
            matcher.Add(WordScanner.KeyOf(person.Name), new Target(MentionKind.Person, person.Slug, false, true,
                SeenId(MentionKind.Person, person.Slug), guestEpisodes.TryGetValue(person.Slug, out var guest) ? [.. guest] : null));
        var aliases = rules.Merge
            .SelectMany(m => m.Value.Select(alias => (Topic: WordScanner.KeyOf(m.Key), Alias: alias)))
            .ToLookup(x => x.Topic, x => x.Alias, StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            var key = WordScanner.KeyOf(topic.Name);
            int[]? onlyIn = everydayWords is not null && everydayWords.Contains(key) ? [.. topic.Episodes] : null;
            foreach (var name in aliases[key].Prepend(topic.Name))
                matcher.Add(WordScanner.KeyOf(name), new Target(MentionKind.Topic, topic.Slug, IsAcronym(name), false, SeenId(MentionKind.Topic, topic.Slug), null, onlyIn));
        }

        var found = new IReadOnlyList<Mention>[episodes.Count];
        var scratches = new System.Collections.Concurrent.ConcurrentBag<int[]>();
        Parallel.For(0, episodes.Count, () => scratches.TryTake(out var s) ? s : new int[seenIds.Count + 1], (i, _, seen) =>
        {
            found[i] = matcher.Count == 0 ? [] : InEpisode(episodes, i, words[i], matcher, seen);
            return seen;
        }, scratches.Add);
        return found;
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
