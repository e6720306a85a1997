using System.Text;
using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Text;

namespace Archive.Core.Reading;

/// <summary>
/// Plain text and Markdown transcripts with speaker labels, in the layouts real exports use
/// (see <see cref="TurnLayout"/>): <c>Name: text</c> turns that continue over unlabelled
/// paragraphs, <c>**Name:**</c>, <c>[00:01:02] Name:</c>, Otter's <c>Name  0:03</c> header lines,
/// timed lines without names, a name alone on its line. Show notes above the transcript (up to a
/// <c>Transcript</c> line, else up to the first turn) are read by <see cref="TranscriptHeader"/>.
/// Optional YAML front matter gives metadata and wins over the header.
/// </summary>
public sealed class LabelledTextReader : ITranscriptReader
{
    public string Format => "labelled-text";

    /// <summary>What the document's lines are, decided once for detection and reading.</summary>
    private sealed record Analysis(int BodyStart, int? Marker, int FirstTurn, TurnLine?[] Candidates, TurnEvidence Evidence, bool[] IsTurn);

    public int Detect(SourceText source)
    {
        var lines = source.Lines;
        var a = Analyze(source, FrontMatter.StartsWithFence(source) ? FrontMatterBodyStart(source) : 0, []);
        int turns = a.Evidence.Accepted.Count(i => i >= a.FirstTurn);
        if (turns < 2 && !(turns == 1 && a.Evidence.OneOpeningLabel)) return 0;
        int from = a.Marker is { } m ? m + 1 : a.BodyStart;
        int textLines = 0;
        for (int i = from; i < lines.Count; i++)
            if (lines[i].Trim().Length > 0) textLines++;
        double ratio = (double)turns / Math.Max(1, textLines);
        int score = ratio >= 0.25 ? 75 : ratio >= 0.1 ? 55 : 20;
        if (a.Evidence.Marked || a.Marker is not null) score += 10;
        // Timed lines without names are caption lines; the caption reader knows their '>>' and front matter better.
        if (a.Evidence.TimesOnly) score = Math.Min(score, 55);
        return score;
    }

