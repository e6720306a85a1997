using System.Text;

namespace Archive.Core.Text;

/// <summary>
/// Joins words that speech-to-text gives one at a time (<c>Hello</c>, <c>,</c>, <c>world</c>) into
/// text: a space between words, none before punctuation or after an opening bracket, and none
/// added where a token already carries its own space.
/// </summary>
public static class TokenJoiner
{
    public static string Join(IEnumerable<string> tokens)
    {
        var sb = new StringBuilder();
        foreach (var token in tokens)
        {
            if (token.Length == 0) continue;
            if (sb.Length > 0 && !char.IsWhiteSpace(sb[^1]) && !char.IsWhiteSpace(token[0])
                && !AttachesToPrevious(token) && sb[^1] is not ('(' or '[' or '{' or '“' or '¿' or '¡'))
                sb.Append(' ');
            sb.Append(token);
        }
        return Spacing.Collapse(sb.ToString());
    }

    /// <summary>Punctuation (<c>,</c> <c>.</c> <c>?</c>) and contractions split off by a tokenizer (<c>'s</c>, <c>n't</c>).</summary>
    public static bool AttachesToPrevious(string token)
    {
        var t = token.TrimStart();
        if (t.Length == 0) return false;
        if (t[0] is ',' or '.' or ';' or ':' or '!' or '?' or ')' or ']' or '}' or '%' or '…' or '”') return true;
        if (t[0] is '\'' or '’' && t.Length > 1 && char.IsLetter(t[1])) return true;
        return t.StartsWith("n't", StringComparison.OrdinalIgnoreCase) || t.StartsWith("n’t", StringComparison.OrdinalIgnoreCase);
    }

    /// <summary>True when the token holds no letter or digit.</summary>
    public static bool IsPunctuation(string token) => token.Trim().Length > 0 && !token.Any(char.IsLetterOrDigit);
}
