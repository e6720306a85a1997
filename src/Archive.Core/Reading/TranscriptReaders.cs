namespace Archive.Core.Reading;

/// <summary>
/// Every input format the archive reads, in one list. Detection asks each reader how sure it is
/// of the content and takes the surest; on a tie, the one listed first.
/// </summary>
public static class TranscriptReaders
{
    public static IReadOnlyList<ITranscriptReader> All { get; } =
    [
        new CanonicalMarkdownReader(),
        new CaptionMarkdownReader(),
        new WebVttReader(),
        new SrtReader(),
        new PodcastTranscriptJsonReader(),
        new SpeechJsonReader(),
        new SpeechToTextTextReader(),
        new LabelledTextReader(),
        new PlainTextReader(),
        new HtmlTranscriptReader(),
        new TimedTextXmlReader(),
        new ListingReader(),
    ];

    /// <summary>The reader for this content, or null when no reader recognizes it.</summary>
    public static ITranscriptReader? Detect(SourceText source, IReadOnlyList<ITranscriptReader>? readers = null)
    {
        ITranscriptReader? best = null;
        int bestScore = 0;
        foreach (var reader in readers ?? All)
        {
            int score = reader.Detect(source);
            if (score > bestScore)
            {
                best = reader;
                bestScore = score;
            }
        }
        return best;
    }
}
