using System.Text;
using System.Text.RegularExpressions;
using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Text;

namespace Archive.Core.Reading;

/// <summary>
/// The archive's own format (docs/formats.md): YAML front matter, <c>## Chapter</c> headings and
/// turns written <c>**[00:12:34] Speaker Name:** text</c>. Read exactly: what the file says is the
/// episode.
/// </summary>
public sealed partial class CanonicalMarkdownReader : ITranscriptReader
{
    public string Format => "canonical-markdown";

    // **[00:12:34] Name:** text
    [GeneratedRegex(@"^\*\*\[(?<time>[0-9:.,]+)\]\s+(?<name>[^*]+?):\*\*[ \t]*(?<text>.*)$")]
    private static partial Regex TimedTurn();

    // **Name:** text
    [GeneratedRegex(@"^\*\*(?<name>[^*\[\]]+?):\*\*[ \t]*(?<text>.*)$")]
    private static partial Regex NamedTurn();

    // **[00:12:34]** text
    [GeneratedRegex(@"^\*\*\[(?<time>[0-9:.,]+)\]\*\*[ \t]*(?<text>.*)$")]
    private static partial Regex TimedParagraph();

    // A closing run of '#' counts only after a space, as in CommonMark: "## C#" is the title "C#".
    [GeneratedRegex(@"^(?<level>#{1,6})\s+(?<title>.+?)(?:\s+#+)?\s*$")]
    private static partial Regex Heading();

    public int Detect(SourceText source)
    {
        int turns = 0;
        foreach (var line in source.Lines.Take(400))
            if (line.StartsWith("**", StringComparison.Ordinal) && (TimedTurn().IsMatch(line) || NamedTurn().IsMatch(line)))
                turns++;
        bool frontMatter = FrontMatter.StartsWithFence(source);
        if (turns >= 1 && frontMatter) return 95;
        if (turns >= 2) return 80;
        return frontMatter ? 50 : 0;
    }

    public IReadOnlyList<RawEpisode> Read(SourceText source, DiagnosticBag diagnostics)
    {
        var fm = FrontMatter.Parse(source, diagnostics);
        var metadata = fm is null ? new RawMetadata() : FrontMatterFields.ReadMetadata(fm, source, diagnostics);
        var explicitChapters = fm is null ? [] : FrontMatterFields.ReadChapters(fm, source, diagnostics);
        int bodyStart = fm?.BodyLine ?? 1;

        var turns = new List<RawTurn>();
        var headings = new List<(string Title, int TurnIndex, int Line)>();
        string? currentSpeaker = null;
        string? documentTitle = null;
        var lines = source.Lines;

        // A paragraph is a run of non-blank lines; a turn label always starts a new one.
        StringBuilder? text = null;
        string? speaker = null;
        TimeSpan? start = null;
        int paragraphLine = 0;
        bool labelled = false;

        void Flush()
        {
            if (text is null) return;
            var t = MarkdownText.Unescape(text.ToString().Trim());
            if (t.Length > 0)
                turns.Add(new RawTurn(speaker, start, null, t, paragraphLine) { ParagraphBreak = !labelled });
            text = null;
        }

        for (int i = bodyStart - 1; i < lines.Count; i++)
        {
            var line = lines[i];
            int lineNo = i + 1;
            var trimmed = line.Trim();
            if (trimmed.Length == 0) { Flush(); continue; }

            var heading = Heading().Match(trimmed);
            if (heading.Success)
            {
                Flush();
                var title = MarkdownText.Unescape(heading.Groups["title"].Value);
                if (heading.Groups["level"].Length == 1 && turns.Count == 0 && documentTitle is null) documentTitle = title;
                else headings.Add((title, turns.Count, lineNo));
                continue;
            }

            Match m;
            if ((m = TimedTurn().Match(trimmed)).Success || (m = NamedTurn().Match(trimmed)).Success || (m = TimedParagraph().Match(trimmed)).Success)
            {
                Flush();
                TimeSpan? time = null;
                if (m.Groups["time"].Success)
                {
                    if (Timecode.TryParse(m.Groups["time"].Value, out var t)) time = t;
                    else diagnostics.Warn(source.Path, lineNo, $"'{m.Groups["time"].Value}' is not a time; the paragraph is kept without one");
                }
                // "?" is the label of a paragraph whose speaker is not known, after a named one.
                if (m.Groups["name"].Success) currentSpeaker = MarkdownText.Unescape(m.Groups["name"].Value.Trim()) is var name && name == "?" ? null : name;
                speaker = currentSpeaker;
                start = time;
                labelled = true;
                paragraphLine = lineNo;
                text = new StringBuilder(m.Groups["text"].Value);
                continue;
            }

            if (text is null)
            {
                speaker = currentSpeaker;
                start = null;
                labelled = false;
                paragraphLine = lineNo;
                text = new StringBuilder(trimmed);
            }
            else text.Append(' ').Append(trimmed);
        }
        Flush();

        return
        [
            new RawEpisode
            {
                Source = new SourceRef(source.Path, fm?.FirstLine ?? 1),
                Metadata = metadata with { Title = metadata.Title ?? documentTitle },
                Turns = turns,
                Chapters = MergeChapters(explicitChapters, headings),
                Shape = TextShape.Exact,
                Truncated = fm?.Get("truncated") is YamlDotNet.RepresentationModel.YamlScalarNode { Value: { } truncated }
                    && truncated.Trim().Equals("true", StringComparison.OrdinalIgnoreCase),
            },
        ];
    }

    /// <summary>
    /// A heading places a chapter; a front matter entry with the same title gives its time.
    /// Entries without a heading are placed by time.
    /// </summary>
    private static List<RawChapter> MergeChapters(List<RawChapter> explicitChapters, List<(string Title, int TurnIndex, int Line)> headings)
    {
        var unmatched = new List<RawChapter>(explicitChapters);
        var result = new List<RawChapter>();
        foreach (var (title, turnIndex, line) in headings)
        {
            var match = unmatched.FindIndex(c => SameTitle(c.Title, title));
            if (match >= 0)
            {
                result.Add(unmatched[match] with { Title = title, TurnIndex = turnIndex });
                unmatched.RemoveAt(match);
            }
            else result.Add(new RawChapter(title, null, turnIndex, line, ChapterOrigin.Explicit));
        }
        result.AddRange(unmatched);
        return result;
    }

    private static bool SameTitle(string a, string b) =>
        string.Equals(string.Join(' ', a.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
                      string.Join(' ', b.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)),
                      StringComparison.OrdinalIgnoreCase);
}
