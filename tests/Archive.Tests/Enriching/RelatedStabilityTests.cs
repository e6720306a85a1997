using Archive.Cli.Benchmarking;
using Archive.Core.Loading;
using Archive.Tests.Support;

namespace Archive.Tests.Enriching;

/// <summary>What one new episode can change in the related lists of the episodes before it.</summary>
public class RelatedStabilityTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    [InlineData(21)]
    public void A_new_episode_changes_older_related_lists_mostly_where_it_enters_them(int seed)
    {
        using var temp = new TempFolder("related-stability");
        var input = temp.Combine("input");
        var corpus = new SyntheticArchive(new SyntheticArchive.Options(60, Seed: seed, MinMinutes: 10, MaxMinutes: 20));
        corpus.WriteAll(input);
        var before = ArchiveLoader.Load(new LoadOptions(input));
        var newest = before.Episodes.Max(e => e.Episode.Date!.Value);
        // The new episode is the newest, as one that just came out.
        var (relative, text) = corpus.Episode(60, newest.AddDays(1));
        File.WriteAllText(Path.Combine(input, relative), text);
        var after = ArchiveLoader.Load(new LoadOptions(input));

        var added = after.Episodes.Single(e => !before.Episodes.Any(b => b.Slug == e.Slug)).Slug;
        var bySlug = before.Episodes.ToDictionary(e => e.Slug);
        int entered = 0, otherwise = 0;
        foreach (var e in after.Episodes)
        {
            if (!bySlug.TryGetValue(e.Slug, out var old)) continue;
            var was = old.Related.Select(r => before.Episodes[r.Episode].Slug).ToList();
            var now = e.Related.Select(r => after.Episodes[r.Episode].Slug).ToList();
            if (was.SequenceEqual(now)) continue;
            if (now.Contains(added)) entered++; else otherwise++;
        }
        // Weighed by the oldest 32 episodes, older lists change where the new episode enters them, or
        // where it shares a phrase with an episode that alone said it, or changed its topics: 1–5 of
        // 60 here. Weighed by the whole archive, 9–14 changed where it did not enter them.
        Assert.True(entered > 0, "the new episode is related to none");
        Assert.True(otherwise <= before.Episodes.Count / 10, $"{otherwise} older episodes' related lists changed without the new episode in them ({entered} with it)");
    }
}
