using System.Net;
using System.Text;
using Archive.Core.Text;

namespace Archive.Core.Reading;

/// <summary>One line of a caption cue's text, with the voice (<c>&lt;v Name&gt;</c>) it is spoken in.</summary>
public readonly record struct CueLine(string? Voice, string Text);

/// <summary>
/// The markup inside WebVTT and SRT cues: <c>&lt;v Speaker&gt;</c> voice spans (also
/// <c>&lt;v.loud Speaker&gt;</c>), styling tags (<c>&lt;c&gt;</c>, <c>&lt;i&gt;</c>, <c>&lt;b&gt;</c>,
/// <c>&lt;u&gt;</c>, <c>&lt;font&gt;</c>, <c>&lt;lang&gt;</c>, <c>&lt;ruby&gt;</c>), inline timestamps
/// (<c>&lt;00:00:01.234&gt;</c>, as YouTube writes them), ASS override codes (<c>{\an8}</c>) and HTML
/// entities. What is left is the spoken text, line by line.
/// </summary>
public static class CueMarkup
{
    /// <summary>The cue's text lines without markup, blank lines dropped. A voice runs to <c>&lt;/v&gt;</c> or the cue's end.</summary>
    public static List<CueLine> Parse(IReadOnlyList<string> payload)
    {
        var lines = new List<CueLine>(payload.Count);
        string? voice = null;
        var text = new StringBuilder();
        string? lineVoice = null;

        void EndLine()
        {
            var cleaned = Clean(text.ToString());
            if (cleaned.Length > 0) lines.Add(new CueLine(lineVoice, cleaned));
            text.Clear();
            lineVoice = voice;
        }

        foreach (var raw in payload)
        {
            lineVoice = voice;
            bool inAnnotation = false; // <rt> ruby text annotates, it is not said
            for (int i = 0; i < raw.Length; i++)
            {
                char c = raw[i];
                if (c == '{' && i + 1 < raw.Length && raw[i + 1] == '\\')
                {
                    int close = raw.IndexOf('}', i);
                    if (close > 0) { i = close; continue; }
                }
                if (c != '<')
                {
                    if (!inAnnotation) text.Append(c);
                    continue;
                }
                int end = raw.IndexOf('>', i + 1);
                if (end < 0 || !LooksLikeTag(raw, i + 1, end))
                {
                    if (!inAnnotation) text.Append(c);
                    continue;
                }
                var tag = raw.AsSpan(i + 1, end - i - 1).Trim();
                i = end;
                if (IsVoiceTag(tag, out var name))
                {
                    // A new voice in the middle of a line starts a new line for it.
                    if (text.ToString().Trim().Length > 0) EndLine();
                    voice = name;
                    lineVoice = voice;
                }
                else if (tag.Equals("/v", StringComparison.OrdinalIgnoreCase))
                {
                    if (text.ToString().Trim().Length > 0) EndLine();
                    voice = null;
                    lineVoice = null;
                }
                else if (TagName(tag).Equals("rt", StringComparison.OrdinalIgnoreCase)) inAnnotation = true;
                else if (TagName(tag).Equals("/rt", StringComparison.OrdinalIgnoreCase)) inAnnotation = false;
                else if (TagName(tag).Equals("br", StringComparison.OrdinalIgnoreCase) || tag.SequenceEqual("br/")) text.Append(' ');
            }
            EndLine();
        }
        return lines;
    }

    /// <summary>Entities decoded, invisible direction marks removed, spaces collapsed.</summary>
    public static string Clean(string text)
    {
        var decoded = text.Contains('&') ? WebUtility.HtmlDecode(text) : text;
        if (decoded.AsSpan().IndexOfAny('\u200E', '\u200F', '\u200B') >= 0 || decoded.Contains('\uFEFF'))
            decoded = decoded.Replace("\u200E", "").Replace("\u200F", "").Replace("\u200B", "").Replace("\uFEFF", "");
        return Spacing.Collapse(decoded);
    }

    /// <summary>
    /// Something between <c>&lt;</c> and <c>&gt;</c> is markup only when it starts like a tag: a letter,
    /// <c>/</c> or a digit (timestamps). <c>3 &lt; 5 &gt; 4</c> stays text.
    /// </summary>
    private static bool LooksLikeTag(string line, int from, int end)
    {
        if (from >= end) return false;
        char first = line[from];
        if (first == '/') return end > from + 1 && char.IsAsciiLetter(line[from + 1]);
        if (char.IsAsciiDigit(first)) return IsTimestamp(line.AsSpan(from, end - from));
        if (!char.IsAsciiLetter(first)) return false;
        // Tag names are short ASCII words: "v", "c.yellow", "font color=…", "lang en".
        int i = from;
        while (i < end && (char.IsAsciiLetterOrDigit(line[i]) || line[i] is '.' or '-' or '_')) i++;
        return i == end || char.IsWhiteSpace(line[i]) || line[i] == '/';
    }

    private static bool IsTimestamp(ReadOnlySpan<char> s)
    {
        foreach (var c in s)
            if (!char.IsAsciiDigit(c) && c is not (':' or '.' or ',')) return false;
        return s.Contains(':');
    }

    private static ReadOnlySpan<char> TagName(ReadOnlySpan<char> tag)
    {
        int i = 0;
        while (i < tag.Length && !char.IsWhiteSpace(tag[i]) && tag[i] != '.') i++;
        return tag[..i];
    }

    /// <summary><c>v Name</c>, <c>v.loud.x Name</c>: the name is everything after the first space.</summary>
    private static bool IsVoiceTag(ReadOnlySpan<char> tag, out string? name)
    {
        name = null;
        if (tag.Length < 1 || tag[0] is not ('v' or 'V')) return false;
        if (tag.Length > 1 && tag[1] is not ('.' or ' ' or '\t')) return false;
        int space = tag.IndexOfAny(' ', '\t');
        var annotation = space < 0 ? "" : Clean(tag[(space + 1)..].ToString());
        name = annotation.Length == 0 ? null : annotation;
        return true;
    }
}
