using Archive.Core.Config;
using Archive.Core.Loading;
using Archive.Core.Text;

namespace Archive.Core.Enriching;

/// <summary>
/// Where a transcript names something that has a page: a topic (by its name or a name
/// <c>archive.yml</c> merges into it) or a person (by their full name). Only the first mention
/// in each chapter counts, so a page links a name once per chapter, not in every sentence. A
/// person who does not speak in the episode and was a guest in exactly one other episode is
/// linked to that episode, where their words are; anyone else to their page.
/// </summary>
public static class MentionFinder
{
    private sealed record Target(MentionKind Kind, string Slug, bool AllCaps, bool Capitalized);

    public static IReadOnlyList<Mention>[] Find(
        IReadOnlyList<ArchiveEpisode> episodes, IReadOnlyList<TaxonomyTerm> topics, IReadOnlyList<TaxonomyTerm> people,
        IReadOnlyList<TaxonomyTerm> shows, TopicRules rules)
    {
        var matcher = new PhraseMatcher<Target>();
        // People first: a full name is more specific than a topic spelled the same.
        foreach (var person in people)
            matcher.Add(WordScanner.KeyOf(person.Name), new Target(MentionKind.Person, person.Slug, false, true));
        var aliases = rules.Merge
            .SelectMany(m => m.Value.Select(alias => (Topic: WordScanner.KeyOf(m.Key), Alias: alias)))
            .ToLookup(x => x.Topic, x => x.Alias, StringComparer.Ordinal);
        foreach (var topic in topics)
        {
            var key = WordScanner.KeyOf(topic.Name);
            foreach (var name in aliases[key].Prepend(topic.Name))
                matcher.Add(WordScanner.KeyOf(name), new Target(MentionKind.Topic, topic.Slug, IsAcronym(name), false));
        }

        var guestEpisodes = GuestEpisodes(episodes, people, shows);
        var found = new IReadOnlyList<Mention>[episodes.Count];
        Parallel.For(0, episodes.Count, () => new WordRun(), (i, _, run) =>
        {
            found[i] = matcher.Count == 0 ? [] : InEpisode(episodes, i, matcher, guestEpisodes, run);
            return run;
        }, _ => { });
        return found;
    }

    private static List<Mention> InEpisode(IReadOnlyList<ArchiveEpisode> episodes, int index, PhraseMatcher<Target> matcher,
        Dictionary<string, List<int>> guestEpisodes, WordRun run)
    {
        var e = episodes[index].Episode;
        var speakers = e.Speakers.Select(Taxonomy.SlugOf).ToHashSet(StringComparer.Ordinal);
        var mentions = new List<Mention>();
        var seen = new HashSet<(MentionKind, string)>();
        int chapter = 0;
        for (int p = 0; p < e.Paragraphs.Count; p++)
        {
            while (chapter < e.Chapters.Count && e.Chapters[chapter].FirstParagraph <= p)
            {
                chapter++;
                seen.Clear();
            }
            run.Load(e.Paragraphs[p].Text);
            var own = e.Paragraphs[p].Speaker is { } who ? Taxonomy.SlugOf(who) : null;
            for (int w = 0; w < run.Count;)
            {
                int length = matcher.Match(run, w, out var target);
                if (length == 0 || !Written(run, w, length, target!)) { w++; continue; }
                // "I'm Maya Okafor": the speaker's name above the paragraph already links to their page.
                if (target!.Kind == MentionKind.Person && target.Slug == own) { w += length; continue; }
                var (kind, slug) = (target!.Kind, target.Slug);
                if (kind == MentionKind.Person && !speakers.Contains(slug) && guestEpisodes.TryGetValue(slug, out var guest))
                {
                    var elsewhere = guest.Where(g => g != index).ToList();
                    if (elsewhere.Count == 1) (kind, slug) = (MentionKind.GuestEpisode, episodes[elsewhere[0]].Slug);
                }
                if (seen.Add((target.Kind, target.Slug)))
                {
                    int start = run.Start(w), end = run.Start(w + length - 1) + run.Length(w + length - 1);
                    mentions.Add(new Mention(p, start, end - start, kind, slug));
                }
                w += length;
            }
        }
        return mentions;
    }

    /// <summary>Names are written with capitals and acronyms in capitals: "rag" is not RAG, "lena" not Lena.</summary>
    private static bool Written(WordRun run, int from, int length, Target target)
    {
        for (int w = from; w < from + length; w++)
        {
            var flags = run.Flags(w);
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
