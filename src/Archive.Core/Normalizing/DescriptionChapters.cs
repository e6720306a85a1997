using Archive.Core.Reading;
using Archive.Core.Text;

namespace Archive.Core.Normalizing;

/// <summary>
/// Chapter lists written into an episode's description or summary (<c>Chapters: 00:00 – Intro …</c>),
/// for readers that pass show notes on as they found them.
/// </summary>
public static class DescriptionChapters
{
    /// <summary>
    /// The episode with the chapter list of its description or summary added (unless it already has
    /// chapters as trusted), and the list taken out of the summary.
    /// </summary>
    public static RawEpisode Apply(RawEpisode raw)
    {
        var meta = raw.Metadata;

        if (!raw.Chapters.Any(c => c.Origin is ChapterOrigin.Explicit or ChapterOrigin.Description))
        {
            var fromDescription = ChapterListParser.Find(meta.Description, Boilerplate.NextStart);
            var fromSummary = fromDescription is null ? ChapterListParser.Find(meta.Summary, Boilerplate.NextStart) : null;
            if ((fromDescription ?? fromSummary) is { } list)
            {
                var chapters = list.Entries.Select(e => new RawChapter(e.Title, e.Start, null, raw.Source.Line, ChapterOrigin.Description));
                raw = raw with { Chapters = [.. raw.Chapters, .. chapters] };
                if (fromSummary is not null)
                {
                    // The list is shown as the chapter table; the summary keeps the rest.
                    var rest = (meta.Summary![..list.Start].TrimEnd() + "\n\n" + meta.Summary[list.End..].TrimStart()).Trim();
                    meta = meta with { Summary = rest.Length == 0 ? null : rest };
                }
            }
        }
        return ReferenceEquals(meta, raw.Metadata) ? raw : raw with { Metadata = meta };
    }
}
