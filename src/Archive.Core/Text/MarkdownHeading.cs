using System.Text.RegularExpressions;

namespace Archive.Core.Text;

/// <summary>An ATX heading line (<c>## Title</c>, closing <c>#</c>s allowed): its level and its text.</summary>
public static partial class MarkdownHeading
{
    [GeneratedRegex(@"^(?<level>#{1,6})\s+(?<title>.+?)\s*#*\s*$")]
    private static partial Regex Pattern();

    public static bool TryParse(string line, out int level, out string title)
    {
        var m = Pattern().Match(line.Trim());
        level = m.Success ? m.Groups["level"].Length : 0;
        title = m.Success ? m.Groups["title"].Value : "";
        return m.Success;
    }
}
