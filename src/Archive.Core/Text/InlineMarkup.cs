using System.Net;
using System.Text.RegularExpressions;

namespace Archive.Core.Text;

/// <summary>
/// Transcript text as exporters write it, back to the characters it stands for: HTML entities
/// (<c>&amp;amp;</c>, <c>&amp;#39;</c>, <c>&amp;nbsp;</c>), Markdown escapes (<c>\*</c>), emphasis
/// (<c>**word**</c>, <c>_word_</c>), inline code and links (<c>[text](url)</c> keeps the text).
/// </summary>
public static partial class InlineMarkup
{
    [GeneratedRegex(@"&(?:#\d{1,7}|#x[0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{1,31});")]
    private static partial Regex Entity();

    // ![alt](url) and [text](url): the words stay, the address goes.
    [GeneratedRegex(@"!?\[(?<text>[^\]\n]*)\]\((?<url>[^)\s]+)(?:\s+""[^""]*"")?\)")]
    private static partial Regex Link();

    // Paired emphasis that opens before a non-space and closes after one, not inside a word
    // (so f***ing and snake_case_names stay as they are).
    [GeneratedRegex(@"(?<![\w*\\])(?<mark>\*{1,3}|_{1,3})(?=\S)(?<text>.+?)(?<=\S)(?<!\\)\k<mark>(?![\w*])")]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"(?<!\\)`(?<text>[^`\n]+)`")]
    private static partial Regex Code();

    public static string ToPlain(string text)
    {
        if (text.Length == 0) return text;
        var t = text;
        if (t.Contains('&') && Entity().IsMatch(t))
            t = WebUtility.HtmlDecode(t).Replace('\u00A0', ' ');
        if (t.Contains("](", StringComparison.Ordinal)) t = Link().Replace(t, m => m.Groups["text"].Value);
        if (t.Contains('`')) t = Code().Replace(t, m => m.Groups["text"].Value);
        if (t.Contains('*') || t.Contains('_')) t = Emphasis().Replace(t, m => m.Groups["text"].Value);
        return MarkdownText.Unescape(t);
    }
}
