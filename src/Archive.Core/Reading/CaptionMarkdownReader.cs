using System.Text.RegularExpressions;
using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Text;

namespace Archive.Core.Reading;

/// <summary>
/// Markdown exported by caption tools: optional front matter with their own field names, then a
/// body of <c>- [mm:ss] text</c> caption lines in which <c>&gt;&gt;</c> marks a new speaker.
/// </summary>
public sealed partial class CaptionMarkdownReader : ITranscriptReader
{
    public string Format => "markdown-captions";

    // - [00:12] text   or   [00:12] text   or   * [1:02:03] text
    [GeneratedRegex(@"^\s*(?:[-*+]\s+)?\[(?<time>\d{1,3}:\d{2}(?::\d{2})?(?:[.,]\d+)?)\]\s?(?<text>.*)$")]
    private static partial Regex CaptionLine();

    [GeneratedRegex(@"^#{1,6}\s+(?<title>.+?)\s*#*\s*$")]
    private static partial Regex Heading();

    [GeneratedRegex(@"^\s*[-*]\s+(?:URL|Video|Link|Source):\s*(?<url>https?://\S+)\s*$", RegexOptions.IgnoreCase)]
    private static partial Regex UrlLine();

    public int Detect(SourceText source)
    {
        int captions = 0, other = 0;
        foreach (var line in FrontMatter.BodyLines(source).Take(300))
        {
            if (line.Trim().Length == 0) continue;
            if (CaptionLine().IsMatch(line)) captions++;
            else other++;
        }
        if (captions < 3 || captions < other) return 0;
        return FrontMatter.StartsWithFence(source) ? 85 : 60;
    }

    public IReadOnlyList<RawEpisode> Read(SourceText source, DiagnosticBag diagnostics)
    {
        var fm = FrontMatter.Parse(source, diagnostics);
        var metadata = fm is null ? new RawMetadata() : FrontMatterFields.ReadMetadata(fm, source, diagnostics);
        var chapters = fm is null ? [] : FrontMatterFields.ReadChapters(fm, source, diagnostics);
        int bodyStart = fm?.BodyLine ?? 1;

        var turns = new List<RawTurn>();
        var lines = source.Lines;
        for (int i = bodyStart - 1; i < lines.Count; i++)
        {
            var line = lines[i];
            int lineNo = i + 1;
            var caption = CaptionLine().Match(line);
            if (caption.Success)
            {
                TimeSpan? time = Timecode.TryParse(caption.Groups["time"].Value, out var t) ? t : null;
                if (time is null) diagnostics.Warn(source.Path, lineNo, $"'{caption.Groups["time"].Value}' is not a time; the caption is kept without one");
                AddCaption(turns, MarkdownText.Unescape(caption.Groups["text"].Value), time, lineNo);
                continue;
            }
            var trimmed = line.Trim();
            if (trimmed.Length == 0) continue;
            var heading = Heading().Match(trimmed);
            if (heading.Success)
            {
                // Headings before the first caption are document structure ("# Transcript", "## Text").
                if (turns.Count > 0)
                    chapters.Add(new RawChapter(MarkdownText.Unescape(heading.Groups["title"].Value), null, turns.Count, lineNo, ChapterOrigin.Heading));
                continue;
            }
            var url = UrlLine().Match(trimmed);
            if (url.Success && metadata.MediaUrl is null && turns.Count == 0)
            {
                metadata = metadata with { MediaUrl = url.Groups["url"].Value };
                continue;
            }
            if (turns.Count > 0)
            {
                // An untimed line inside the captions continues the caption before it.
                var last = turns[^1];
                turns[^1] = last with { Text = last.Text + " " + MarkdownText.Unescape(trimmed) };
            }
        }

        return
        [
            new RawEpisode
            {
                Source = new SourceRef(source.Path, fm?.FirstLine ?? 1),
                Metadata = metadata,
                Turns = turns,
                Chapters = chapters,
                Shape = TextShape.Captions,
            },
        ];
    }

    /// <summary>Splits a caption at each <c>&gt;&gt;</c>: the text after one is a new speaker's.</summary>
    internal static void AddCaption(List<RawTurn> turns, string text, TimeSpan? time, int line)
    {
        var parts = text.Split(">>");
        for (int p = 0; p < parts.Length; p++)
        {
            var part = parts[p].Trim();
            bool change = p > 0;
            if (part.Length == 0)
            {
                if (change && p == parts.Length - 1)
                    turns.Add(new RawTurn(null, time, null, "", line) { SpeakerChange = true });
                continue;
            }
            turns.Add(new RawTurn(null, time, null, part, line) { SpeakerChange = change });
        }
    }
}
