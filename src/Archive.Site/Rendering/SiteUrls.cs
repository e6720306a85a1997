namespace Archive.Site.Rendering;

/// <summary>
/// Every URL and output path of the site, in one place. URLs are folders with an index.html and
/// carry the base path, so the site works under a GitHub Pages project path.
/// </summary>
public sealed class SiteUrls(string baseUrl)
{
    public string Base { get; } = baseUrl;

    public string Home => Base;
    public string Search => Base + "search/";
    /// <summary>Every episode by year and month.</summary>
    public string Archive => Base + "archive/";
    /// <summary>A year's episodes, when the archive is too large for one page (<see cref="ListLimits.ArchiveOnOnePage"/>).</summary>
    public string ArchiveYear(int year) => Archive + year.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";
    /// <summary>The episodes without a date, when the archive is too large for one page.</summary>
    public string ArchiveUndated => Archive + "undated/";
    public string Topics => Base + "topics/";
    public string People => Base + "people/";
    public string Shows => Base + "shows/";
    /// <summary>The Atom feed of the newest episodes.</summary>
    public string Feed => Base + "feed.xml";
    /// <summary>A show's podcast RSS feed.</summary>
    public string ShowFeed(string slug) => Show(slug) + "podcast.xml";
    public string Sitemap => Base + "sitemap.xml";
    public string Asset(string name) => Base + "assets/" + name;
    public string Episode(string slug) => Base + "episodes/" + slug + "/";
    public string Topic(string slug) => Base + "topics/" + slug + "/";
    public string Person(string slug) => Base + "people/" + slug + "/";
    public string Show(string slug) => Base + "shows/" + slug + "/";
    /// <summary>
    /// The terms of an index (<paramref name="indexUrl"/>: <c>topics/</c>…) under one first letter,
    /// when the index is too large for one page: <c>topics/a-z/c/</c>, <c>topics/a-z/0-9/</c>. Two
    /// folders deep with a second one other than <c>page</c>, so it is never a term's page, whatever the slug.
    /// </summary>
    public static string LetterPage(string indexUrl, string letterKey) => indexUrl + "a-z/" + letterKey + "/";
    /// <summary>Page <paramref name="page"/> of a list that continues over several pages: the list's own URL first, then <c>page/2/</c>…</summary>
    public static string ListPage(string listUrl, int page) => page <= 1 ? listUrl : listUrl + "page/" + page.ToString(System.Globalization.CultureInfo.InvariantCulture) + "/";

    /// <summary>
    /// A download of an episode, in its folder and named after it (<c>episodes/x/x.vtt</c>), so a
    /// downloaded file says what it is. <paramref name="suffix"/> is <c>.vtt</c>, <c>.chapters.json</c>…
    /// </summary>
    public string EpisodeFile(string slug, string suffix) => Episode(slug) + slug + suffix;

    /// <summary>The output file for a page URL: <c>/base/episodes/x/</c> → <c>episodes/x/index.html</c>.</summary>
    public string FileFor(string url)
    {
        var relative = url[Base.Length..];
        return relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative;
    }
}
