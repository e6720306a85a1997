using Archive.Cli.Benchmarking;
using Archive.Core.Enriching;
using Archive.Core.Loading;
using Archive.Tests.Support;

namespace Archive.Tests.Enriching;

/// <summary>What one new episode can change in the topics of the episodes before it.</summary>
public class TopicStabilityTests
{
    [Theory]
    [InlineData(1)]
    [InlineData(13)]
    [InlineData(21)]
    public void A_new_episode_makes_or_unmakes_only_topics_it_says(int seed)
    {
        using var temp = new TempFolder("topic-stability");
        var input = temp.Combine("input");
        var corpus = new SyntheticArchive(new SyntheticArchive.Options(60, Seed: seed, MinMinutes: 10, MaxMinutes: 20));
        corpus.WriteAll(input);
        var before = ArchiveLoader.Load(new LoadOptions(input));
        var (relative, text) = corpus.Episode(60);
        File.WriteAllText(Path.Combine(input, relative), text);
        var after = ArchiveLoader.Load(new LoadOptions(input));

        var newEpisode = after.Episodes.Single(e => !before.Episodes.Any(b => b.Slug == e.Slug)).Episode;
        var said = " " + WordScanner.KeyOf(string.Join(" ", new[] { newEpisode.Title, newEpisode.Summary }
            .Concat(newEpisode.Chapters.Select(c => c.Title)).Concat(newEpisode.Paragraphs.Select(p => p.Text)))) + " ";
        var topicsBefore = before.Topics.Select(t => t.Name).ToHashSet();
        var topicsAfter = after.Topics.Select(t => t.Name).ToHashSet();
        var changed = topicsAfter.Except(topicsBefore).Concat(topicsBefore.Except(topicsAfter)).ToList();
        Assert.All(changed, topic => Assert.True(said.Contains(" " + WordScanner.KeyOf(topic) + " ", StringComparison.Ordinal),
            $"\"{topic}\" was made or unmade, but the new episode never says it"));

        // So an older episode's topics change only where it says a topic that came or went.
        var bySlug = before.Episodes.ToDictionary(e => e.Slug);
        foreach (var e in after.Episodes)
            if (bySlug.TryGetValue(e.Slug, out var old) && !old.Topics.ToHashSet().SetEquals(e.Topics))
                Assert.Contains(old.Topics.Concat(e.Topics), changed.Contains);
    }
}
