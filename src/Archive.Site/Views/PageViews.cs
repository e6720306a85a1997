namespace Archive.Site.Views;

public sealed record HomePageView(
    SiteView Site,
    IReadOnlyList<EpisodeCardView> Episodes,
    IReadOnlyList<TermView> Shows,
    IReadOnlyList<TermView> Topics);

public sealed record EpisodePageView(
    SiteView Site,
    string Title,
    string Url,
    LinkView? Show,
    string? Date,
    string? DateIso,
    string? Duration,
    string? DurationIso,
    IReadOnlyList<LinkView> Speakers,
    IReadOnlyList<LinkView> Topics,
    string? SummaryHtml,
    string? MediaUrl,
    IReadOnlyList<ChapterView> Chapters,
    IReadOnlyList<TranscriptSectionView> Sections,
    bool Truncated,
    string SourcePath);

/// <summary>A chapter: its heading id, and the time it starts when known.</summary>
public sealed record ChapterView(string Title, string Id, string? Time, string? TimeIso);

/// <summary>The paragraphs under one chapter heading (or before the first one: <see cref="Chapter"/> null).</summary>
public sealed record TranscriptSectionView(ChapterView? Chapter, IReadOnlyList<ParagraphView> Paragraphs);

/// <summary>
/// A paragraph with its own anchor: <c>t-00-12-34</c> when timed, <c>p-N</c> otherwise.
/// <see cref="ShowSpeaker"/> is true where the speaker changes, so a name is not repeated on
/// every paragraph of a monologue.
/// </summary>
public sealed record ParagraphView(
    string Id,
    string? Time,
    string? Speaker,
    string? SpeakerUrl,
    bool ShowSpeaker,
    string Text);

public sealed record TermPageView(
    SiteView Site,
    string Kind,
    string Name,
    string Url,
    string CountLabel,
    IReadOnlyList<EpisodeCardView> Episodes);

public sealed record TermIndexView(
    SiteView Site,
    string Kind,
    string Title,
    IReadOnlyList<TermView> ByName,
    IReadOnlyList<TermView> ByCount);

public sealed record SearchPageView(SiteView Site);

public sealed record NotFoundPageView(SiteView Site);
