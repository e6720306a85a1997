using System.Text.RegularExpressions;
using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Text;

namespace Archive.Core.Reading;

/// <summary>
/// The block of show notes above a transcript in exported text (an article, a show-notes page):
/// a title line, <c>Key: value</c> lines, subscribe boilerplate, a summary paragraph, a list of
/// highlights that are chapter titles, related links. It becomes metadata, never transcript.
/// </summary>
public sealed partial record TranscriptHeader
{
    /// <summary>Title, show, date, duration, speakers, topics, media, and the prose of the header as the summary (Markdown).</summary>
    public RawMetadata Metadata { get; init; } = new();
    /// <summary>Notes that are not the summary (an editor's note after the <c>Transcript</c> line).</summary>
    public string? Notes { get; init; }
    /// <summary>Highlight titles (no times) and timed chapter lines, as found.</summary>
    public IReadOnlyList<RawChapter> Chapters { get; init; } = [];

    private enum ListKind { Unknown, Highlights, Links }

    [GeneratedRegex(@"^(?:[-*•+–]|\d{1,3}[.)])(?:\s+(?<text>.*))?$")]
    private static partial Regex ListItem();

    [GeneratedRegex(@"^[\[(]?(?<time>\d{1,2}:\d{2}(?::\d{2})?)[\])]?\s*[-–—:|]?\s*(?<title>\S.*)$")]
    private static partial Regex TimedItem();

    [GeneratedRegex(@"^(?:\*\*)?(?<key>[A-Za-z][A-Za-z ]{1,24}?)(?:\*\*)?\s*:(?:\*\*)?\s+(?<value>\S.*)$")]
    private static partial Regex KeyValue();

