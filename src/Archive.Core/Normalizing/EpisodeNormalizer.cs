using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Reading;
using Archive.Core.Text;

namespace Archive.Core.Normalizing;

/// <summary>
/// Turns what a reader found into an <see cref="Episode"/>: paragraphs by speaker with their
/// times, chapters placed in the text, metadata filled in where the text allows. Stateless.
/// </summary>
public static class EpisodeNormalizer
{
    public static Episode Normalize(RawEpisode raw, DiagnosticBag diagnostics)
    {
        raw = DescriptionChapters.Apply(raw);
        var path = raw.Source.Path;
        var meta = raw.Metadata;
        var chapterSource = ChooseChapters(raw.Chapters.Concat(
            meta.Highlights.Select(h => new RawChapter(h, null, null, raw.Source.Line, ChapterOrigin.Highlight))).ToList());
        var breakTimes = chapterSource.Where(c => c.Start is not null).Select(c => c.Start!.Value).Order().ToList();

        var (paragraphs, turnToParagraph, paragraphLines) = BuildParagraphs(raw, breakTimes);
        paragraphs = RepairTimes(paragraphs, paragraphLines, path, diagnostics);

        var names = SpeakerNames.For(meta.Speakers, paragraphs);
        paragraphs = names.Apply(paragraphs);
        var speakers = new List<string>();
        foreach (var s in meta.Speakers.Select(names.Of).Concat(paragraphs.Select(p => p.Speaker)))
            if (s is not null && !speakers.Contains(s, StringComparer.Ordinal)) speakers.Add(s);

        // Highlights are placed by their words; so are timed chapters of a whole transcript without
        // times, when all their words are found in it.
        bool byWords = chapterSource.All(c => c.TurnIndex is null) && paragraphs.All(p => p.Start is null);
        var chapters = paragraphs.Count == 0 || chapterSource.Count == 0 ? PlaceChapters(chapterSource, paragraphs, turnToParagraph, raw.Truncated, path, diagnostics)
            : chapterSource[0].Origin == ChapterOrigin.Highlight ? ChapterMatcher.PlaceByWords(chapterSource, paragraphs, path, diagnostics)
            : byWords && !raw.Truncated && ChapterMatcher.PlaceIfFound(chapterSource, paragraphs) is { } found ? found
            // Cut off by its source: the chapters the kept text reaches are placed by their words, the rest listed as not reached.
            : byWords && raw.Truncated && ChapterMatcher.PlaceBeforeCut(chapterSource, paragraphs) is { } cut ? ReportCut(cut, chapterSource, path, diagnostics)
            : PlaceChapters(chapterSource, paragraphs, turnToParagraph, raw.Truncated, path, diagnostics);
        // A long transcript that offers no chapters at all gets some; the archive's own format is read as written.
        if (chapters.Count == 0 && chapterSource.Count == 0 && raw.Shape != TextShape.Exact)
            chapters = GeneratedChapters.For(paragraphs);

        var title = meta.Title is { } given ? TitleText.Clean(given) : null;
        if (string.IsNullOrEmpty(title))
        {
            if (TitleText.FromTranscript(paragraphs.Take(8).Select(p => p.Text).ToList()) is { } derived)
            {
                title = derived.Title;
                diagnostics.Warn(path, raw.Source.Line, derived.Source == TitleText.Source.Announcement
                    ? $"no title; using what the opening says the episode is about: \"{title}\""
                    : $"no title; using the first sentence: \"{title}\"");
            }
            else
            {
                var stem = Path.GetFileNameWithoutExtension(raw.Source.Path);
                title = FileNameTitle.From(stem) ?? (stem.Length > 0 ? stem : "Untitled");
                diagnostics.Warn(path, raw.Source.Line, $"no title and no text to take one from; using the file name \"{title}\"");
            }
        }

        // The last time the transcript mentions: a cue's end, else the last start.
        TimeSpan? lastTime = paragraphs.Select(p => p.Start).LastOrDefault(t => t is not null);
        foreach (var t in raw.Turns) lastTime = Max(lastTime, Max(t.Start, t.End));
        // A transcript cut off by its source ends before the recording does.
        TimeSpan? duration = meta.Duration ?? (raw.Truncated ? null : lastTime);

        return new Episode
        {
            Title = title,
            Show = meta.Show,
            Date = meta.Date ?? DateParser.FindRecordingDate(meta.Description) ?? DateParser.FindRecordingDate(meta.Summary)
                ?? DateParser.FindRecordingDate(string.Join("\n", paragraphs.Take(3).Select(p => p.Text))),
            Duration = duration,
            Speakers = speakers,
            Topics = meta.Topics.Select(t => t.Trim()).Where(t => t.Length > 0).DistinctBy(t => t.ToLowerInvariant()).ToList(),
            Summary = string.IsNullOrWhiteSpace(meta.Summary) ? null : meta.Summary.Trim(),
            MediaUrl = meta.MediaUrl,
            Chapters = chapters,
            Paragraphs = paragraphs,
            Source = raw.Source,
            Truncated = raw.Truncated,
            RequestedSlug = meta.Slug,
        };
    }

