namespace Archive.Site.Views;

// View records: what templates see, made for them from the loaded archive. Templates never see
// the domain model, so the model can change without breaking themes.

/// <summary>Site-wide values every template can reach as <c>{{Site.…}}</c>.</summary>
public sealed record SiteView(
    string Title,
    string? Description,
    string Base,
    string Language,
    string HomeUrl,
    string SearchUrl,
    /// <summary>Every episode by year and month.</summary>
    string ArchiveUrl,
    string TopicsUrl,
    string PeopleUrl,
    string ShowsUrl,
    string StylesheetUrl,
    string ScriptUrl,
    string Generator,
    /// <summary>False when the site was built without its Pagefind index (<c>--no-search</c>).</summary>
    bool HasSearch,
    /// <summary>The Atom feed of the newest episodes.</summary>
    string FeedUrl);

/// <summary>What the layout template receives: the page's rendered body and its head fields.</summary>
public sealed record LayoutView(
    SiteView Site,
    /// <summary>The whole <c>&lt;title&gt;</c>: the page's title and the site's.</summary>
    string Title,
    /// <summary>The page's own title, for OpenGraph.</summary>
    string PageTitle,
    string Description,
    /// <summary>Absolute when the archive has a site URL (<c>url:</c> in archive.yml), else root-relative.</summary>
    string CanonicalUrl,
    /// <summary>True when <see cref="CanonicalUrl"/> is absolute (OpenGraph wants absolute URLs).</summary>
    bool HasAbsoluteUrl,
    /// <summary>OpenGraph type: <c>website</c>, <c>article</c> or <c>profile</c>.</summary>
    string OpenGraphType,
    /// <summary>JSON-LD for the page, already escaped for a <c>&lt;script&gt;</c> element; null for none.</summary>
    string? JsonLd,
    string Content,
    string PageKind,
    bool IsSearchPage,
    /// <summary>The podcast feed of the page's show (show and episode pages); null for none.</summary>
    LinkView? PodcastFeed = null);

public sealed record LinkView(string Name, string? Url);

public sealed record EpisodeCardView(
    string Title,
    string Url,
    string? Show,
    string? ShowUrl,
    string? Date,
    string? DateIso,
    string? Duration,
    IReadOnlyList<LinkView> Speakers,
    string? Excerpt);

/// <summary>A topic, person or show in a list: its name, page and number of episodes.</summary>
public sealed record TermView(string Name, string Url, int Count);
