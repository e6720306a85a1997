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
        "d MMMM, yyyy", "d MMM, yyyy",
        // Day first only where month first is impossible (23/05/2025).
        "dd/MM/yyyy", "d/M/yyyy",
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
        // Without a year the parser fills in today's date ("10:30" would be today): never deterministic.
        if (FourDigits().IsMatch(s) && DateTimeOffset.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AllowWhiteSpaces, out var dto))
        {
            date = DateOnly.FromDateTime(dto.DateTime);
            return Plausible(date);
        }
        return false;
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}(?=[T ])")]
    private static partial Regex IsoDatePrefix();

    private const string Months = "jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?";

    // 2025-05-23, 05/23/2025, May 23, 2025, May 23rd 2025, 23 May 2025.
    private const string DateExpression =
        @"(?<date>\d{4}-\d{1,2}-\d{1,2}|\d{1,2}/\d{1,2}/\d{4}|(?:" + Months + @")\.?\s+\d{1,2}(?:st|nd|rd|th)?,?\s+\d{4}|\d{1,2}(?:st|nd|rd|th)?\s+(?:" + Months + @")\.?,?\s+\d{4})";

    [GeneratedRegex(@"\b" + DateExpression + @"\b", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex AnyDate();

    // "Recorded on 05/23/2025", "Published: May 23, 2025", "aired June 3rd, 2024".
    [GeneratedRegex(@"\b(?:recorded|published|aired|released|posted|broadcast|taped)(?:\s+(?:on|in|at))?\s*:?\s*(?:\w+,\s+)?" + DateExpression + @"\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex RecordedDate();

    [GeneratedRegex(@"(?<=\d)(?:st|nd|rd|th)\b", RegexOptions.IgnoreCase)]
    private static partial Regex Ordinal();

    /// <summary>The first date written anywhere in the text, or null.</summary>
    public static DateOnly? FindDate(string? text) => First(AnyDate(), text);

    /// <summary>
    /// A date introduced as the episode's own (<c>Recorded on 05/23/2025</c>, <c>Published: May 23, 2025</c>)
    /// in show notes or the transcript; dates merely mentioned are not taken.
    /// </summary>
    public static DateOnly? FindRecordingDate(string? text) => First(RecordedDate(), text);

    private static DateOnly? First(Regex pattern, string? text)
    {
        if (string.IsNullOrEmpty(text)) return null;
        foreach (Match m in pattern.Matches(text))
        {
            var value = Ordinal().Replace(m.Groups["date"].Value, "").Replace(".", "");
            if (TryParse(value, out var date)) return date;
        }
        return null;
    }
    [GeneratedRegex(@"(?<!\d)\d{4}(?!\d)")]
    private static partial Regex FourDigits();

    private static bool Plausible(DateOnly date) => date.Year is >= 1900 and <= 2200;
}
