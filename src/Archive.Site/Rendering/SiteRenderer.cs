using Archive.Core.Loading;
using Archive.Site.Theme;
using Archive.Site.Views;
using Archive.Site.Writing;

namespace Archive.Site.Rendering;

/// <summary>
/// The render stage: every page of the site as an <see cref="OutputFile"/>, from views and
/// templates. Pure: the same archive and theme give the same bytes.
/// </summary>
public sealed class SiteRenderer
{
    private readonly LoadedArchive _archive;
    private readonly TemplateRenderer _templates;
    private readonly Theme.Theme _theme;
    private readonly ViewFactory _views;

    public SiteRenderer(LoadedArchive archive, Theme.Theme theme, string generator, bool hasSearch)
    {
        _archive = archive;
        _theme = theme;
        _templates = new TemplateRenderer(theme);
        _views = new ViewFactory(archive, generator, hasSearch);
    }

    public SiteUrls Urls => _views.Urls;

    /// <summary>All files; episode pages are rendered in parallel, the order of the result is fixed.</summary>
    public IReadOnlyList<OutputFile> Render(Action? episodeRendered = null)
    {
        var files = new List<OutputFile>();
        var sitemap = new List<SitemapWriter.Entry>();
        var site = _views.Site;
        var urls = _views.Urls;

        void Page(string template, object view, string url, string title, string description, string kind, string? lastModified = null, bool inSitemap = true)
        {
            files.Add(OutputFile.Text(urls.FileFor(url), Layout(template, view, url, title, description, kind)));
            if (inSitemap) sitemap.Add(new SitemapWriter.Entry(url, lastModified));
        }

        Page("home", _views.Home(), urls.Home, site.Title, site.Description ?? site.Title, "home");

        var episodePages = new OutputFile[_archive.Episodes.Count];
        Parallel.For(0, _archive.Episodes.Count, i =>
        {
            var view = _views.Episode(i);
            var description = ViewFactory.Excerpt(_archive.Episodes[i].Episode, 160);
            episodePages[i] = OutputFile.Text(urls.FileFor(view.Url), Layout("episode", view, view.Url, view.Title, description, "episode"));
            episodeRendered?.Invoke();
        });
        for (int i = 0; i < episodePages.Length; i++)
        {
            files.Add(episodePages[i]);
            sitemap.Add(new SitemapWriter.Entry(_views.Urls.Episode(_archive.Episodes[i].Slug), _archive.Episodes[i].Episode.Date?.ToString("yyyy-MM-dd")));
        }

        Terms("topic", "Topics", _archive.Topics, urls.Topic, urls.Topics);
        Terms("person", "People", _archive.People, urls.Person, urls.People);
        Terms("show", "Shows", _archive.Shows, urls.Show, urls.Shows);

        Page("search", new SearchPageView(site), urls.Search, "Search", $"Search the transcripts of {site.Title}", "search");
        files.Add(OutputFile.Text("404.html", Layout("404", new NotFoundPageView(site), urls.Base + "404.html", "Page not found", "This page does not exist.", "not-found")));
        files.Add(SitemapWriter.Write(sitemap, _archive.Config.SiteUrl));
        files.Add(OutputFile.Text(".nojekyll", ""));
        foreach (var (relative, path) in _theme.Assets())
            files.Add(new OutputFile("assets/" + relative, File.ReadAllBytes(path)));
        return files;

        void Terms(string kind, string title, IReadOnlyList<TaxonomyTerm> terms, Func<string, string> url, string indexUrl)
        {
            Page("terms", _views.TermIndex(kind, title, terms, url), indexUrl, title, $"{title} in {site.Title}", kind + "-index");
            foreach (var term in terms)
            {
                var view = _views.TermPage(kind, term, url);
                Page("term", view, view.Url, term.Name, $"Episodes of {site.Title} with {term.Name}", kind);
            }
        }
    }

    private string Layout(string template, object view, string url, string title, string description, string kind)
    {
        var content = _templates.Render(template, view);
        var canonical = _archive.Config.SiteUrl is { } siteUrl ? siteUrl + url : null;
        var pageTitle = kind == "home" ? title : $"{title} · {_views.Site.Title}";
        return _templates.Render("layout", new LayoutView(_views.Site, pageTitle, description, canonical, content, kind, kind == "search"));
    }
}
