using Archive.Core.Loading;
using Archive.Core.Text;

namespace Archive.Core.Enriching;

/// <summary>
/// A show's hosts are the named speakers heard in at least half of its episodes (and in two or
/// more); everyone else who speaks in it is a guest.
/// </summary>
public static class ShowHosts
{
    /// <summary>The hosts' names, as first spelled, most episodes first.</summary>
    public static IReadOnlyList<string> Of(IReadOnlyList<ArchiveEpisode> episodes, TaxonomyTerm show)
    {
        if (show.Episodes.Count < 2) return [];
        var counts = new Dictionary<string, (string Name, int Count, int First)>(StringComparer.Ordinal);
        foreach (var i in show.Episodes)
        {
            foreach (var speaker in episodes[i].Episode.Speakers.Where(s => !SpeakerLabel.IsGeneric(s)).DistinctBy(Taxonomy.SlugOf))
            {
                var slug = Taxonomy.SlugOf(speaker);
                counts[slug] = counts.TryGetValue(slug, out var c) ? c with { Count = c.Count + 1 } : (speaker, 1, counts.Count);
            }
        }
        return counts.Values
            .Where(c => c.Count >= 2 && c.Count * 2 >= show.Episodes.Count)
            .OrderByDescending(c => c.Count).ThenBy(c => c.First)
            .Select(c => c.Name).ToList();
    }
}
