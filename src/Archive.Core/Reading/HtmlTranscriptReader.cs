using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Text;

namespace Archive.Core.Reading;

/// <summary>
/// HTML transcripts: the Podcasting 2.0 layout (<c>&lt;cite&gt;Name:&lt;/cite&gt;</c>,
/// <c>&lt;time&gt;</c>, <c>&lt;p&gt;</c>), paragraphs that open with a bold <c>Name:</c>, and tables of
/// time, speaker and text. A page in none of these layouts is an error naming what it holds.
/// </summary>
public sealed partial class HtmlTranscriptReader : ITranscriptReader
{
    public string Format => "html";

    private static readonly HashSet<string> HtmlTags = new(StringComparer.OrdinalIgnoreCase)
    {
        "html", "head", "body", "meta", "title", "link", "div", "p", "cite", "time", "table", "section", "article",
        "main", "span", "h1", "h2", "h3", "h4", "h5", "h6", "header", "footer", "nav", "ul", "ol", "strong", "b", "br",
        "blockquote", "dl", "figure", "audio", "video", "style", "script",
    };

    // [00:01:02] or (1:02) before the words of a paragraph
    [GeneratedRegex(@"^\s*[\[(]?(?<time>\d{1,2}(?::\d{2}){1,2}(?:[.,]\d+)?)[\])]?\s*[-–—:]?\s*")]
    private static partial Regex LeadingTime();