    private static IReadOnlyList<Chapter> ReportCut(CutPlacement cut, List<RawChapter> raw, string path, DiagnosticBag diagnostics)
    {
        int after = raw.Count - cut.Reached;
        if (after > 0)
            diagnostics.Warn(path, raw[cut.Reached].Line,
                $"the transcript has no times and is cut off at about {Timecode.Format(cut.Reach)} (at the {cut.WordsPerMinute:0} words a minute its chapters show); " +
                (after == 1 ? $"its last chapter, \"{raw[cut.Reached].Title}\" at {Timecode.Format(raw[cut.Reached].Start!.Value)}, is" :
                    $"its last {after} chapters, from \"{raw[cut.Reached].Title}\" at {Timecode.Format(raw[cut.Reached].Start!.Value)}, are") +
                " not reached and listed without a place in the text");
        return cut.Chapters;
    }

    private static TimeSpan? Max(TimeSpan? a, TimeSpan? b) =>
        a is null ? b : b is null ? a : (a > b ? a : b);

    /// <summary>Chapters from the most trusted origin the input offers.</summary>
    private static List<RawChapter> ChooseChapters(IReadOnlyList<RawChapter> chapters)
    {
        foreach (var origin in Enum.GetValues<ChapterOrigin>())
        {
            var group = chapters.Where(c => c.Origin == origin).ToList();
            if (group.Count > 0) return group;
        }
        return [];
    }

    private static (List<Paragraph> Paragraphs, int[] TurnToParagraph, List<int> Lines) BuildParagraphs(RawEpisode raw, List<TimeSpan> breakTimes)
    {
        var paragraphs = new List<Paragraph>();
        var lines = new List<int>();
        var turnToParagraph = new int[raw.Turns.Count];

        if (raw.Shape == TextShape.Exact)
        {
            for (int i = 0; i < raw.Turns.Count; i++)
            {
                var t = raw.Turns[i];
                turnToParagraph[i] = paragraphs.Count;
                paragraphs.Add(new Paragraph(t.Speaker, t.Start, t.Text));
                lines.Add(t.Line);
            }
            return (paragraphs, turnToParagraph, lines);
        }

        // Runs of turns by one speaker: a caption run is joined into sentences, a long turn is split.
        int runStart = 0;
        string? runSpeaker = null;
        for (int i = 0; i < raw.Turns.Count; i++)
        {
            var t = raw.Turns[i];
            if (i > runStart && StartsNewRun(t, runSpeaker, raw.Shape))
            {
                EmitRun(raw, runStart, i, runSpeaker, breakTimes, paragraphs, lines, turnToParagraph);
                runStart = i;
            }
            if (i == runStart) runSpeaker = t.Speaker ?? (t.SpeakerChange ? null : runSpeaker);
        }
        EmitRun(raw, runStart, raw.Turns.Count, runSpeaker, breakTimes, paragraphs, lines, turnToParagraph);
        return (paragraphs, turnToParagraph, lines);
    }

    private static bool StartsNewRun(RawTurn turn, string? runSpeaker, TextShape shape) =>
        shape == TextShape.Turns
        || turn.SpeakerChange
        || turn.ParagraphBreak
        || (turn.Speaker is not null && !string.Equals(turn.Speaker, runSpeaker, StringComparison.Ordinal));

    private static void EmitRun(RawEpisode raw, int from, int to, string? speaker, List<TimeSpan> breakTimes,
        List<Paragraph> paragraphs, List<int> lines, int[] turnToParagraph)
    {
        if (to <= from) return;
        var fragments = new List<TimedFragment>(to - from);
        for (int i = from; i < to; i++)
            fragments.Add(new TimedFragment(NoiseFilter.Clean(raw.Turns[i].Text), raw.Turns[i].Start));

        // A turn written by a person stays whole unless it is a monologue too long to read as one paragraph.
        List<BuiltParagraph> built = raw.Shape == TextShape.Turns && fragments.Count == 1
            && Sentences.CountWords(fragments[0].Text) <= ParagraphBuilder.MaxWords
            ? fragments[0].Text.Length == 0 ? [] : [new BuiltParagraph(fragments[0].Start, fragments[0].Text, 0)]
            : ParagraphBuilder.Build(fragments, breakTimes);

        int first = paragraphs.Count;
        foreach (var b in built)
        {
            paragraphs.Add(new Paragraph(speaker, b.Start, b.Text));
            lines.Add(raw.Turns[from + b.FirstFragment].Line);
        }
        // Each turn belongs to the last paragraph that starts at or before it; an all-noise run
        // belongs to whatever paragraph comes next.
        int p = 0;
        for (int i = from; i < to; i++)
        {
            while (p + 1 < built.Count && built[p + 1].FirstFragment <= i - from) p++;
            turnToParagraph[i] = first + (built.Count == 0 ? 0 : p);
        }
    }