    [GeneratedRegex(@"highlight|key (?:sections|moments|points|topics|themes)|topics (?:covered|discussed)|in this (?:episode|conversation|interview|talk|show)|we (?:discuss|cover|talk about|explore)|what we (?:cover|discuss)|outline|chapters|sections|contents|agenda|timestamps|takeaways|themes",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HighlightsIntro();

    [GeneratedRegex(@"related|links|resources|mentioned|further reading|references|see also|more from|also listen|show notes|follow|find us|sponsor|credits|connect|elsewhere|previous episodes",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex LinksIntro();

    [GeneratedRegex(@"https?://\S+")]
    private static partial Regex Url();

    /// <summary>Reads the header lines (before the transcript) and the preamble (after a <c>Transcript</c> line, before the first turn).</summary>
    public static TranscriptHeader Read(IReadOnlyList<(string Text, int Line)> header, IReadOnlyList<(string Text, int Line)> preamble,
        SourceText source, DiagnosticBag diagnostics)
    {
        string? title = null, show = null, media = null;
        DateOnly? date = null;
        TimeSpan? duration = null;
        var speakers = new List<string>();
        var topics = new List<string>();
        var summary = new List<string>();
        var chapters = new List<RawChapter>();
        var list = ListKind.Unknown;
        string? pendingIntro = null;
        bool seenContent = false;

        for (int i = 0; i < header.Count; i++)
        {
            var (raw, line) = header[i];
            var text = raw.Trim();
            if (text.Length == 0) continue;

            if (MarkdownHeading.TryParse(text, out var level, out var headingText))
            {
                var h = InlineMarkup.ToPlain(headingText);
                if (level == 1 && title is null && !seenContent) { title = h; seenContent = true; continue; }
                list = KindOf(h);
                pendingIntro = list == ListKind.Unknown ? "**" + h + "**" : null;
                seenContent = true;
                continue;
            }

            var item = ListItem().Match(text);
            if (item.Success && !(text.StartsWith("**", StringComparison.Ordinal)))
            {
                var itemText = item.Groups["text"].Value.Trim();
                if (itemText.Length == 0 || !itemText.Any(char.IsLetterOrDigit)) continue; // empty bullets
                seenContent = true;
                var timed = TimedItem().Match(itemText);
                if (timed.Success && list != ListKind.Links && Timecode.TryParse(timed.Groups["time"].Value, out var at))
                {
                    chapters.Add(new RawChapter(InlineMarkup.ToPlain(timed.Groups["title"].Value).Trim(), at, null, line, ChapterOrigin.Description));
                    continue;
                }
                switch (list)
                {
                    case ListKind.Highlights:
                        chapters.Add(new RawChapter(InlineMarkup.ToPlain(itemText), null, null, line, ChapterOrigin.Highlight));
                        break;
                    case ListKind.Links:
                        break;
                    default:
                        if (pendingIntro is not null) { summary.Add(pendingIntro); pendingIntro = null; }
                        if (summary.Count > 0 && summary[^1].StartsWith("- ", StringComparison.Ordinal)) summary[^1] += "\n- " + itemText;
                        else summary.Add("- " + itemText);
                        break;
                }
                continue;
            }

            // Any other line ends a list.
            list = ListKind.Unknown;
            pendingIntro = null;

            if (Boilerplate.IsBoilerplate(text)) { seenContent = true; continue; }

            var kv = KeyValue().Match(text);
            if (kv.Success && ReadField(kv.Groups["key"].Value.Trim().ToLowerInvariant(), InlineMarkup.ToPlain(kv.Groups["value"].Value.Trim()),
                    line, source, diagnostics, ref title, ref show, ref date, ref duration, ref media, speakers, topics))
            {
                seenContent = true;
                continue;
            }

            // "Recorded on June 10, 2025." on its own is the date, not part of the summary.
            if (text.Length <= 80 && DateParser.FindRecordingDate(text) is { } recorded)
            {
                date ??= recorded;
                seenContent = true;
                continue;
            }

            if (text.EndsWith(':') && NextIsListItem(header, i))
            {
                var intro = text.TrimEnd(':').Trim();
                list = KindOf(intro);
                pendingIntro = list == ListKind.Unknown ? InlineMarkup.ToPlain(text) : null;
                seenContent = true;
                continue;
            }

            // The first short line of the block is its title.
            if (title is null && !seenContent && LooksLikeTitle(text))
            {
                title = InlineMarkup.ToPlain(text.Trim('*', '_', ' '));
                seenContent = true;
                continue;
            }

            seenContent = true;
            summary.Add(text);
        }

        var notes = preamble.Select(l => l.Text.Trim()).Where(t => t.Length > 0 && !TranscriptMarkers.IsMarker(t)).ToList();
        return new TranscriptHeader
        {
            Metadata = new RawMetadata
            {
                Title = Placeholder.Clean(title),
                Show = show,
                Date = date,
                Duration = duration,
                Speakers = speakers,
                Topics = topics,
                Summary = summary.Count == 0 ? null : string.Join("\n\n", summary),
                MediaUrl = media,
            },
            Notes = notes.Count == 0 ? null : string.Join("\n\n", notes),
            Chapters = chapters,
        };
    }

    private static ListKind KindOf(string intro) =>
        LinksIntro().IsMatch(intro) ? ListKind.Links
        : HighlightsIntro().IsMatch(intro) ? ListKind.Highlights
        : ListKind.Unknown;

    private static bool NextIsListItem(IReadOnlyList<(string Text, int Line)> lines, int i)
    {
        for (int j = i + 1; j < lines.Count; j++)
        {
            var t = lines[j].Text.Trim();
            if (t.Length == 0) continue;
            return ListItem().IsMatch(t);
        }
        return false;
    }

    private static bool LooksLikeTitle(string text) =>
        text.Length <= 160 && Sentences.CountWords(text) <= 25 && !text.EndsWith(':') && !Url().IsMatch(text)
        && text.Count(c => c is '.' or '!' or '?') <= 2;

    private static bool ReadField(string key, string value, int line, SourceText source, DiagnosticBag diagnostics,
        ref string? title, ref string? show, ref DateOnly? date, ref TimeSpan? duration, ref string? media,
        List<string> speakers, List<string> topics)
    {
        switch (key)
        {
            case "title" or "episode title":
                title ??= value;
                return true;
            case "show" or "podcast" or "series" or "program" or "channel":
                show ??= Placeholder.Clean(value);
                return true;
            case "date" or "recorded" or "recorded on" or "published" or "published on" or "aired" or "aired on" or "released" or "release date":
                DateOnly? parsed = DateParser.TryParse(value, out var d) ? d : DateParser.FindDate(value);
                if (parsed is { } p) date ??= p;
                else diagnostics.Warn(source.Path, line, $"'{key}: {value}' is not a date the archive can read; write it as YYYY-MM-DD");
                return true;
            case "duration" or "length" or "runtime" or "running time":
                if (Timecode.TryParse(value, out var t)) duration ??= t;
                return true;
            case "guest" or "guests" or "host" or "hosts" or "speaker" or "speakers" or "with" or "featuring" or "participants" or "panelists" or "interviewer" or "interviewee":
                foreach (var name in Regex.Split(value, @"\s*(?:,|;|&|\band\b)\s*"))
                {
                    var clean = SpeakerNameShape.Clean(name);
                    if (SpeakerNameShape.IsPlausible(clean) && !speakers.Contains(clean, StringComparer.Ordinal)) speakers.Add(clean);
                }
                return true;
            case "tags" or "topics" or "keywords":
                foreach (var topic in value.Split([',', ';'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
                    if (!topics.Contains(topic, StringComparer.OrdinalIgnoreCase)) topics.Add(topic.TrimStart('#'));
                return true;
            case "audio" or "video" or "media" or "listen" or "watch" or "youtube" or "mp3":
                if (Url().Match(value) is { Success: true } url) media ??= url.Value;
                return true;
            default:
                return false;
        }
    }
}