    public IReadOnlyList<RawEpisode> Read(SourceText source, DiagnosticBag diagnostics)
    {
        var fm = FrontMatter.Parse(source, diagnostics);
        var metadata = fm is null ? new RawMetadata() : FrontMatterFields.ReadMetadata(fm, source, diagnostics);
        var chapters = fm is null ? [] : FrontMatterFields.ReadChapters(fm, source, diagnostics);
        int bodyStart = fm is null ? 0 : fm.BodyLine - 1;
        var a = Analyze(source, bodyStart, metadata.Speakers);
        var lines = source.Lines;

        // Show notes up to the "Transcript" line; after it, a short editor's note before the first turn.
        int headerEnd = a.Marker ?? a.FirstTurn;
        int transcriptStart = a.FirstTurn;
        var preamble = new List<(string, int)>();
        if (a.Marker is { } marker)
        {
            for (int i = marker + 1; i < a.FirstTurn; i++) preamble.Add((lines[i], i + 1));
            var words = preamble.Sum(p => Sentences.CountWords(p.Item1));
            int nonBlank = preamble.Count(p => p.Item1.Trim().Length > 0);
            if (nonBlank > NoteLines || words > NoteWords)
            {
                // Too long for a note: it is speech before the first label.
                preamble.Clear();
                transcriptStart = marker + 1;
            }
        }
        var headerLines = new List<(string, int)>();
        for (int i = bodyStart; i < headerEnd; i++) headerLines.Add((lines[i], i + 1));
        var header = TranscriptHeader.Read(headerLines, preamble, source, diagnostics);

        var turns = new List<RawTurn>();
        bool captions = a.Evidence.TimesOnly;
        bool blankSeparated = BlankSeparated(lines, a);

        StringBuilder? text = null;
        string? speaker = null;
        TimeSpan? start = null;
        int paragraphLine = 0;
        bool labelled = false;
        string lastLine = "";

        void Flush()
        {
            if (text is null) return;
            var t = text.ToString().Trim();
            text = null;
            if (t.Length == 0) return;
            if (captions) CaptionMarkdownReader.AddCaption(turns, t, start, paragraphLine);
            else turns.Add(new RawTurn(speaker, start, null, t, paragraphLine) { ParagraphBreak = !labelled });
        }

        for (int i = transcriptStart; i < lines.Count; i++)
        {
            var trimmed = lines[i].Trim();
            int lineNo = i + 1;
            if (trimmed.Length == 0 || TranscriptMarkers.IsFooter(trimmed))
            {
                Flush();
                continue;
            }
            if (MarkdownHeading.TryParse(trimmed, out _, out var headingTitle))
            {
                Flush();
                chapters.Add(new RawChapter(InlineMarkup.ToPlain(headingTitle), null, turns.Count, lineNo, ChapterOrigin.Heading));
                continue;
            }
            if (a.IsTurn[i])
            {
                Flush();
                var c = a.Candidates[i]!;
                if (c.Name is not null) speaker = c.Name;
                start = c.Start;
                labelled = true;
                paragraphLine = lineNo;
                text = new StringBuilder(InlineMarkup.ToPlain(c.Text));
                lastLine = c.Text;
                continue;
            }

            var plain = InlineMarkup.ToPlain(trimmed);
            if (text is not null && (text.Length == 0 || captions || blankSeparated || SoftWrapped(lastLine, trimmed)))
            {
                if (text.Length > 0) text.Append(' ');
                text.Append(plain);
            }
            else
            {
                Flush();
                start = null;
                labelled = false;
                paragraphLine = lineNo;
                text = new StringBuilder(plain);
            }
            lastLine = trimmed;
        }
        Flush();

        chapters.AddRange(header.Chapters);
        return
        [
            new RawEpisode
            {
                Source = new SourceRef(source.Path, fm?.FirstLine ?? 1),
                Metadata = Merge(metadata, header),
                Turns = turns,
                Chapters = chapters,
                Shape = captions ? TextShape.Captions : TextShape.Turns,
            },
        ];
    }

    /// <summary>A note before the first turn (an editor's note, a line on where the talk was given) has at most this many lines and words.</summary>
    private const int NoteLines = 3, NoteWords = 80;

    private static int FrontMatterBodyStart(SourceText source) =>
        source.Lines.Count - FrontMatter.BodyLines(source).Count();

    private static Analysis Analyze(SourceText source, int bodyStart, IReadOnlyList<string> knownSpeakers)
    {
        var lines = source.Lines;
        var candidates = new TurnLine?[lines.Count];
        int? firstMarker = null;
        for (int i = bodyStart; i < lines.Count; i++)
        {
            var t = lines[i].Trim();
            if (t.Length == 0) continue;
            if (TranscriptMarkers.IsMarker(t)) { firstMarker ??= i; continue; }
            if (t[0] == '#') continue;
            var c = TurnLine.Parse(t);
            if (c is not null && c.Text.Length == 0 && !FollowedByText(lines, i, c.Layout)) c = null;
            candidates[i] = c;
        }
        var evidence = TurnEvidence.Decide(candidates, knownSpeakers.ToList(), name => CountWord(source.Text, name), Opening(lines, firstMarker is { } fm ? fm + 1 : bodyStart, candidates));
        var isTurn = new bool[lines.Count];
        foreach (var i in evidence.Accepted) isTurn[i] = true;

        // The transcript starts at the first turn after the "Transcript" line; turns above it are show notes.
        int? marker = firstMarker;
        int first = -1;
        foreach (var i in evidence.Accepted)
            if (marker is null || i > marker) { first = i; break; }
        if (first < 0)
        {
            marker = null;
            first = evidence.Accepted.Count > 0 ? evidence.Accepted[0] : bodyStart;
        }
        else if (marker is { } m)
            for (int i = bodyStart; i < m; i++) isTurn[i] = false;
        return new Analysis(bodyStart, marker, first, candidates, evidence, isTurn);
    }

