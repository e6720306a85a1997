using System.Text;
using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Text;

namespace Archive.Core.Reading;

/// <summary>
/// The fallback for text no other reader claims: prose without speakers or times, often one long
/// paragraph. Paragraphs are kept (lines inside one are joined) and long ones are split into
/// paragraphs of a few sentences by the normalizer. A <c># Heading</c> or show notes above a
/// <c>Transcript</c> line give the metadata; otherwise the title comes from the file name.
/// A warning says what was missing.
/// </summary>
public sealed class PlainTextReader : ITranscriptReader
{
    public string Format => "plain-text";

    /// <summary>The lowest score there is: any text at all, unless it is data in a format of its own.</summary>
    public int Detect(SourceText source)
    {
        var head = source.Head(512);
        if (head.Length == 0 || head[0] is '{' or '<') return 0;
        if (head[0] == '[' && head[1..].TrimStart() is [ '{' or '[' or '"' or ']', .. ]) return 0;
        if (head.StartsWith("WEBVTT", StringComparison.Ordinal)) return 0;
        foreach (var c in head) if (char.IsLetter(c)) return 1;
        return 0;
    }

    public IReadOnlyList<RawEpisode> Read(SourceText source, DiagnosticBag diagnostics)
    {
        var lines = source.Lines;
        int marker = -1;
        for (int i = 0; i < lines.Count && marker < 0; i++)
            if (TranscriptMarkers.IsMarker(lines[i])) marker = i;

        var metadata = new RawMetadata();
        var chapters = new List<RawChapter>();
        int start = 0;
        if (marker >= 0)
        {
            var header = TranscriptHeader.Read(lines.Take(marker).Select((l, i) => (l, i + 1)).ToList(), [], source, diagnostics);
            metadata = header.Metadata;
            chapters.AddRange(header.Chapters);
            start = marker + 1;
        }

        var turns = new List<RawTurn>();
        StringBuilder? paragraph = null;
        int paragraphLine = 0;
        void Flush()
        {
            if (paragraph is { Length: > 0 }) turns.Add(new RawTurn(null, null, null, paragraph.ToString(), paragraphLine) { ParagraphBreak = true });
            paragraph = null;
        }
        for (int i = start; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0 || TranscriptMarkers.IsFooter(line)) { Flush(); continue; }
            if (MarkdownHeading.TryParse(line, out int level, out var heading))
            {
                Flush();
                var title = InlineMarkup.ToPlain(heading);
                if (level == 1 && turns.Count == 0 && metadata.Title is null) metadata = metadata with { Title = title };
                else chapters.Add(new RawChapter(title, null, turns.Count, i + 1, ChapterOrigin.Heading));
                continue;
            }
            if (paragraph is null) { paragraph = new StringBuilder(); paragraphLine = i + 1; }
            else paragraph.Append(' ');
            paragraph.Append(InlineMarkup.ToPlain(line));
        }
        Flush();

        // Say what was missing, and where the title came from.
        bool untitled = metadata.Title is null;
        var fromName = untitled ? FileNameTitle.From(source.Stem) : null;
        if (fromName is not null) metadata = metadata with { Title = fromName };
        diagnostics.Warn(source.Path, turns.Count > 0 ? turns[0].Line : 1,
            $"plain text without speakers{(untitled ? ", times or a title" : " or times")}: read as paragraphs of a few sentences" +
            (fromName is not null ? $", titled \"{fromName}\" after the file name" : ""));

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
}