    /// <summary>Times must not run backwards: a paragraph earlier than the one before it takes that one's time.</summary>
    private static List<Paragraph> RepairTimes(List<Paragraph> paragraphs, List<int> lines, string path, DiagnosticBag diagnostics)
    {
        TimeSpan? last = null;
        int repaired = 0, firstLine = 0;
        TimeSpan firstFrom = default, firstTo = default;
        var result = new List<Paragraph>(paragraphs.Count);
        for (int i = 0; i < paragraphs.Count; i++)
        {
            var p = paragraphs[i];
            if (p.Start is { } t && last is { } l && t < l)
            {
                if (repaired++ == 0) { firstLine = lines[i]; firstFrom = t; firstTo = l; }
                p = p with { Start = l };
            }
            if (p.Start is not null) last = p.Start;
            result.Add(p);
        }
        if (repaired > 0)
            diagnostics.Warn(path, firstLine,
                $"time {Timecode.FormatPrecise(firstFrom)} runs backwards (after {Timecode.FormatPrecise(firstTo)}); " +
                $"{repaired} paragraph time{(repaired == 1 ? "" : "s")} moved forward to keep the order");
        return result;
    }

    private static List<Chapter> PlaceChapters(List<RawChapter> raw, List<Paragraph> paragraphs, int[] turnToParagraph, bool truncated, string path, DiagnosticBag diagnostics)
    {
        var placed = new List<Chapter>();
        // Show notes without a transcript still list their chapters, as headings without text.
        if (paragraphs.Count == 0)
            return raw.Where(c => c.Start is not null).Select(c => new Chapter(TitleText.Clean(c.Title), c.Start, 0)).ToList();
        var lastTime = paragraphs.Select(p => p.Start).LastOrDefault(t => t is not null);
        var untimed = new List<Chapter>();
        foreach (var c in raw)
        {
            int? index = null;
            if (c.TurnIndex is { } ti)
                index = ti < turnToParagraph.Length ? turnToParagraph[ti] : paragraphs.Count;
            else if (c.Start is { } start)
            {
                if (truncated && lastTime is { } cut && start > cut)
                {
                    // The text was cut off before this chapter: it stays in the list, after the last paragraph.
                    placed.Add(new Chapter(TitleText.Clean(c.Title), start, paragraphs.Count));
                    continue;
                }
                if (lastTime is { } lt && start > lt + TimeSpan.FromSeconds(30))
                {
                    diagnostics.Warn(path, c.Line, $"chapter \"{c.Title}\" at {Timecode.Format(start)} is after the transcript ends ({Timecode.Format(lt)}); it was left out");
                    continue;
                }
                index = FirstParagraphAt(paragraphs, start);
                if (index is null && lastTime is null)
                {
                    // An untimed transcript gives the time no place; the chapter stays listed, after the text.
                    untimed.Add(new Chapter(TitleText.Clean(c.Title), start, paragraphs.Count));
                    continue;
                }
            }
            if (index is null)
            {
                diagnostics.Warn(path, c.Line, $"chapter \"{c.Title}\" has no time and no place in the text; it was left out");
                continue;
            }
            if (index >= paragraphs.Count)
            {
                diagnostics.Warn(path, c.Line, $"chapter \"{c.Title}\" comes after the last paragraph; it was left out");
                continue;
            }
            placed.Add(new Chapter(TitleText.Clean(c.Title), c.Start ?? paragraphs[index.Value].Start, index.Value));
        }
        if (untimed.Count > 0)
            diagnostics.Warn(path, raw[0].Line,
                $"the transcript has no times, so its {untimed.Count} timed chapter{(untimed.Count == 1 ? "" : "s")} cannot be placed in the text; they are listed after it");
        return placed.OrderBy(c => c.FirstParagraph).ThenBy(c => c.Start ?? TimeSpan.Zero).Concat(untimed).ToList();
    }

    /// <summary>The first paragraph that starts at or after the time (a second early counts).</summary>
    private static int? FirstParagraphAt(List<Paragraph> paragraphs, TimeSpan time)
    {
        int? lastTimed = null;
        for (int i = 0; i < paragraphs.Count; i++)
        {
            if (paragraphs[i].Start is not { } s) continue;
            if (s + TimeSpan.FromSeconds(1) >= time) return i;
            lastTimed = i;
        }
        return lastTimed is null ? null : paragraphs.Count - 1;
    }
}