    /// <summary>
    /// The candidate turn line the text opens with, from <paramref name="from"/> past headings, blank
    /// lines and at most a short note; null when text or nothing comes first.
    /// </summary>
    private static int? Opening(IReadOnlyList<string> lines, int from, TurnLine?[] candidates)
    {
        int noteLines = 0, noteWords = 0;
        for (int i = from; i < lines.Count; i++)
        {
            var t = lines[i].Trim();
            if (t.Length == 0 || t[0] == '#' || TranscriptMarkers.IsMarker(t)) continue;
            if (candidates[i] is not null) return i;
            noteWords += Sentences.CountWords(t);
            if (++noteLines > NoteLines || noteWords > NoteWords) return null;
        }
        return null;
    }

    private static int CountWord(string text, string word)
    {
        int count = 0;
        for (int at = text.IndexOf(word, StringComparison.Ordinal); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.Ordinal))
            if ((at == 0 || !char.IsLetterOrDigit(text[at - 1])) && (at + word.Length == text.Length || !char.IsLetterOrDigit(text[at + word.Length])))
                count++;
        return count;
    }

    /// <summary>A label whose text is on the next lines must have text there (one blank line allowed).</summary>
    private static bool FollowedByText(IReadOnlyList<string> lines, int i, TurnLayout layout)
    {
        for (int j = i + 1, blanks = 0; j < lines.Count && blanks <= 1; j++)
        {
            var next = lines[j].Trim();
            if (next.Length == 0) { blanks++; continue; }
            if (next[0] == '#' || TranscriptMarkers.IsFooter(next)) return false;
            var c = TurnLine.Parse(next);
            return c is null
                || c.Layout == TurnLayout.NameAlone && layout != TurnLayout.NameAlone
                || c.Layout == TurnLayout.Name && c.Text.Length > 0 && layout != TurnLayout.Name;
        }
        return false;
    }

    /// <summary>Paragraphs separated by blank lines (so a single line end only wraps), or one paragraph a line.</summary>
    private static bool BlankSeparated(IReadOnlyList<string> lines, Analysis a)
    {
        int withBlank = 0, total = 0;
        foreach (var i in a.Evidence.Accepted)
        {
            if (i <= a.FirstTurn) continue;
            total++;
            if (lines[i - 1].Trim().Length == 0) withBlank++;
        }
        return total > 0 && withBlank * 2 >= total;
    }

    /// <summary>A line that continues the sentence of the line before (hard-wrapped text).</summary>
    private static bool SoftWrapped(string previous, string line) =>
        previous.Length > 0 && previous[^1] is not ('.' or '?' or '!' or '…' or ':' or '"' or '”' or ')' or '\'' or '’')
        && char.IsLower(line[0]);

    private static RawMetadata Merge(RawMetadata m, TranscriptHeader header)
    {
        var h = header.Metadata;
        return m with
        {
            Title = m.Title ?? h.Title,
            Show = m.Show ?? h.Show,
            Date = m.Date ?? h.Date,
            Duration = m.Duration ?? h.Duration,
            Speakers = m.Speakers.Concat(h.Speakers).Distinct(StringComparer.Ordinal).ToList(),
            Topics = m.Topics.Concat(h.Topics).DistinctBy(t => t.ToLowerInvariant()).ToList(),
            Summary = m.Summary ?? h.Summary,
            Description = JoinNonEmpty(m.Description, m.Summary is null ? null : h.Summary, header.Notes),
            MediaUrl = m.MediaUrl ?? h.MediaUrl,
        };
    }

    private static string? JoinNonEmpty(params string?[] parts)
    {
        var present = parts.Where(p => !string.IsNullOrWhiteSpace(p)).ToList();
        return present.Count == 0 ? null : string.Join("\n\n", present);
    }
}
