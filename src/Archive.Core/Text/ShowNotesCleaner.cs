using System.Text;
using System.Text.RegularExpressions;

namespace Archive.Core.Text;

/// <summary>
/// What show notes hold once cleaned: the description as safe Markdown (links kept as links), the
/// same as plain sentences, the chapter list and a date if the notes state one.
/// </summary>
public sealed record ShowNotes(string? Summary, IReadOnlyList<string> Sentences, ChapterList? Chapters, DateOnly? Date);

/// <summary>
/// Cleans the free text a podcast host writes around an episode (often scraped from HTML, so
/// paragraphs and list items are glued together): separates glued paragraphs, takes out the
/// chapter list, drops sponsor and subscribe boilerplate, and writes the rest as Markdown in which
/// nothing from the input is markup except emphasis, list bullets and links.
/// </summary>
public static partial class ShowNotesCleaner
{
    // Square brackets do not occur in URLs unencoded; one glued to a URL starts the next thing.
    // An address starts where its run of name characters starts: without the lookbehind a long run
    // without '@' is retried from each of its characters, quadratic in the run's length.
    [GeneratedRegex(@"https?://[^\s<>""\[\]]+|www\.[^\s<>""\[\]]+\.[^\s<>""\[\]]+|(?<![\w.+-])[\w.+-]+@[\w-]+(?:\.[\w-]+)+", RegexOptions.CultureInvariant)]
    private static partial Regex Link();

    // *emphasis* as the source wrote it: opens before a non-space, closes after one.
    [GeneratedRegex(@"\*(?=[^\s*])[^*\n]{1,200}?(?<=[^\s*])\*", RegexOptions.CultureInvariant)]
    private static partial Regex Emphasis();

    [GeneratedRegex(@"[ \t]+")]
    private static partial Regex Spaces();

    // "…at Palantir—Brought to you by:• WorkOS…": a dash before a heading is a lost section break.
    [GeneratedRegex(@"[—–](?=\p{Lu}[^—–:\n]{0,60}:)", RegexOptions.CultureInvariant)]
    private static partial Regex SectionDash();

    public static ShowNotes Clean(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return new ShowNotes(null, [], null, null);
        var separated = SectionDash().Replace(GluedText.Separate(text, "\n"), "\n");
        var chapters = ChapterListParser.Find(separated, Boilerplate.NextStart);
        if (chapters is not null)
            separated = separated[..chapters.Start] + "\n" + separated[chapters.End..];
        var date = DateParser.FindRecordingDate(separated);

        var paragraphs = new List<List<string>>();
        foreach (var block in SplitParagraphs(separated))
        {
            var kept = new List<string>();
            bool inBoilerplateBlock = false;
            foreach (var sentence in SplitSentences(block))
            {
                if (inBoilerplateBlock) continue;
                if (Boilerplate.StartsBlock(sentence)) { inBoilerplateBlock = true; continue; }
                if (Boilerplate.IsBoilerplate(sentence)) continue;
                kept.Add(sentence);
            }
            if (kept.Count > 0) paragraphs.Add(kept);
        }
        // "In this episode, we cover:" with its list taken out (or dropped as boilerplate) introduces nothing.
        paragraphs.RemoveAll(p => p.Count == 1 && p[0].EndsWith(':') && Sentences.CountWords(p[0]) <= 8);

        var sentences = paragraphs.SelectMany(p => p).ToList();
        var summary = paragraphs.Count == 0 ? null : string.Join("\n\n", paragraphs.Select(p => ToMarkdown(string.Join(' ', p))));
        return new ShowNotes(string.IsNullOrWhiteSpace(summary) ? null : summary, sentences, chapters, date);
    }

    /// <summary>Paragraphs at line breaks and at rules (<c>---</c>, <c>—-</c>) that lost their own line.</summary>
    private static IEnumerable<string> SplitParagraphs(string text)
    {
        foreach (var line in SourceLines(text))
        {
            foreach (var part in line.Split(["---", "—-", "—–"], StringSplitOptions.None))
            {
                var p = Spaces().Replace(part, " ").Trim();
                if (p.Length > 0 && p.Any(char.IsLetterOrDigit)) yield return p;
            }
        }
    }

