using System.Globalization;
using System.Text.RegularExpressions;

namespace Archive.Core.Model;

/// <summary>
/// Reads the many ways transcripts spell a time, and writes the few ways the archive shows one.
/// </summary>
public static partial class Timecode
{
    // h:mm:ss(.fff), mm:ss(.fff), with ',' or '.' before the fraction (SRT uses ',').
    // Digits are ASCII only: \d would also take other scripts' digits, which int.Parse refuses.
    [GeneratedRegex(@"^(?:(?<h>[0-9]{1,3}):)?(?<m>[0-9]{1,3}):(?<s>[0-9]{1,2})(?:[.,](?<f>[0-9]{1,9}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex ClockPattern();

    // 1h02m03s, 0h00m44s, 44s, 2m, 1h, 1h2m3.5s, 1500ms (TTML), PT1M2.5S (ISO 8601, Azure)
    [GeneratedRegex(@"^(?:PT)?(?:(?<h>[0-9]+)h)?(?:(?<m>[0-9]+)m(?!s))?(?:(?<s>[0-9]+(?:\.[0-9]+)?)s)?(?:(?<ms>[0-9]+(?:\.[0-9]+)?)ms)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UnitPattern();

    // 00:01:02.500 --> 00:01:05.000, [12.34 --> 15.00], 1.5 - 3.0 (a span as dumps and captions give it)
    [GeneratedRegex(@"^\s*[\[(]?\s*(?<start>[0-9:.,hms]+)\s*(?:-->|->|–|—|-)\s*(?<end>[0-9:.,hms]+)\s*[\])]?\s*$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex RangePattern();

    /// <summary>Longest time the archive accepts; anything beyond is a misread, not a recording.</summary>
    public static readonly TimeSpan Max = TimeSpan.FromHours(1000);

    public static bool TryParse(string? text, out TimeSpan time)
    {
        time = default;
        if (string.IsNullOrWhiteSpace(text)) return false;
        var s = text.Trim().Trim('[', ']', '(', ')');

        var clock = ClockPattern().Match(s);
        if (clock.Success)
        {
            int h = clock.Groups["h"].Success ? int.Parse(clock.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
            int m = int.Parse(clock.Groups["m"].Value, CultureInfo.InvariantCulture);
            int sec = int.Parse(clock.Groups["s"].Value, CultureInfo.InvariantCulture);
            if (sec >= 60 || (clock.Groups["h"].Success && m >= 60)) return false;
            // The fraction is read as decimal digits, so .123 is exactly 123 ms (a double would give 122.99…).
            long ticks = clock.Groups["f"].Success ? FractionTicks(clock.Groups["f"].Value) : 0;
            return Accept(new TimeSpan(h, m, sec) + TimeSpan.FromTicks(ticks), out time);
        }

        if (s.Length > 1 && s.Any(char.IsLetter))
        {
            var unit = UnitPattern().Match(s);
            if (unit.Success && (unit.Groups["h"].Success || unit.Groups["m"].Success || unit.Groups["s"].Success || unit.Groups["ms"].Success))
            {
                double hours = unit.Groups["h"].Success ? double.Parse(unit.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
                double minutes = unit.Groups["m"].Success ? double.Parse(unit.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
                double seconds = unit.Groups["s"].Success ? double.Parse(unit.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
                double millis = unit.Groups["ms"].Success ? double.Parse(unit.Groups["ms"].Value, CultureInfo.InvariantCulture) : 0;
                return FromSeconds(hours * 3600 + minutes * 60 + seconds + millis / 1000, out time);
            }
            return false;
        }

        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var plainSeconds))
            return FromSeconds(plainSeconds, out time);
        return false;
    }

    /// <summary>
    /// A span such as <c>00:01:02.500 --&gt; 00:01:05.000</c> or <c>[12.34 --&gt; 15.00]</c>: both ends
    /// must be times.
    /// </summary>
    public static bool TryParseRange(string? text, out TimeSpan start, out TimeSpan end)
    {
        start = end = default;
        if (string.IsNullOrWhiteSpace(text) || text.Length > 80) return false;
        var m = RangePattern().Match(text);
        return m.Success && TryParse(m.Groups["start"].Value, out start) && TryParse(m.Groups["end"].Value, out end);
    }

    /// <summary>Seconds as a number, as speech-to-text JSON gives them.</summary>
    public static bool FromSeconds(double seconds, out TimeSpan time)
    {
        time = default;
        if (double.IsNaN(seconds) || double.IsInfinity(seconds) || seconds < 0 || seconds > Max.TotalSeconds) return false;
        // Milliseconds are the finest unit any format carries; rounding keeps 12.3 from becoming 12.2999.
        time = TimeSpan.FromMilliseconds(Math.Round(seconds * 1000));
        return true;
    }

    private static long FractionTicks(string digits)
    {
        // Ticks are 1e-7 s: the first seven digits are exact; the eighth rounds.
        var padded = (digits + "0000000")[..7];
        long ticks = long.Parse(padded, CultureInfo.InvariantCulture);
        if (digits.Length > 7 && digits[7] >= '5') ticks++;
        return ticks;
    }

    private static bool Accept(TimeSpan candidate, out TimeSpan time)
    {
        time = candidate;
        return candidate >= TimeSpan.Zero && candidate <= Max;
    }

    /// <summary>For readers: <c>12:34</c>, or <c>1:02:03</c> from an hour on.</summary>
    public static string Format(TimeSpan time)
    {
        var t = Truncate(time);
        return t.TotalHours >= 1
            ? string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours}:{t.Minutes:00}:{t.Seconds:00}")
            : string.Create(CultureInfo.InvariantCulture, $"{t.Minutes:00}:{t.Seconds:00}");
    }

    /// <summary>Always <c>hh:mm:ss</c>; the canonical format and the anchors use it.</summary>
    public static string FormatLong(TimeSpan time)
    {
        var t = Truncate(time);
        return string.Create(CultureInfo.InvariantCulture, $"{(int)t.TotalHours:00}:{t.Minutes:00}:{t.Seconds:00}");
    }

    /// <summary><c>hh:mm:ss.fff</c> with milliseconds, when whole seconds would lose information.</summary>
    public static string FormatPrecise(TimeSpan time) =>
        time.Milliseconds == 0
            ? FormatLong(time)
            : string.Create(CultureInfo.InvariantCulture, $"{FormatLong(time)}.{time.Milliseconds:000}");

    /// <summary>The id of a timestamp anchor: <c>t-00-12-34</c>.</summary>
    public static string Anchor(TimeSpan time) => "t-" + FormatLong(time).Replace(':', '-');

    /// <summary>ISO 8601 duration (<c>PT1H2M3S</c>) for structured data.</summary>
    public static string Iso8601(TimeSpan time)
    {
        var t = Truncate(time);
        var text = "PT";
        if ((int)t.TotalHours > 0) text += (int)t.TotalHours + "H";
        if (t.Minutes > 0) text += t.Minutes + "M";
        if (t.Seconds > 0 || text == "PT") text += t.Seconds + "S";
        return text;
    }

    private static TimeSpan Truncate(TimeSpan time) =>
        TimeSpan.FromSeconds(Math.Floor(Math.Max(0, time.TotalSeconds)));
}
