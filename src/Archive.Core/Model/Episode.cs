namespace Archive.Core.Model;

/// <summary>
/// One normalized episode: what every reader's output becomes and what the site is built from.
/// Immutable; the list properties are never mutated after construction.
/// </summary>
public sealed record Episode
{
    public required string Title { get; init; }
    public string? Show { get; init; }
    public DateOnly? Date { get; init; }
    /// <summary>Known length of the recording, from metadata or from the last time in the transcript.</summary>
    public TimeSpan? Duration { get; init; }
    /// <summary>Speaker names in order of first appearance (generic labels included, as shown).</summary>
    public IReadOnlyList<string> Speakers { get; init; } = [];
    public IReadOnlyList<string> Topics { get; init; } = [];
    /// <summary>Markdown; rendered without raw HTML.</summary>
    public string? Summary { get; init; }
    public string? MediaUrl { get; init; }
    public IReadOnlyList<Chapter> Chapters { get; init; } = [];
    public IReadOnlyList<Paragraph> Paragraphs { get; init; } = [];
    /// <summary>Where the episode came from: the file and the line it starts on.</summary>
    public required SourceRef Source { get; init; }
    /// <summary>True when the source cut the text off (for example a 65,535-byte line).</summary>
    public bool Truncated { get; init; }
    /// <summary>A slug asked for by the input (front matter or sidecar); the enrich stage makes it unique.</summary>
    public string? RequestedSlug { get; init; }
}

/// <summary>A paragraph of the transcript, spoken by one speaker.</summary>
public sealed record Paragraph(string? Speaker, TimeSpan? Start, string Text);

/// <summary>
/// A chapter starts at a paragraph. <see cref="Start"/> is the chapter's own time when the input
/// gave one; it may precede its first paragraph's time.
/// </summary>
public sealed record Chapter(string Title, TimeSpan? Start, int FirstParagraph);

/// <summary>A position in an input file, for messages and for "which line did this come from".</summary>
public sealed record SourceRef(string Path, int Line)
{
    public override string ToString() => $"{Path}:{Line}";
}