    private static IEnumerable<string> SourceLines(string text) =>
        text.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries);

    private static List<string> SplitSentences(string paragraph)
    {
        var result = new List<string>();
        int from = 0;
        foreach (var end in Sentences.Ends(paragraph).Concat(Boilerplate.StartsInside(paragraph)).Where(e => e > 0).Distinct().Order())
        {
            result.Add(paragraph[from..end].Trim());
            from = end;
        }
        if (from < paragraph.Length) result.Add(paragraph[from..].Trim());
        result.RemoveAll(s => s.Length == 0);
        return result;
    }

    /// <summary>
    /// One paragraph of notes as Markdown: links become autolinks, the source's <c>*emphasis*</c>
    /// stays, bullets (<c>*</c>, <c>•</c>) glued into the paragraph become list items, and every
    /// other Markdown character is escaped so it shows as written.
    /// </summary>
    public static string ToMarkdown(string paragraph)
    {
        var sb = new StringBuilder(paragraph.Length + 32);
        int pos = 0;
        foreach (Match link in Link().Matches(paragraph))
        {
            var (url, trail) = TrimUrl(link.Value);
            if (url.Length == 0) continue;
            AppendText(sb, paragraph[pos..link.Index]);
            if (url.Contains('@') && !url.Contains("://", StringComparison.Ordinal)) sb.Append('<').Append(url).Append('>');
            else if (url.StartsWith("www.", StringComparison.OrdinalIgnoreCase)) sb.Append('[').Append(Escape(url)).Append("](https://").Append(url).Append(')');
            else sb.Append('<').Append(url).Append('>');
            pos = link.Index + url.Length;
            _ = trail;
        }
        AppendText(sb, paragraph[pos..]);
        return sb.ToString().Trim();
    }

    /// <summary>A URL without the punctuation that ends the sentence around it.</summary>
    private static (string Url, string Trail) TrimUrl(string url)
    {
        int end = url.Length;
        while (end > 0 && url[end - 1] is '.' or ',' or ';' or ':' or '!' or '?' or '\'' or '"' or '*' or '•' or ']' or ')' or '}')
        {
            // A closing parenthesis that matches one in the URL belongs to it (Wikipedia links).
            if (url[end - 1] == ')' && url.AsSpan(0, end).Count('(') >= url.AsSpan(0, end).Count(')')) break;
            end--;
        }
        return (url[..end], url[end..]);
    }

    private static void AppendText(StringBuilder sb, string text)
    {
        int pos = 0;
        foreach (Match m in Emphasis().Matches(text))
        {
            AppendPlain(sb, text[pos..m.Index]);
            sb.Append('*').Append(Escape(m.Value[1..^1])).Append('*');
            pos = m.Index + m.Length;
        }
        AppendPlain(sb, text[pos..]);
    }

    /// <summary>Escapes Markdown punctuation; a lone <c>*</c> or <c>•</c> before a space starts a list item.</summary>
    private static void AppendPlain(StringBuilder sb, string text)
    {
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c is '*' or '•' && i + 1 < text.Length && text[i + 1] == ' ')
            {
                while (sb.Length > 0 && sb[^1] == ' ') sb.Length--;
                sb.Append(sb.Length == 0 ? "- " : "\n- ");
                while (i + 1 < text.Length && text[i + 1] == ' ') i++;
                continue;
            }
            AppendEscaped(sb, text, i);
        }
    }

    private static string Escape(string text)
    {
        var sb = new StringBuilder(text.Length + 8);
        for (int i = 0; i < text.Length; i++) AppendEscaped(sb, text, i);
        return sb.ToString();
    }

    /// <summary>
    /// Appends one character so that Markdown shows it as written: inline markup characters
    /// always escaped, block markers (<c>#</c>, <c>-</c>, <c>1.</c>) only where a line starts.
    /// </summary>
    private static void AppendEscaped(StringBuilder sb, string text, int i)
    {
        char c = text[i];
        bool lineStart = IsLineStart(sb);
        char next = i + 1 < text.Length ? text[i + 1] : '\0';
        bool escape = c switch
        {
            '\\' or '`' or '*' or '_' or '[' or ']' or '<' or '&' or '~' or '^' => true,
            '!' => next == '[',
            '+' or '=' => next == c || lineStart,
            '>' or '#' or '-' => lineStart,
            '.' or ')' => AfterLineStartDigits(sb) && (next == ' ' || next == '\0'),
            _ => false,
        };
        if (escape) sb.Append('\\');
        sb.Append(c);
    }

    private static bool IsLineStart(StringBuilder sb) =>
        sb.Length == 0 || sb[^1] == '\n' || (sb.Length >= 2 && sb[^1] == ' ' && sb[^2] == '-' && (sb.Length == 2 || sb[^3] == '\n'));

    /// <summary>True when the line so far is only digits ("12" before ". text" would start an ordered list).</summary>
    private static bool AfterLineStartDigits(StringBuilder sb)
    {
        int j = sb.Length;
        while (j > 0 && char.IsAsciiDigit(sb[j - 1])) j--;
        if (j == sb.Length) return false;
        return j == 0 || sb[j - 1] == '\n' || (j >= 2 && sb[j - 1] == ' ' && sb[j - 2] == '-');
    }
}
