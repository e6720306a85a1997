using Archive.Core.Diagnostics;

namespace Archive.Core.Reading;

/// <summary>
/// One input format. Readers are listed in <see cref="TranscriptReaders"/>; adding a format is
/// adding a class there.
/// </summary>
public interface ITranscriptReader
{
    /// <summary>Short name shown by <c>archive check</c>, e.g. <c>webvtt</c>.</summary>
    string Format { get; }

    /// <summary>
    /// How sure the reader is that the content is its format: 0 (not at all) to 100 (certain).
    /// Decided from the content; the extension may only break ties.
    /// </summary>
    int Detect(SourceText source);

    /// <summary>
    /// Reads the episodes in the source. Problems go to <paramref name="diagnostics"/> with their
    /// line; a reader never throws on bad input.
    /// </summary>
    IReadOnlyList<RawEpisode> Read(SourceText source, DiagnosticBag diagnostics);
}
