using System.Globalization;
using System.Text;
using Archive.Core.Model;
using Archive.Core.Text;

namespace Archive.Core.Writing;

/// <summary>
/// Writes an episode in the archive's own format (docs/formats.md), so that what was guessed from
/// another format can be read, corrected and kept. Reading the file back with the canonical
/// reader gives the same episode.
/// </summary>
public static class CanonicalMarkdownWriter
{
    /// <param name="slug">The slug to keep the episode's address (the one the archive gave it), else its requested slug.</param>
    public static string Write(Episode episode, string? slug = null)
    {
        var sb = new StringBuilder();
        sb.Append("---\n");
        Field(sb, "title", episode.Title);
        if (episode.Show is { } show) Field(sb, "show", show);
        if (episode.Date is { } date) sb.Append("date: ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        if (episode.Duration is { } duration) Field(sb, "duration", Timecode.FormatPrecise(duration));
        // The speakers in the order they first speak need no list: the reader finds them in the text.
        if (!episode.Speakers.SequenceEqual(SpeakingOrder(episode))) List(sb, "speakers", episode.Speakers);
        if (episode.Topics.Count > 0) List(sb, "topics", episode.Topics);
        if (episode.Summary is { } summary) Block(sb, "summary", summary);
        if (episode.MediaUrl is { } media) Field(sb, "media", media);
        if ((slug ?? episode.RequestedSlug) is { } s) Field(sb, "slug", s);
        if (episode.Truncated) sb.Append("truncated: true\n");
        var timed = episode.Chapters.Where(c => c.Start is not null).ToList();
        if (timed.Count > 0)
        {
            sb.Append("chapters:\n");
            foreach (var c in timed)
                sb.Append("  - time: ").Append(Quote(Timecode.FormatPrecise(c.Start!.Value))).Append('\n')
                  .Append("    title: ").Append(Quote(c.Title)).Append('\n');
        }
        sb.Append("---\n");

        string? current = null;
        for (int i = 0; i < episode.Paragraphs.Count; i++)
        {
            foreach (var chapter in episode.Chapters.Where(c => c.FirstParagraph == i))
                sb.Append('\n').Append("## ").Append(EscapeHeading(chapter.Title)).Append('\n');
            var p = episode.Paragraphs[i];
            sb.Append('\n').Append(Label(p, current, first: i == 0)).Append(MarkdownText.EscapeParagraph(OneLine(p.Text))).Append('\n');
            current = p.Speaker;
        }
        return sb.ToString();
    }

    /// <summary>
    /// <c>**[t] Name:** </c>, <c>**Name:** </c>, <c>**[t]** </c>, or nothing for a paragraph that
    /// continues the speaker before it; <c>?</c> stands for no speaker after a named one.
    /// </summary>
    private static string Label(Paragraph p, string? current, bool first)
    {
        var time = p.Start is { } t ? "[" + Timecode.FormatPrecise(t) + "]" : null;
        // The first paragraph always has a label, so the file reads as the canonical format.
        var name = p.Speaker ?? (current is not null || first ? "?" : null);
        if (p.Speaker is not null && p.Speaker == current && time is null) return "";
        if (name is null) return time is null ? "" : $"**{time}** ";
        return time is null ? $"**{name}:** " : $"**{time} {name}:** ";
    }

    private static IEnumerable<string> SpeakingOrder(Episode episode) =>
        episode.Paragraphs.Select(p => p.Speaker).OfType<string>().Distinct(StringComparer.Ordinal);

    /// <summary>A paragraph is one line in the file: line breaks inside it would only wrap it.</summary>
    private static string OneLine(string text) =>
        text.Contains('\n') || text.Contains('\r') ? Spacing.Collapse(text) : text;

    /// <summary>Escapes what a heading line would lose: backslashes before punctuation and <c>#</c> (trailing ones close the heading).</summary>
    private static string EscapeHeading(string title)
    {
        var sb = new StringBuilder(title.Length + 4);
        for (int i = 0; i < title.Length; i++)
        {
            char c = title[i];
            if (c == '#' || (c == '\\' && i + 1 < title.Length && MarkdownText.IsAsciiPunctuation(title[i + 1]))) sb.Append('\\');
            sb.Append(c);
        }
        return OneLine(sb.ToString());
    }

    private static void Field(StringBuilder sb, string name, string value) =>
        sb.Append(name).Append(": ").Append(Quote(value)).Append('\n');

    private static void List(StringBuilder sb, string name, IReadOnlyList<string> values) =>
        sb.Append(name).Append(": [").Append(string.Join(", ", values.Select(Quote))).Append("]\n");

    /// <summary>Multi-line Markdown as a literal block, which keeps it as written; anything else quoted.</summary>
    private static void Block(StringBuilder sb, string name, string value)
    {
        bool literal = value.Contains('\n') && !value.Contains('\r') && value == value.Trim()
            && value.All(c => c == '\n' || !char.IsControl(c)) && !value.Contains('\u2028') && !value.Contains('\u2029')
            && value.Split('\n').All(l => l.Length == 0 || l == l.TrimEnd());
        if (!literal)
        {
            Field(sb, name, value);
            return;
        }
        sb.Append(name).Append(": |2-\n");
        foreach (var line in value.Split('\n'))
            sb.Append(line.Length == 0 ? "" : "  " + line).Append('\n');
    }

    /// <summary>A YAML double-quoted scalar: backslash, quote and control characters escaped, the rest as it is.</summary>
    public static string Quote(string value)
    {
        var sb = new StringBuilder(value.Length + 2).Append('"');
        foreach (var c in value)
        {
            switch (c)
            {
                case '"': sb.Append("\\\""); break;
                case '\\': sb.Append("\\\\"); break;
                case '\n': sb.Append("\\n"); break;
                case '\r': sb.Append("\\r"); break;
                case '\t': sb.Append("\\t"); break;
                default:
                    if (char.IsControl(c) || c is '\u2028' or '\u2029' or '\uFEFF')
                        sb.Append("\\u").Append(((int)c).ToString("X4", CultureInfo.InvariantCulture));
                    else sb.Append(c);
                    break;
            }
        }
        return sb.Append('"').ToString();
    }
}