    // <!DOCTYPE html>, <html, <?xml … ?><html, or a fragment starting with an HTML tag
    [GeneratedRegex(@"^(?:<\?xml[^>]*>\s*)?(?:<!--.*?-->\s*)*<(?:!doctype\s+html|(?<tag>[a-z][a-z0-9]*))", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex Opening();

    public int Detect(SourceText source)
    {
        var head = source.Head(2048).ToString();
        var m = Opening().Match(head);
        if (!m.Success) return 0;
        if (!m.Groups["tag"].Success) return 90;
        return HtmlTags.Contains(m.Groups["tag"].Value) ? 85 : 0;
    }

    public IReadOnlyList<RawEpisode> Read(SourceText source, DiagnosticBag diagnostics)
    {
        var parser = new HtmlParser(new HtmlParserOptions { IsKeepingSourceReferences = true });
        var document = parser.ParseDocument(source.Text);
        var metadata = Metadata(document);

        var found = CiteLayout(document) ?? LabelledParagraphs(document, ref metadata) ?? Table(document);
        if (found is null)
        {
            var title = metadata.Title is { } t ? $" titled \"{CaptionCues.Shorten(t)}\"" : "";
            diagnostics.Error(source.Path, 1,
                $"the file is an HTML page{title} with {Count(document, "p", "paragraph")} and {Count(document, "table", "table")}, " +
                "but no transcript layout the archive reads: <cite>Name:</cite> <time> <p> turns (Podcasting 2.0), paragraphs opening with a bold 'Name:', " +
                "or a table of times and text (see docs/formats.md)");
            return [];
        }
        var (turns, chapters) = found.Value;
        return
        [
            new RawEpisode
            {
                Source = new SourceRef(source.Path, 1),
                Metadata = metadata,
                Turns = turns,
                Chapters = chapters,
                Shape = TextShape.Turns,
            },
        ];
    }

    private static string Count(IDocument document, string tag, string noun)
    {
        int n = document.GetElementsByTagName(tag).Length;
        return $"{n} {noun}{(n == 1 ? "" : "s")}";
    }

    private static int LineOf(IElement element) => Math.Max(1, element.SourceReference?.Position.Line ?? 1);

    private static string TextOf(INode node) => Spacing.Collapse(node.TextContent);

    /// <summary>
    /// The Podcasting 2.0 layout: in document order, <c>&lt;cite&gt;</c> names the speaker,
    /// <c>&lt;time&gt;</c> times the next paragraph, <c>&lt;p&gt;</c> is what is said. Headings between
    /// turns start chapters.
    /// </summary>
    private static (List<RawTurn>, List<RawChapter>)? CiteLayout(IDocument document)
    {
        if (document.Body is null || document.GetElementsByTagName("cite").Length == 0) return null;
        var turns = new List<RawTurn>();
        var chapters = new List<RawChapter>();
        string? speaker = null;
        TimeSpan? time = null;
        foreach (var element in document.Body.Descendants<IElement>())
        {
            switch (element.LocalName)
            {
                case "cite":
                    var name = TextOf(element).TrimEnd(':', ' ').Trim();
                    speaker = Placeholder.IsPlaceholderName(name) ? null : name;
                    break;
                case "time":
                    time = ReadTime(element) ?? time;
                    break;
                case "p":
                    // A <p> inside a <p>-like container is read once, at its outermost level.
                    if (element.ParentElement?.Closest("p") is not null) break;
                    var text = TextOf(element);
                    if (text.Length == 0) break;
                    turns.Add(new RawTurn(speaker, time, null, text, LineOf(element)) { ParagraphBreak = true });
                    time = null;
                    break;
                case "h2" or "h3" or "h4" when turns.Count > 0:
                    chapters.Add(new RawChapter(TextOf(element), null, turns.Count, LineOf(element), ChapterOrigin.Heading));
                    break;
            }
        }
        return turns.Count > 0 ? (turns, chapters) : null;
    }

    private static TimeSpan? ReadTime(IElement element)
    {
        foreach (var candidate in new[] { element.GetAttribute("datetime"), TextOf(element) })
            if (Timecode.TryParse(candidate, out var t)) return t;
        return null;
    }

    /// <summary>
    /// Paragraphs that open with a bold label: <c>&lt;p&gt;&lt;strong&gt;Name:&lt;/strong&gt; text</c> or
    /// <c>&lt;p&gt;&lt;b&gt;Name&lt;/b&gt;: text</c>, with an optional time before or after the label.
    /// Unlabelled paragraphs continue the speaker before them.
    /// </summary>
    private static (List<RawTurn>, List<RawChapter>)? LabelledParagraphs(IDocument document, ref RawMetadata metadata)
    {
        var before = new List<string>(); // paragraphs before the first label: the page's introduction
        var turns = new List<RawTurn>();
        var chapters = new List<RawChapter>();
        int labelled = 0;
        string? speaker = null;
        foreach (var element in document.Body?.Descendants<IElement>() ?? [])
        {
            if (element.LocalName is "h2" or "h3" or "h4" && turns.Count > 0)
            {
                chapters.Add(new RawChapter(TextOf(element), null, turns.Count, LineOf(element), ChapterOrigin.Heading));
                continue;
            }
            if (element.LocalName != "p" || element.ParentElement?.Closest("p") is not null) continue;
            var text = TextOf(element);
            TimeSpan? time = element.QuerySelector("time") is { } timeElement ? ReadTime(timeElement) : null;
            text = TakeLeadingTime(text, ref time);
            if (Label(element, text) is { } label)
            {
                labelled++;
                speaker = Placeholder.IsPlaceholderName(label.Name) ? null : label.Name;
                text = TakeLeadingTime(text[label.Length..].TrimStart(), ref time);
            }
            if (text.Length == 0) continue;
            if (labelled == 0)
            {
                before.Add(TextOf(element));
                continue;
            }
            turns.Add(new RawTurn(speaker, time, null, text, LineOf(element)) { ParagraphBreak = true });
        }
        if (labelled < 2) return null;
        if (before.Count > 0) metadata = metadata with { Description = string.Join("\n\n", before) };
        return (turns, chapters);
    }

    /// <summary>Removes a time the text opens with (<c>[00:01:02]</c>), keeping it when none is known yet.</summary>
    private static string TakeLeadingTime(string text, ref TimeSpan? time)
    {
        var m = LeadingTime().Match(text);
        if (!m.Success || m.Length == 0 || m.Length >= text.Length) return text;
        if (time is null && Timecode.TryParse(m.Groups["time"].Value, out var t)) time = t;
        return text[m.Length..];
    }

    /// <summary>
    /// The bold label <paramref name="text"/> (the paragraph's text from here) opens with, and how many
    /// characters it takes up to and with its colon.
    /// </summary>
    private static (string Name, int Length)? Label(IElement paragraph, string text)
    {
        foreach (var bold in paragraph.QuerySelectorAll("strong, b"))
        {
            var label = TextOf(bold);
            if (label.Length == 0 || !text.StartsWith(label, StringComparison.Ordinal)) continue;
            var name = label.TrimEnd(':', ' ').Trim();
            if (name.Length == 0 || Sentences.CountWords(name) > 5) return null;
            if (label.EndsWith(':')) return (name, label.Length);
            var after = text[label.Length..];
            return after.TrimStart().StartsWith(':') ? (name, label.Length + after.IndexOf(':') + 1) : null;
        }
        return null;
    }

    private static readonly string[] TimeHeaders = ["time", "timestamp", "timecode", "start", "start time", "in", "begin"];
    private static readonly string[] SpeakerHeaders = ["speaker", "name", "who", "person", "voice", "speaker name"];
    private static readonly string[] TextHeaders = ["text", "transcript", "dialogue", "dialog", "caption", "content", "words", "line", "utterance"];

    /// <summary>
    /// A table whose rows are time, maybe speaker, and text. Columns are found by their header
    /// (<c>Time</c>, <c>Speaker</c>, <c>Text</c>) or by their cells: times, short names, long text.
    /// </summary>
    private static (List<RawTurn>, List<RawChapter>)? Table(IDocument document)
    {
        (List<RawTurn>, List<RawChapter>)? best = null;
        foreach (var table in document.GetElementsByTagName("table"))
        {
            var rows = table.QuerySelectorAll("tr").Where(r => r.Closest("table") == table).ToList();
            var header = rows.FirstOrDefault(r => r.Children.All(c => c.LocalName == "th"));
            var body = rows.Where(r => r != header && r.Children.Any(c => c.LocalName == "td")).ToList();
            if (body.Count < 2) continue;
            int columns = body.Max(r => r.Children.Length);
            var cells = body.Select(r => r.Children.Select(TextOf).ToList()).ToList();
            string Cell(int row, int column) => column < cells[row].Count ? cells[row][column] : "";
            var names = header?.Children.Select(c => TextOf(c).ToLowerInvariant()).ToList() ?? [];
            int ByHeader(string[] wanted) => names.FindIndex(n => wanted.Contains(n));

            int timeColumn = ByHeader(TimeHeaders), speakerColumn = ByHeader(SpeakerHeaders), textColumn = ByHeader(TextHeaders);
            if (timeColumn < 0)
                timeColumn = Enumerable.Range(0, columns).FirstOrDefault(c => body.Count(r => IsTime(Cell(body.IndexOf(r), c))) * 10 >= body.Count * 6, -1);
            if (textColumn < 0)
                textColumn = Enumerable.Range(0, columns).Where(c => c != timeColumn && c != speakerColumn)
                    .OrderByDescending(c => Enumerable.Range(0, body.Count).Average(r => Cell(r, c).Length)).FirstOrDefault(-1);
            if (speakerColumn < 0)
                speakerColumn = Enumerable.Range(0, columns).Where(c => c != timeColumn && c != textColumn)
                    .FirstOrDefault(c => Enumerable.Range(0, body.Count).All(r => Sentences.CountWords(Cell(r, c)) <= 4), -1);
            if (textColumn < 0 || (timeColumn < 0 && speakerColumn < 0)) continue;

            var turns = new List<RawTurn>();
            for (int r = 0; r < body.Count; r++)
            {
                var text = Cell(r, textColumn);
                if (text.Length == 0) continue;
                TimeSpan? time = null;
                if (timeColumn >= 0)
                {
                    var t = Cell(r, timeColumn);
                    if (Timecode.TryParse(t, out var parsed) || Timecode.TryParseRange(t, out parsed, out _)) time = parsed;
                }
                var speaker = speakerColumn >= 0 ? Cell(r, speakerColumn).TrimEnd(':') : null;
                if (Placeholder.IsPlaceholderName(speaker)) speaker = null;
                turns.Add(new RawTurn(speaker, time, null, text, LineOf(body[r])) { ParagraphBreak = true });
            }
            if (turns.Count > 0 && (best is null || turns.Count > best.Value.Item1.Count)) best = (turns, []);
        }
        return best;
    }

    private static bool IsTime(string cell) => Timecode.TryParse(cell, out _) || Timecode.TryParseRange(cell, out _, out _);

    private static RawMetadata Metadata(IDocument document)
    {
        string? Meta(params string[] names)
        {
            foreach (var name in names)
                if (document.QuerySelector($"meta[name='{name}'], meta[property='{name}']")?.GetAttribute("content") is { } v && Placeholder.Clean(v) is { } clean)
                    return clean;
            return null;
        }
        var title = Placeholder.Clean(document.QuerySelector("h1") is { } h1 ? TextOf(h1) : null)
            ?? Meta("og:title", "twitter:title")
            ?? Placeholder.Clean(document.Title);
        DateOnly? date = null;
        // The page's date: a meta tag, else the first <time datetime> that holds a date (not a transcript time).
        foreach (var candidate in new[] { Meta("article:published_time", "date", "dc.date", "pubdate") }
                     .Concat(document.QuerySelectorAll("time[datetime]").Select(t => t.GetAttribute("datetime"))))
            if (DateParser.TryParse(candidate, out var parsed)) { date = parsed; break; }
        var media = document.QuerySelector("audio[src], video[src]")?.GetAttribute("src")
            ?? document.QuerySelector("audio source[src], video source[src]")?.GetAttribute("src")
            ?? Meta("og:audio", "og:video");
        return new RawMetadata
        {
            Title = title,
            Summary = Meta("description", "og:description"),
            Date = date,
            MediaUrl = media is not null && Uri.TryCreate(media, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? media : null,
            Topics = Meta("keywords")?.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).ToList() ?? [],
        };
    }
}
