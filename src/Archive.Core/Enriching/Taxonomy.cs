using Archive.Core.Loading;
using Archive.Core.Text;

namespace Archive.Core.Enriching;

/// <summary>
/// Groups episodes by a name they carry (topic, speaker, show). Names that slug alike are one
/// term, shown with the spelling met first. Terms are sorted by name.
/// </summary>
public static class Taxonomy
{
    public static IReadOnlyList<TaxonomyTerm> Build(IReadOnlyList<ArchiveEpisode> episodes, Func<ArchiveEpisode, IEnumerable<string>> names)
    {
        var terms = new Dictionary<string, (string Name, List<int> Episodes)>(StringComparer.Ordinal);
        for (int i = 0; i < episodes.Count; i++)
        {
            foreach (var name in names(episodes[i]))
            {
                var slug = SlugOf(name);
                if (slug.Length == 0) continue;
                if (!terms.TryGetValue(slug, out var term))
                    terms[slug] = term = (name.Trim(), []);
                if (term.Episodes.Count == 0 || term.Episodes[^1] != i) term.Episodes.Add(i);
            }
        }
        return terms
            .Select(t => new TaxonomyTerm(t.Value.Name, t.Key, t.Value.Episodes))
            .OrderBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .ThenBy(t => t.Slug, StringComparer.Ordinal)
            .ToList();
    }

    /// <summary>The slug a name has in a taxonomy built by <see cref="Build"/>.</summary>
    public static string SlugOf(string name)
    {
        // Pages ask for the slug of every paragraph's speaker: remember the few names there are.
        // Reading takes no lock; only a new name counts the table (Count locks all of it).
        if (KnownSlugs.TryGetValue(name, out var slug)) return slug;
        slug = Slug.From(name, "");
        if (KnownSlugs.Count < 100_000) KnownSlugs.TryAdd(name, slug);
        return slug;
    }

    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, string> KnownSlugs = new(StringComparer.Ordinal);
}
