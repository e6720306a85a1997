using Archive.Core.Model;

namespace Archive.Core.Enriching;

/// <summary>
/// The <c>speakers:</c> aliases of <c>archive.yml</c> (<c>swyx: [Swyx, Sean Wang]</c>): every other
/// spelling of a person becomes the name given first, in the speaker list and on every paragraph,
/// so one person has one page across the archive. Matching ignores case and spacing.
/// </summary>
public sealed class SpeakerAliases
{
    private readonly Dictionary<string, string> _canonical;

    private SpeakerAliases(Dictionary<string, string> canonical) => _canonical = canonical;

    public static SpeakerAliases From(IReadOnlyDictionary<string, IReadOnlyList<string>> aliases)
    {
        var canonical = new Dictionary<string, string>(StringComparer.Ordinal);
        // In file order (the reader keeps it); a spelling claimed twice stays with its first person.
        foreach (var (name, others) in aliases)
            foreach (var spelling in others.Prepend(name))
                canonical.TryAdd(Key(spelling), name);
        return new SpeakerAliases(canonical);
    }

    public bool IsEmpty => _canonical.Count == 0;

    /// <summary>The name a spelling stands for (the spelling itself when no alias names it).</summary>
    public string Of(string name) => _canonical.GetValueOrDefault(Key(name), name);

    public IReadOnlyList<Episode> Apply(IReadOnlyList<Episode> episodes) => IsEmpty ? episodes : episodes.Select(Apply).ToList();

    public Episode Apply(Episode e)
    {
        if (!e.Speakers.Any(s => Of(s) != s)) return e;
        return e with
        {
            Speakers = e.Speakers.Select(Of).Distinct(StringComparer.Ordinal).ToList(),
            Paragraphs = e.Paragraphs.Select(p => p.Speaker is { } s && Of(s) != s ? p with { Speaker = Of(s) } : p).ToList(),
        };
    }

    private static string Key(string name) => Normalizing.SpeakerNames.Key(name);
}
