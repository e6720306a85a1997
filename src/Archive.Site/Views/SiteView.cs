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
    string TopicsUrl,
    string PeopleUrl,
    string ShowsUrl,
    string StylesheetUrl,
    string ScriptUrl,
    string Generator,
    /// <summary>False when the site was built without its Pagefind index (<c>--no-search</c>).</summary>
    bool HasSearch);

/// <summary>What the layout template receives: the page's rendered body and its head fields.</summary>
public sealed record LayoutView(
    SiteView Site,
    string Title,
    string Description,
    string? CanonicalUrl,
    string Content,
    string PageKind,
    bool IsSearchPage);

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

public sealed record TermView(string Name, string Url, int Count);
