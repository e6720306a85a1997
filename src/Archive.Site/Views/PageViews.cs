namespace Archive.Site.Views;

public sealed record HomePageView(
    SiteView Site,
    /// <summary>The newest episodes (at most <see cref="Rendering.ViewFactory.HomeEpisodes"/>).</summary>
    IReadOnlyList<EpisodeCardView> Episodes,
    /// <summary>True when there are more episodes than the home page lists.</summary>
    bool HasMoreEpisodes,
    string EpisodeCountLabel,
    IReadOnlyList<TermView> Shows,
    /// <summary>The topics with the most episodes.</summary>
    IReadOnlyList<TermView> Topics,
    /// <summary>The people heard in the most episodes.</summary>
    IReadOnlyList<TermView> People);

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
    MediaView? Media,
    IReadOnlyList<ChapterView> Chapters,
    IReadOnlyList<TranscriptSectionView> Sections,
    /// <summary>The most similar episodes by content.</summary>
    IReadOnlyList<RelatedEpisodeView> Related,
    /// <summary>The episode before this one in the same show (older), and the one after (newer).</summary>
    EpisodeLinkView? Previous,
    EpisodeLinkView? Next,
    IReadOnlyList<DownloadView> Downloads,
    bool Truncated,
    /// <summary>True when the episode has no transcript text: its page is its notes and chapters.</summary>
    bool NotesOnly,
    string SourcePath)
{
    /// <summary>True when the show has an episode before or after this one.</summary>
    public bool HasNeighbours => Previous is not null || Next is not null;
}

/// <summary>
/// The episode's audio or video. <see cref="IsAudio"/>: a media file the page can play in an
/// <c>&lt;audio&gt;</c> element; <see cref="CanSeek"/>: paragraphs link to their moment in it.
/// </summary>
public sealed record MediaView(string Url, string Label, bool IsAudio, bool CanSeek);

/// <summary>
/// A chapter: its id, and the time it starts when known. <see cref="InText"/>: it starts at a
/// paragraph and the id is its heading's; otherwise (no transcript, or <see cref="AfterCut"/>: the
/// source cut the text off before it) the id is its entry's in the chapter table.
/// </summary>
public sealed record ChapterView(string Title, string Id, string? Time, string? TimeIso, bool InText, bool AfterCut);

/// <summary>The paragraphs under one chapter heading (or before the first one: <see cref="Chapter"/> null).</summary>
public sealed record TranscriptSectionView(ChapterView? Chapter, IReadOnlyList<ParagraphView> Paragraphs);

/// <summary>
/// A paragraph with its own anchor: <c>t-00-12-34</c> when timed, <c>p-N</c> otherwise.
/// <see cref="ShowSpeaker"/> is true where the speaker changes, so a name is not repeated on
/// every paragraph of a monologue. <see cref="PlayUrl"/> opens the media at this moment.
/// <see cref="Segments"/> is the text cut where it mentions something with a page; their
/// concatenation is <see cref="Text"/>.
/// </summary>
public sealed record ParagraphView(
    string Id,
    string? Time,
    int? Seconds,
    string? PlayUrl,
    string? Speaker,
    string? SpeakerUrl,
    bool ShowSpeaker,
    string Text,
    IReadOnlyList<TextSegmentView> Segments);

/// <summary>A run of transcript text; <see cref="Url"/> set when it mentions a topic, a person or an episode.</summary>
public sealed record TextSegmentView(string Text, string? Url, string? Title);

public sealed record RelatedEpisodeView(
    string Title,
    string Url,
    string? Show,
    string? Date,
    string? DateIso,
    IReadOnlyList<LinkView> SharedTopics);

public sealed record EpisodeLinkView(string Title, string Url, string? Date, string? DateIso);

/// <summary>A file of the transcript to download: its URL, its file name and what it is.</summary>
public sealed record DownloadView(string Url, string FileName, string Label, string Format);

/// <summary>An episode in a list, with the moments in it that matter to the page listing it.</summary>
public sealed record EpisodeMomentsView(EpisodeCardView Episode, IReadOnlyList<MomentView> Moments);

/// <summary>
/// A deep link to a paragraph of an episode: <see cref="Label"/> is the chapter it is in (or a
/// word such as "Mentioned" without chapters), its time when known, and the words around what
/// was looked for (null when the paragraph itself is the point).
/// </summary>
public sealed record MomentView(string Label, string Url, string? Time, string? Excerpt);

