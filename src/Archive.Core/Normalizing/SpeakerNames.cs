using Archive.Core.Model;
using Archive.Core.Text;

namespace Archive.Core.Normalizing;

/// <summary>
/// Makes the speaker names of one episode consistent: spellings that differ only in case or
/// spacing are one name (the metadata's spelling, else the most used), and a label given in full
/// once and by first or last name elsewhere is one person ("Ben Lorica", later "Ben" → "Ben Lorica")
/// when exactly one full name fits. Generic labels (<c>Speaker 1</c>) are never merged.
/// </summary>
public sealed class SpeakerNames
{
    private readonly Dictionary<string, string> _canonical;

    private SpeakerNames(Dictionary<string, string> canonical) => _canonical = canonical;

    public static SpeakerNames For(IReadOnlyList<string> listed, IReadOnlyList<Paragraph> paragraphs)
    {
        // Spellings by key, counting use; the metadata's spelling wins.
        var spellings = new Dictionary<string, Dictionary<string, int>>(StringComparer.Ordinal);
        var order = new List<string>();
        void Count(string name, int weight)
        {
            var key = Key(name);
            if (!spellings.TryGetValue(key, out var forms)) { spellings[key] = forms = new Dictionary<string, int>(StringComparer.Ordinal); order.Add(key); }
            forms[name] = forms.GetValueOrDefault(name) + weight;
        }
        foreach (var name in listed) Count(name, 1_000_000);
        foreach (var p in paragraphs) if (p.Speaker is { } s) Count(s, 1);

        var preferred = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var key in order)
            preferred[key] = spellings[key].OrderByDescending(f => f.Value).First().Key; // stable: first met wins ties

        var canonical = new Dictionary<string, string>(StringComparer.Ordinal);
        var fullNames = order.Where(k => k.Contains(' ') && !SpeakerLabel.IsGeneric(preferred[k])).ToList();
        foreach (var key in order)
        {
            var target = preferred[key];
            if (!key.Contains(' ') && !SpeakerLabel.IsGeneric(target))
            {
                var fits = fullNames.Where(f => f.StartsWith(key + " ", StringComparison.Ordinal) || f.EndsWith(" " + key, StringComparison.Ordinal)).ToList();
                if (fits.Count == 1) target = preferred[fits[0]];
            }
            foreach (var spelling in spellings[key].Keys) canonical[spelling] = target;
        }
        return new SpeakerNames(canonical);
    }

    /// <summary>The name to show for a label as the input wrote it.</summary>
    public string Of(string name) => _canonical.GetValueOrDefault(name, name);

    public List<Paragraph> Apply(IEnumerable<Paragraph> paragraphs) =>
        paragraphs.Select(p => p.Speaker is { } s && Of(s) != s ? p with { Speaker = Of(s) } : p).ToList();

    /// <summary>A name compared without case and with single spaces.</summary>
    internal static string Key(string name) =>
        string.Join(' ', name.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).ToLowerInvariant();
}
