using System.Globalization;
using System.Text.RegularExpressions;

namespace Archive.Core.Model;

/// <summary>
/// Reads the many ways transcripts spell a time, and writes the few ways the archive shows one.
/// </summary>
public static partial class Timecode
{
    // h:mm:ss(.fff), mm:ss(.fff), with ',' or '.' before the fraction (SRT uses ',').
    [GeneratedRegex(@"^(?:(?<h>\d{1,3}):)?(?<m>\d{1,3}):(?<s>\d{1,2})(?:[.,](?<f>\d{1,9}))?$", RegexOptions.CultureInvariant)]
    private static partial Regex ClockPattern();

    // 1h02m03s, 0h00m44s, 44s, 2m, 1h, 1h2m3.5s
    [GeneratedRegex(@"^(?:(?<h>\d+)h)?(?:(?<m>\d+)m)?(?:(?<s>\d+(?:\.\d+)?)s)?$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex UnitPattern();

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
            double fraction = clock.Groups["f"].Success
                ? double.Parse("0." + clock.Groups["f"].Value, CultureInfo.InvariantCulture)
                : 0;
            return Accept(new TimeSpan(h, m, sec) + TimeSpan.FromSeconds(fraction), out time);
        }

        if (s.Length > 1 && s.Any(char.IsLetter))
        {
            var unit = UnitPattern().Match(s);
            if (unit.Success && unit.Length > 0)
            {
                double hours = unit.Groups["h"].Success ? double.Parse(unit.Groups["h"].Value, CultureInfo.InvariantCulture) : 0;
                double minutes = unit.Groups["m"].Success ? double.Parse(unit.Groups["m"].Value, CultureInfo.InvariantCulture) : 0;
                double seconds = unit.Groups["s"].Success ? double.Parse(unit.Groups["s"].Value, CultureInfo.InvariantCulture) : 0;
                return Accept(TimeSpan.FromSeconds(hours * 3600 + minutes * 60 + seconds), out time);
            }
            return false;
        }

        if (double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out var plainSeconds))
            return FromSeconds(plainSeconds, out time);
        return false;
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
