using System.Text;

namespace Archive.Core.Text;

/// <summary>Whitespace as a page shows it: runs of spaces, tabs, line breaks and no-break spaces become one space.</summary>
public static class Spacing
{
    public static string Collapse(string text)
    {
        var sb = new StringBuilder(text.Length);
        bool space = false;
        foreach (var c in text)
        {
            if (char.IsWhiteSpace(c) || c == '\u00A0') { space = sb.Length > 0; continue; }
            if (space) sb.Append(' ');
            space = false;
            sb.Append(c);
        }
        return sb.ToString();
    }
}