public sealed record TopicPageView(
    SiteView Site,
    string Name,
    string Url,
    string CountLabel,
    /// <summary>The episodes on the topic on this page (newest first), each with the chapters where it comes up.</summary>
    IReadOnlyList<EpisodeMomentsView> Episodes,
    /// <summary>Topics that share the most episodes with this one.</summary>
    IReadOnlyList<TermView> RelatedTopics,
    /// <summary>Links to the other pages of the list; null when it fits on one.</summary>
    PaginationView? Pagination = null);

public sealed record PersonPageView(
    SiteView Site,
    string Name,
    string Url,
    string CountLabel,
    IReadOnlyList<TermView> Shows,
    /// <summary>The episodes they speak in on this page (newest first), each with the chapters where they speak.</summary>
    IReadOnlyList<EpisodeMomentsView> Episodes,
    IReadOnlyList<TermView> Topics,
    /// <summary>Links to the other pages of the list; null when it fits on one.</summary>
    PaginationView? Pagination = null);

/// <summary>
/// A show's page: the whole show's facts, and its episodes (newest first), or a page of them when
/// they continue over pages (<c>shows/kite-club/page/2/</c>).
/// </summary>
public sealed record ShowPageView(
    SiteView Site,
    string Name,
    /// <summary>This page's URL.</summary>
    string Url,
    string CountLabel,
    /// <summary>The show's first episode's date, and its last one's when that is another day (else null).</summary>
    string? FirstDate,
    string? LastDate,
    /// <summary>Speakers heard in most of its episodes.</summary>
    IReadOnlyList<LinkView> Hosts,
    /// <summary>This page's episodes, newest first; their cards leave out the show.</summary>
    IReadOnlyList<EpisodeCardView> Episodes,
    IReadOnlyList<TermView> Topics,
    /// <summary>The show's podcast RSS feed.</summary>
    string FeedUrl,
    /// <summary>The show's (first) page, with its newest episodes.</summary>
    string ShowUrl,
    /// <summary>When the show continues over pages, the date of this page's newest episode (null when it has none dated or the show fits on one page)…</summary>
    string? PageNewest = null,
    /// <summary>…and of its oldest, when that is another day.</summary>
    string? PageOldest = null,
    /// <summary>Links to the show's other pages; null when it fits on one.</summary>
    PaginationView? Pagination = null)
{
    /// <summary>The show's own page (the only one, or the first): the one that offers its podcast feed.</summary>
    public bool IsFirstPage => Pagination is null || Pagination.Page == 1;
}

/// <summary>
/// The index of topics, people or shows. An index of up to <see cref="Rendering.ListLimits.TermsOnOnePage"/>
/// terms lists them all in <see cref="Letters"/>; a larger one leaves <see cref="Letters"/> empty
/// and links to a page per first letter (<see cref="LetterPages"/>).
/// </summary>
public sealed record TermIndexView(
    SiteView Site,
    string Kind,
    string Title,
    string CountLabel,
    /// <summary>Every term grouped by first letter, A–Z (slugs starting with a digit under <c>0–9</c>); empty when the letters have their own pages.</summary>
    IReadOnlyList<LetterGroupView> Letters,
    /// <summary>The terms with the most episodes, most first (at most <see cref="Rendering.ListLimits.TermsByCount"/>).</summary>
    IReadOnlyList<TermView> ByCount,
    /// <summary>True when <see cref="ByCount"/> holds every term.</summary>
    bool ByCountComplete,
    /// <summary>A page per first letter (<c>Name</c> the letter, <c>Count</c> its terms); empty when every term is on this page.</summary>
    IReadOnlyList<TermView> LetterPages);

public sealed record LetterGroupView(string Letter, string Id, IReadOnlyList<TermView> Terms);

/// <summary>The terms of a large index under one first letter (<c>topics/a-z/c/</c>, then <c>page/2/</c>… when they are many), A–Z.</summary>
public sealed record TermLetterPageView(
    SiteView Site,
    string Kind,
    /// <summary>The index's title ("Topics") and URL.</summary>
    string IndexTitle,
    string IndexUrl,
    string Letter,
    string Url,
    string CountLabel,
    /// <summary>Every letter's first page, this one's without a URL.</summary>
    IReadOnlyList<LinkView> Letters,
    /// <summary>This page's terms, A–Z.</summary>
    IReadOnlyList<TermView> Terms,
    /// <summary>When the letter continues over several pages: each page named by its first and last term, this one's without a URL; else empty.</summary>
    IReadOnlyList<LinkView> Parts);

