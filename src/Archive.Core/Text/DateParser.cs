using System.Globalization;
using System.Text.RegularExpressions;

namespace Archive.Core.Text;

/// <summary>Reads the date spellings found in transcript metadata and show notes.</summary>
public static partial class DateParser
{
    private static readonly string[] Formats =
    [
        "yyyy-MM-dd", "yyyy-M-d", "yyyy/MM/dd", "yyyy/M/d", "yyyy.MM.dd", "yyyyMMdd",
        "MM/dd/yyyy", "M/d/yyyy", "MMMM d, yyyy", "MMM d, yyyy", "MMMM d yyyy", "MMM d yyyy",
        "d MMMM yyyy", "d MMM yyyy", "dddd, MMMM d, yyyy", "ddd, d MMM yyyy", "MMM. d, yyyy",
    ];

    public static bool TryParse(string? text, out DateOnly date)
    {
        date = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim();
        if (DateOnly.TryParseExact(s, Formats, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out date))
            return Plausible(date);
        // Timestamps (2025-12-30T10:11:53+09:00, RFC 1123): the calendar date as written.
        var iso = IsoDatePrefix().Match(s);
        if (iso.Success && DateOnly.TryParseExact(iso.Value, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out date))
            return Plausible(date);
        if (DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dto))
        {
            date = DateOnly.FromDateTime(dto.DateTime);
            return Plausible(date);
        }
        return false;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?=[T ])")]
    private static partial Regex IsoDatePrefix();

    private static bool Plausible(DateOnly date) => date.Year is >= 1900 and <= 2200;
}
