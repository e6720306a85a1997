namespace Archive.Core.Text;

/// <summary>
/// Values that exporters write when they know nothing: they count as missing.
/// </summary>
public static class Placeholder
{
    private static readonly HashSet<string> Words = new(StringComparer.OrdinalIgnoreCase)
    {
        "", "unknown", "n/a", "na", "none", "null", "nil", "-", "--", "—", "tbd", "untitled", "?", "undefined",
    };

    public static bool IsPlaceholder(string? value) => value is null || Words.Contains(value.Trim());

    /// <summary>A speaker name that says nothing: a placeholder or a single letter (<c>I</c>, <c>A</c>).</summary>
    public static bool IsPlaceholderName(string? value) =>
        IsPlaceholder(value) || value!.Trim().Length == 1;

    /// <summary>The value trimmed, or null when it is a placeholder.</summary>
    public static string? Clean(string? value) => IsPlaceholder(value) ? null : value!.Trim();
}
