using Archive.Core.Model;

namespace Archive.Core.Reading;

/// <summary>
/// What a reader found in its input, before normalization: metadata as given, turns as given,
/// chapters as given. Readers never guess; the normalizer does.
/// </summary>
public sealed record RawEpisode
{
    public required SourceRef Source { get; init; }
    public RawMetadata Metadata { get; init; } = new();
    public IReadOnlyList<RawTurn> Turns { get; init; } = [];
    public IReadOnlyList<RawChapter> Chapters { get; init; } = [];
    public TextShape Shape { get; init; } = TextShape.Turns;
    public bool Truncated { get; init; }
}

/// <summary>How much of the paragraph structure the input already carries.</summary>
public enum TextShape
{
    /// <summary>The archive's own format: paragraphs are kept exactly as written.</summary>
    Exact,
    /// <summary>Speaker turns written by people: kept, but overlong monologues are split.</summary>
    Turns,
    /// <summary>Caption fragments: joined into sentences, then grouped into paragraphs.</summary>
    Captions,
}

public sealed record RawMetadata
{
    public string? Title { get; init; }
    public string? Show { get; init; }
    public DateOnly? Date { get; init; }
    public TimeSpan? Duration { get; init; }
    public IReadOnlyList<string> Speakers { get; init; } = [];
    public IReadOnlyList<string> Topics { get; init; } = [];
    public string? Summary { get; init; }
    public string? MediaUrl { get; init; }
    public string? Slug { get; init; }
    /// <summary>Free text around the transcript (show notes), where chapter lists and dates hide.</summary>
    public string? Description { get; init; }
    /// <summary>Chapter titles without times, placed where the transcript reaches them.</summary>
    public IReadOnlyList<string> Highlights { get; init; } = [];
}

/// <summary>
/// One unit of speech as the input gives it: a caption cue, a labelled turn, a paragraph.
/// <see cref="SpeakerChange"/> marks a new speaker whose name the input does not give
/// (<c>&gt;&gt;</c> in captions, a leading <c>- </c> in speech-to-text dumps).
/// </summary>
public sealed record RawTurn(string? Speaker, TimeSpan? Start, TimeSpan? End, string Text, int Line)
{
    public bool SpeakerChange { get; init; }
    /// <summary>True when this turn starts a new paragraph even for the same speaker.</summary>
    public bool ParagraphBreak { get; init; }
}

/// <summary>Where a chapter came from; the normalizer trusts them in this order.</summary>
public enum ChapterOrigin
{
    /// <summary>Chapter data given as such: front matter, a chapters sidecar.</summary>
    Explicit,
    /// <summary>A chapter list in the show notes.</summary>
    Description,
    /// <summary>A heading in the transcript body.</summary>
    Heading,
    /// <summary>A title without a time, placed where the transcript reaches it.</summary>
    Highlight,
}

/// <summary>
/// A chapter as found. <see cref="TurnIndex"/> is set when the input places the chapter in the
/// text (a heading before a turn); <see cref="Start"/> when it gives a time.
/// </summary>
public sealed record RawChapter(string Title, TimeSpan? Start, int? TurnIndex, int Line, ChapterOrigin Origin);
