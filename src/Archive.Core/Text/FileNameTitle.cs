using System.Text.RegularExpressions;
using Archive.Core.Normalizing;

namespace Archive.Core.Text;

/// <summary>
/// A title made from a file name when the text has none: <c>my_talk-2024.txt</c> → "My talk 2024",
/// <c>DesignReview</c> → "Design review". Names that say nothing (hashes, ids, bare numbers such as
/// <c>003_c5c8ed661156632b</c>) give no title.
/// </summary>
public static partial class FileNameTitle
{
    // A hash or id: long runs of hex, or letters and digits mixed in one long token.
    [GeneratedRegex(@"^(?:[0-9a-f]{8,}|(?=.*\d)(?=.*[a-z])[a-z0-9]{12,}|[0-9a-f]{8}-[0-9a-f-]{20,})$", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Id();

    // camelCase and PascalCase word starts: "DesignReview" → "Design Review".
    [GeneratedRegex(@"(?<=\p{Ll})(?=\p{Lu})")]
    private static partial Regex CamelBoundary();

    public static string? From(string? stem)
    {
        if (string.IsNullOrWhiteSpace(stem)) return null;
        var tokens = stem.Split(['_', '-', '.', '+', ' ', '~', '(', ')', '[', ']'], StringSplitOptions.RemoveEmptyEntries);
        // A name without separators may be written in camel case; with them, "LanceDB" is one word.
        var words = tokens.Where(w => !Id().IsMatch(w))
            .SelectMany(w => tokens.Length == 1 ? CamelBoundary().Split(w) : [w])
            .ToList();
        if (!words.Any(w => w.Count(char.IsLetter) >= 2)) return null;
        // Words written in lower or upper case throughout read as sentence case; mixed names (iOS, LanceDB) stay.
        var title = string.Join(' ', words.Select((w, i) => i == 0 ? Capitalize(w) : Lower(w)));
        return TitleText.CutAtWord(title, TitleText.MaxLength);
    }

    private static string Capitalize(string w) => w.All(c => !char.IsLetter(c) || char.IsUpper(c)) && w.Length > 3
        ? char.ToUpperInvariant(w[0]) + w[1..].ToLowerInvariant()
        : char.ToUpperInvariant(w[0]) + w[1..];

    private static string Lower(string w) =>
        w.Skip(1).Any(char.IsUpper) && w.Any(char.IsLower) ? w          // LanceDB, iPhone
        : w.All(c => !char.IsLetter(c) || char.IsUpper(c)) && w.Length <= 3 ? w // AI, CLI
        : w.ToLowerInvariant();
}