/// <summary>
/// Every episode by year and month, newest first; undated ones last. An archive of up to
/// <see cref="Rendering.ListLimits.ArchiveOnOnePage"/> episodes has them all here; a larger one
/// has a page per year (<see cref="YearPages"/>) and shows the newest months (<see cref="Newest"/>).
/// </summary>
public sealed record EpisodeArchiveView(
    SiteView Site,
    string CountLabel,
    /// <summary>Every dated episode by year; empty when years have their own pages.</summary>
    IReadOnlyList<YearView> Years,
    /// <summary>The undated episodes; empty when years have their own pages.</summary>
    IReadOnlyList<EpisodeCardView> Undated,
    /// <summary>A page per year, newest first, then the undated; empty when every episode is on this page.</summary>
    IReadOnlyList<YearLinkView> YearPages,
    /// <summary>The newest whole months when years have their own pages; else empty.</summary>
    IReadOnlyList<MonthView> Newest,
    /// <summary>The page of the newest year, where <see cref="Newest"/> continues; null when every episode is on this page.</summary>
    LinkView? NewestYear);

/// <summary>A link to a year's page of the archive (<see cref="Year"/> "2017" or "Undated") and how many episodes it has.</summary>
public sealed record YearLinkView(string Year, string Url, string CountLabel);

public sealed record YearView(string Year, string Id, string CountLabel, IReadOnlyList<MonthView> Months);

/// <summary>
/// A month's episodes: <see cref="Name"/> "March 2017", <see cref="Short"/> "Mar".
/// <see cref="Continued"/> when the month began on the page before (a year's page break cut it).
/// </summary>
public sealed record MonthView(string Name, string Id, string Short, IReadOnlyList<EpisodeCardView> Episodes, bool Continued = false);

/// <summary>
/// One year's episodes by month, newest first (<c>archive/2017/</c>), or the undated ones
/// (<c>archive/undated/</c>); a page of them when they continue over pages (<c>archive/2017/page/2/</c>).
/// </summary>
public sealed record ArchiveYearPageView(
    SiteView Site,
    string Title,
    string Url,
    string CountLabel,
    /// <summary>Every year's page, newest first, then the undated; this one's without a URL.</summary>
    IReadOnlyList<LinkView> Years,
    /// <summary>Every month of the year, newest first, named short ("Mar") and linking to its heading on the page where it begins (<c>#y2017-03</c> when that is this page); empty on the undated page.</summary>
    IReadOnlyList<LinkView> MonthLinks,
    /// <summary>This page's months, newest first; empty on the undated page.</summary>
    IReadOnlyList<MonthView> Months,
    /// <summary>The undated page's episodes on this page; empty on a year's page.</summary>
    IReadOnlyList<EpisodeCardView> Undated,
    /// <summary>The next year's page (or null), and the year before's (or the undated page, or null).</summary>
    LinkView? Newer,
    LinkView? Older,
    /// <summary>Links to the year's other pages; null when it fits on one.</summary>
    PaginationView? Pagination = null)
{
    public bool HasNeighbours => Newer is not null || Older is not null;
}

/// <summary>
/// The search page. <see cref="BundleUrl"/> is Pagefind's primary bundle; <see cref="IndexesJson"/>
/// lists every search index of the site, newest first, as JSON <c>[{"name":"2025","url":"/pagefind/"}, …]</c>
/// (the first is the primary bundle, the others are merged into it). <see cref="CommonWordsJson"/>
/// lists words a query leaves out (a JSON array; empty for languages without a list).
/// </summary>
public sealed record SearchPageView(SiteView Site, string BundleUrl, string IndexesJson, string CommonWordsJson);

public sealed record NotFoundPageView(SiteView Site);

/// <summary>
/// Where a list of episodes continues: this page and the number of pages, the newer and older
/// pages, and numbered links (the first, the last and those near this one; a gap between is
/// <see cref="PageLinkView.Gap"/>).
/// </summary>
public sealed record PaginationView(int Page, int Pages, string? NewerUrl, string? OlderUrl, IReadOnlyList<PageLinkView> Links);

/// <summary>A numbered page link; <see cref="Current"/> for the page shown, <see cref="Gap"/> for "…".</summary>
public sealed record PageLinkView(int Number, string? Url, bool Current, bool Gap);
