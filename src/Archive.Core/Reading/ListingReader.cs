using System.Text;
using System.Text.RegularExpressions;
using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Normalizing;
using Archive.Core.Text;

namespace Archive.Core.Reading;

/// <summary>
/// A scrape of podcast listings: one episode a line (its show notes, often with a transcript
/// glued on), with the podcast's name on a short line before its episodes and perhaps a sort
/// heading such as <c>POPULARITY</c>. Every episode line becomes an episode of the show named
/// last; titles, chapters, dates and transcripts are taken from the line itself.
/// </summary>
public sealed partial class ListingReader : ITranscriptReader
{
    /// <summary>Databases and exporters cut text fields at 65,535 bytes; a line that long was cut off.</summary>
    public const int FieldLimitBytes = 65_535;

    /// <summary>A UTF-8 character takes up to four bytes, so a cut line may end a few bytes short of the limit.</summary>
    private const int CutSlack = 3;

    public string Format => "listing";

    /// <summary><see cref="Other"/>: code, markup, list items, timed caption lines — not part of a listing.</summary>
    private enum LineKind { Blank, SortHeading, Show, Episode, Other }

    private static readonly HashSet<string> SortHeadings = new(StringComparer.OrdinalIgnoreCase)
    {
        "popularity", "popular", "most popular", "newest", "newest first", "latest", "oldest", "oldest first", "recent",
        "most recent", "trending", "top", "top episodes", "episodes", "all episodes", "featured", "relevance", "date",
        "by date", "by popularity", "sorted by date", "sorted by popularity", "recommended", "best", "new", "hot",
    };

    // "Name: text" or "[00:01:02] Name: text" or "Name [00:01:02]: text" at a line start.
    [GeneratedRegex(@"^(?:\[[\d:.]+\]\s*)?(?<name>\p{Lu}[\p{L}'’\-]*(?: \p{Lu}[\p{L}'’\-]*){0,2})(?: \[[\d:.]+\])?:\s", RegexOptions.CultureInvariant)]
    private static partial Regex LabelAtStart();

    // JSON, markup, Markdown structure, list items, caption cues and timed lines.
    [GeneratedRegex(@"^(?:[{}\[\]<>#*+|=`~]|-|""[^""]{0,40}""\s*:|\d{1,2}:\d{2}|WEBVTT|NOTE\b)|-->", RegexOptions.CultureInvariant)]
    private static partial Regex NotProse();

    [GeneratedRegex(@"https?://|Transcript", RegexOptions.CultureInvariant)]
    private static partial Regex NotesFeature();

