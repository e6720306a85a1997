using Archive.Core.Enriching;
using static Archive.Tests.Enriching.ArchiveBuilder;

namespace Archive.Tests.Enriching;

public class RelatedEpisodesTests
{
    private static List<Archive.Core.Model.Episode> Archive()
    {
        var episodes = new List<Archive.Core.Model.Episode>();
        // Three about sailing, three about bread, one about both, and a relisting of the first.
        string[] sailing = ["The spinnaker pulls the boat downwind; trim the spinnaker sheet.", "A keel keeps the boat upright; the keel and the spinnaker balance.", "Reefing the mainsail in a gale: reef early, reef the mainsail before the gale."];
        string[] bread = ["Sourdough starter needs flour and water; feed the sourdough starter daily.", "Proofing the dough overnight; proofing baskets shape the sourdough.", "A hot oven and steam give sourdough its crust; the crust needs steam."];
        for (int i = 0; i < 3; i++) episodes.Add(Episode($"Sailing {i}", "Water", ["Ona Vale"], ["sailing"], null, sailing[i], sailing[(i + 1) % 3], "Spinnaker, keel and mainsail again."));
        for (int i = 0; i < 3; i++) episodes.Add(Episode($"Bread {i}", "Crumb", ["Tam Reyes"], ["baking"], null, bread[i], bread[(i + 2) % 3], "Sourdough, proofing and crust again."));
        episodes.Add(Episode("Baking at sea", "Water", ["Ona Vale", "Tam Reyes"], ["sailing", "baking"], null, sailing[0], bread[0], "Sourdough under a spinnaker."));
        episodes.Add(episodes[0] with { Source = new("relisted.md", 1) });
        return episodes;
    }

    [Fact]
    public void Most_similar_first_never_itself_never_the_same_title_twice_and_with_shared_topics()
    {
        var result = Enrich(Archive());
        var titles = result.Episodes.Select(e => e.Episode.Title).ToList();
        for (int i = 0; i < result.Episodes.Count; i++)
        {
            var related = result.Episodes[i].Related;
            Assert.True(related.Count <= RelatedEpisodes.DefaultCount);
            Assert.DoesNotContain(related, r => r.Episode == i);
            Assert.DoesNotContain(related, r => titles[r.Episode] == titles[i]);
            Assert.Equal(related.Count, related.Select(r => titles[r.Episode]).Distinct().Count());
            Assert.Equal(related.OrderByDescending(r => r.Score).Select(r => r.Episode), related.Select(r => r.Episode));
        }
        // Sailing episodes are most like sailing episodes, bread like bread.
        var sailing1 = result.Episodes[1].Related;
        Assert.StartsWith("Sailing", titles[sailing1[0].Episode]);
        Assert.Contains("sailing", sailing1[0].SharedTopics);
        Assert.All(result.Episodes[4].Related.Take(3), r => Assert.DoesNotContain("Sailing", titles[r.Episode]));
        // The episode about both is related to both kinds, sharing the matching topic with each.
        var both = result.Episodes[6].Related;
        Assert.Contains(both, r => titles[r.Episode].StartsWith("Sailing") && r.SharedTopics.Contains("sailing"));
        Assert.Contains(both, r => titles[r.Episode].StartsWith("Bread") && r.SharedTopics.Contains("baking"));
    }

    [Fact]
    public void Episodes_with_nothing_in_common_are_not_related_and_results_repeat_exactly()
    {
        var episodes = Archive();
        episodes.Add(Episode("Chess openings", "Board", ["Ida Park"], null, null, "The Sicilian defence answers e4 sharply."));
        var first = Enrich(episodes);
        Assert.Empty(first.Episodes[^1].Related);
        var second = Enrich(episodes);
        Assert.Equal(first.Episodes.Select(e => e.Related.Select(r => (r.Episode, r.Score))), second.Episodes.Select(e => e.Related.Select(r => (r.Episode, r.Score))));
    }
}
