using System.Text;

namespace Archive.Core.Text;

/// <summary>Plain text in and out of Markdown source, for transcript text that is not rendered as Markdown.</summary>
public static class MarkdownText
{
    /// <summary><c>\*</c> → <c>*</c>: a backslash before ASCII punctuation stands for that character.</summary>
    public static string Unescape(string text)
    {
        if (!text.Contains('\\')) return text;
        var sb = new StringBuilder(text.Length);
        for (int i = 0; i < text.Length; i++)
        {
            if (text[i] == '\\' && i + 1 < text.Length && char.IsAsciiLetterOrDigit(text[i + 1]) is false && IsAsciiPunctuation(text[i + 1]))
            {
                sb.Append(text[i + 1]);
                i++;
            }
            else sb.Append(text[i]);
        }
        return sb.ToString();
    }

    /// <summary>
    /// Escapes what would change meaning in a transcript paragraph: backslashes before punctuation,
    /// and a line start that reads as a heading, list, quote, rule or turn label.
    /// </summary>
    public static string EscapeParagraph(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\\' && i + 1 < text.Length && IsAsciiPunctuation(text[i + 1])) sb.Append('\\');
            sb.Append(c);
        }
        var escaped = sb.ToString();
        if (escaped.Length > 0 && escaped[0] is '#' or '*' or '-' or '+' or '>' or '=' or '_' or '[' or '|' or '`' or '~' or '<')
            escaped = "\\" + escaped;
        else if (escaped.Length > 1 && char.IsAsciiDigit(escaped[0]))
        {
            int d = 0;
            while (d < escaped.Length && char.IsAsciiDigit(escaped[d])) d++;
            if (d < escaped.Length && escaped[d] is '.' or ')') escaped = escaped[..d] + "\\" + escaped[d..];
        }
        return escaped;
    }

    public static bool IsAsciiPunctuation(char c) =>
        c is >= '!' and <= '/' or >= ':' and <= '@' or >= '[' and <= '`' or >= '{' and <= '~';
}
