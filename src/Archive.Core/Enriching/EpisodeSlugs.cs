using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Text;

namespace Archive.Core.Enriching;

/// <summary>
/// Gives every episode a unique, readable slug from its requested slug or its title. Episodes
/// claim slugs in input order, so the same archive always gives the same URLs, and the first
/// episode with a title keeps the plain slug.
/// </summary>
public static class EpisodeSlugs
{
    public static IReadOnlyList<string> Assign(IReadOnlyList<Episode> episodes, DiagnosticBag diagnostics)
    {
        var registry = new Slug.Registry();
        var owners = new Dictionary<string, Episode>(StringComparer.Ordinal);
        var slugs = new string[episodes.Count];
        for (int i = 0; i < episodes.Count; i++)
        {
            var e = episodes[i];
            var wanted = Slug.From(e.RequestedSlug ?? e.Title, "episode");
            var slug = registry.Claim(wanted);
            if (slug != wanted && owners.TryGetValue(wanted, out var owner))
                diagnostics.Warn(e.Source.Path, e.Source.Line,
                    $"the slug '{wanted}' is already taken by \"{owner.Title}\" ({owner.Source}); this episode is at episodes/{slug}/ (set 'slug:' to choose another)");
            owners[slug] = e;
            slugs[i] = slug;
        }
        return slugs;
    }
}