    public int Detect(SourceText source)
    {
        if (FrontMatter.StartsWithFence(source)) return 0;
        int episodes = 0, blanks = 0, featured = 0, other = 0, shows = 0;
        bool showBefore = false, showBetween = false, showPending = false;
        var labels = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var line in source.Lines.Take(5000))
        {
            var kind = Classify(line);
            switch (kind)
            {
                case LineKind.Blank:
                    if (episodes > 0) blanks++;
                    break;
                case LineKind.Other:
                    other++;
                    break;
                case LineKind.Show:
                    shows++;
                    if (episodes == 0) showBefore = true;
                    else showPending = true;
                    break;
                case LineKind.Episode:
                    episodes++;
                    if (showPending) showBetween = true;
                    showPending = false;
                    if (line.Length >= 1000 || NotesFeature().IsMatch(line) || ChapterListParser.Find(line.Length > 20_000 ? line[..20_000] : line) is not null) featured++;
                    var label = LabelAtStart().Match(line);
                    if (label.Success) labels[label.Groups["name"].Value] = labels.GetValueOrDefault(label.Groups["name"].Value) + 1;
                    break;
            }
        }
        // Paragraphs of a transcript or an article, not episodes: labelled turns, blank lines between.
        if (episodes < 2 || labels.Values.Any(n => n >= 3) || blanks * 2 > episodes) return 0;
        // A listing is its episodes and the names between them; anything else much is another format.
        if (other * 10 > episodes + shows || shows > episodes) return 0;
        if (showBetween) return 70;
        if (showBefore && episodes >= 3 && featured * 2 >= episodes) return 55;
        return 0;
    }

    public IReadOnlyList<RawEpisode> Read(SourceText source, DiagnosticBag diagnostics)
    {
        var episodes = new List<RawEpisode>();
        string? show = null;
        var lines = source.Lines;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            int lineNo = i + 1;
            switch (Classify(line))
            {
                case LineKind.Show:
                    show = ShowName(line);
                    continue;
                case LineKind.Episode:
                    episodes.Add(ReadEpisode(source, line, Encoding.UTF8.GetByteCount(lines[i]), lineNo, show, diagnostics));
                    continue;
            }
        }
        if (episodes.Count > 0)
            diagnostics.Warn(source.Path, 1,
                $"a listing gives no episode titles; each of its {episodes.Count} episodes is titled with the first sentence of its description");
        return episodes;
    }

    private static RawEpisode ReadEpisode(SourceText source, string line, int bytes, int lineNo, string? show, DiagnosticBag diagnostics)
    {
        bool truncated = bytes is >= FieldLimitBytes - CutSlack and <= FieldLimitBytes;
        if (truncated)
            diagnostics.Warn(source.Path, lineNo,
                $"this line is {bytes:N0} bytes long, cut off by its source at the {FieldLimitBytes:N0}-byte limit; the episode keeps the text up to the cut and is marked as truncated");

        // The show notes, then the transcript if the line carries one.
        var speakers = EmbeddedTranscript.FindSpeakers(line);
        int? transcriptStart = EmbeddedTranscript.FindStart(line, speakers);
        string notesText;
        EmbeddedTranscript.Result transcript;
        if (transcriptStart is { } start)
        {
            notesText = line[..start];
            if (EmbeddedTranscript.TrailingMarker(notesText) is { } marker) notesText = notesText[..marker];
            transcript = EmbeddedTranscript.Split(line[start..], speakers, lineNo);
        }
        else
        {
            notesText = EmbeddedTranscript.TrailingMarker(line) is { } marker ? line[..marker] : line;
            transcript = new EmbeddedTranscript.Result([], []);
        }

        var notes = ShowNotesCleaner.Clean(notesText);
        var chapters = new List<RawChapter>();
        if (notes.Chapters is { } list)
            chapters.AddRange(list.Entries.Select(e => new RawChapter(e.Title, e.Start, null, lineNo, ChapterOrigin.Description)));
        chapters.AddRange(transcript.Headings);

        return new RawEpisode
        {
            Source = new SourceRef(source.Path, lineNo),
            Metadata = new RawMetadata
            {
                Title = ShowNotesTitle.Pick(notes.Sentences),
                Show = show,
                Date = notes.Date,
                Summary = notes.Summary,
                Speakers = transcript.Turns.Select(t => t.Speaker).OfType<string>().Distinct(StringComparer.Ordinal).ToList(),
            },
            Turns = transcript.Turns,
            Chapters = chapters,
            Shape = TextShape.Turns,
            Truncated = truncated,
        };
    }

    private static LineKind Classify(string line)
    {
        var t = line.Trim();
        if (t.Length == 0) return LineKind.Blank;
        if (SortHeadings.Contains(t.TrimEnd(':'))) return LineKind.SortHeading;
        if (NotProse().IsMatch(t)) return LineKind.Other;
        if (t.Length >= 200 || t[^1] is '.' or '!' or '?' or '…' || Sentences.Ends(t).Count > 0) return LineKind.Episode;
        // A podcast's name: short and written like a title ("The AI Breakdown: Daily … News and Discussions").
        return TitleCase.IsMostlyCapitalised(t, minWords: 1) && t.Split(' ').Length <= 20 ? LineKind.Show : LineKind.Episode;
    }

    /// <summary>"No Priors: Artificial Intelligence | Machine Learning" is the show "No Priors" with its tagline.</summary>
    private static string ShowName(string line)
    {
        var name = line.Trim();
        int colon = name.IndexOf(": ", StringComparison.Ordinal);
        if (colon > 1)
        {
            var tagline = name[(colon + 2)..];
            if (tagline.Contains('|') || tagline.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length >= 3) return name[..colon].Trim();
        }
        int bar = name.IndexOf(" | ", StringComparison.Ordinal);
        return bar > 1 ? name[..bar].Trim() : name;
    }
}
