using System.Globalization;
using System.Text;

namespace Archive.Core.Text;

/// <summary>
/// URL segments made from titles and names. A slug is lowercase ASCII letters, digits and single
/// hyphens, so it can never contain a path separator or a dot segment and cannot escape
/// the output folder.
/// </summary>
public static class Slug
{
    public const int MaxLength = 80;

    public static string From(string? text, string fallback = "untitled")
    {
        if (string.IsNullOrWhiteSpace(text)) return fallback;
        var decomposed = text.Normalize(NormalizationForm.FormKD);
        var sb = new StringBuilder(Math.Min(decomposed.Length, MaxLength * 2));
        bool pendingHyphen = false;
        foreach (var c in decomposed)
        {
            var category = CharUnicodeInfo.GetUnicodeCategory(c);
            if (category == UnicodeCategory.NonSpacingMark) continue; // é → e
            if (c is '\'' or '’' or '‘') continue;                       // don't → dont, not don-t
            var folded = Fold(c);
            if (folded is not null)
            {
                if (pendingHyphen && sb.Length > 0) sb.Append('-');
                pendingHyphen = false;
                sb.Append(folded);
            }
            else
            {
                pendingHyphen = true;
            }
            if (sb.Length >= MaxLength * 2) break;
        }
        var slug = CutAtWord(sb.ToString());
        return slug.Length == 0 ? fallback : slug;
    }

    private static string? Fold(char c)
    {
        if (c is >= 'a' and <= 'z' or >= '0' and <= '9') return c.ToString();
        if (c is >= 'A' and <= 'Z') return char.ToLowerInvariant(c).ToString();
        return c switch
        {
            'ß' => "ss", 'æ' or 'Æ' => "ae", 'ø' or 'Ø' => "o", 'œ' or 'Œ' => "oe",
            'ł' or 'Ł' => "l", 'đ' or 'Đ' => "d", 'þ' or 'Þ' => "th", 'ı' => "i",
            '&' => "and", '+' => "plus",
            _ => null,
        };
    }

    private static string CutAtWord(string slug)
    {
        if (slug.Length <= MaxLength) return slug;
        var cut = slug.LastIndexOf('-', MaxLength);
        return (cut > MaxLength / 2 ? slug[..cut] : slug[..MaxLength]).TrimEnd('-');
    }

    /// <summary>
    /// Hands out unique slugs: the first claimant of a slug keeps it, later ones get <c>-2</c>,
    /// <c>-3</c>… Callers must claim in a deterministic order.
    /// </summary>
    public sealed class Registry
    {
        private readonly HashSet<string> _taken = new(StringComparer.Ordinal);

        public bool IsTaken(string slug) => _taken.Contains(slug);

        /// <summary>Returns the slug given, or a numbered variant when it is taken.</summary>
        public string Claim(string slug)
        {
            if (_taken.Add(slug)) return slug;
            for (int n = 2; ; n++)
            {
                var candidate = $"{slug}-{n}";
                if (_taken.Add(candidate)) return candidate;
            }
        }
    }
}
