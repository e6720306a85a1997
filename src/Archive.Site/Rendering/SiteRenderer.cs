using Archive.Core.Loading;
using Archive.Site.Exporting;
using Archive.Site.Indexing;
using Archive.Site.Theme;
using Archive.Site.Views;
using Archive.Site.Writing;

namespace Archive.Site.Rendering;

/// <summary>
/// The render stage: every page of the site as an <see cref="OutputFile"/>, from views and
/// templates, plus each episode's transcript downloads. Pure: the same archive and theme give
/// the same bytes.
/// </summary>
public sealed class SiteRenderer
{
    private readonly LoadedArchive _archive;
    private readonly TemplateRenderer _templates;
    private readonly Theme.Theme _theme;
    private readonly ViewFactory _views;
    private readonly StructuredData _data;
    private readonly PageFingerprints _fingerprints;

    private readonly IReadOnlyList<SearchPartition> _searchIndexes;

    /// <param name="searchIndexes">The search indexes the index step will build, newest first; empty without search.</param>
    /// <param name="lists">Where long lists are cut into pages; null for <see cref="ListLimits.Default"/>.</param>
    public SiteRenderer(LoadedArchive archive, Theme.Theme theme, string generator, IReadOnlyList<SearchPartition> searchIndexes, ListLimits? lists = null)
    {
        bool hasSearch = searchIndexes.Count > 0;
        _searchIndexes = searchIndexes;
        _archive = archive;
        _theme = theme;
        _templates = TemplateRenderer.For(theme);
        _views = new ViewFactory(archive, generator, hasSearch, lists);
        _data = new StructuredData(_views.Urls, archive.Config.SiteUrl);
        _fingerprints = new PageFingerprints(theme, _views.Site, archive.Config.SiteUrl);
    }

    public SiteUrls Urls => _views.Urls;
    /// <summary>The views the pages are made from; the search records name shows, people and topics as they do.</summary>
    public ViewFactory Views => _views;

    /// <summary>What the layout needs to know about a page besides its body.</summary>
    private sealed record PageMeta(string Url, string Title, string Description, string Kind, string OpenGraphType = "website", string? JsonLd = null, LinkView? PodcastFeed = null);

    /// <summary>The podcast feed of an episode's or a show's show, for the page's head; null without a show.</summary>
    private LinkView? PodcastFeedOf(string? show)
    {
        var term = _views.ShowOf(show);
        return term is null ? null : new LinkView(term.Name + " (podcast feed)", _views.Urls.ShowFeed(term.Slug));
    }

    /// <summary>All files, in memory (tests, tools); a build streams them with <see cref="Render(IOutputSink, Action?)"/>.</summary>
    public IReadOnlyList<OutputFile> Render(Action? episodeRendered = null)
    {
        var collector = new OutputCollector();
        Render(collector, episodeRendered);
        return collector.Files.OrderBy(f => f.Path, StringComparer.Ordinal).ToList();
    }

    /// <summary>
    /// Every file of the site, handed to <paramref name="files"/> as soon as it is made, so the
    /// site is never in memory at once. Episode pages are rendered in parallel; each file's
    /// bytes depend only on the archive, never on the order.
    /// </summary>
    public void Render(IOutputSink files, Action? episodeRendered = null)
    {
        var sitemap = new List<SitemapWriter.Entry>();
        var site = _views.Site;
        var urls = _views.Urls;

        void Page(string template, object view, PageMeta meta, string? lastModified = null)
        {
            WritePage(files, urls.FileFor(meta.Url), template, view, meta);
            sitemap.Add(new SitemapWriter.Entry(meta.Url, lastModified));
        }

        // A term's pages (one, or more when its episodes fill several: ListLimits.EpisodesPerPage, EpisodesPerShowPage),
        // terms in parallel (thousands in a large archive); the sitemap lists them in the terms' order.
        void TermPages<TView>(IReadOnlyList<TaxonomyTerm> terms, string template, Func<TaxonomyTerm, IEnumerable<ListPage<TView>>> views, Func<TaxonomyTerm, TView, int, PageMeta> meta)
            where TView : class
        {
            var pageUrls = new List<string>[terms.Count];
            Parallel.For(0, terms.Count, t =>
            {
                pageUrls[t] = [];
                int page = 0;
                foreach (var view in views(terms[t]))
                {
                    var head = meta(terms[t], view.Fingerprinted, ++page);
                    WritePage(files, urls.FileFor(head.Url), template, head, _fingerprints.Of(template, view.Fingerprinted, head, view.Identity), view.View);
                    pageUrls[t].Add(head.Url);
                }
            });
            foreach (var url in pageUrls.SelectMany(u => u)) sitemap.Add(new SitemapWriter.Entry(url, null));
        }

        Page("home", _views.Home(), new PageMeta(urls.Home, site.Title, site.Description ?? site.Title, "home",
            JsonLd: _data.WebSite(site.Title, site.Description, site.HasSearch)));

        Parallel.For(0, _archive.Episodes.Count, i =>
        {
            var ae = _archive.Episodes[i];
            var sourceKey = _archive.SourceKeyOf(i);
            var description = ViewFactory.Excerpt(ae.Episode, 160);
            var meta = new PageMeta(urls.Episode(ae.Slug), ae.Episode.Title, description, "episode", "article", _data.Episode(ae, description), PodcastFeedOf(ae.Episode.Show));
            var path = urls.FileFor(meta.Url);
            // The transcript is most of a page and is made from the Episode, which its source key
            // identifies, and from where its speakers and mentions link to: with those in the
            // fingerprint the page is fingerprinted without its transcript, at a fraction of the cost.
            if (sourceKey is null) WritePage(files, path, "episode", _views.Episode(i), meta);
            else WritePage(files, path, "episode", meta,
                _fingerprints.Of("episode", _views.Episode(i, withTranscript: false), meta, sourceKey + "\n" + _views.TranscriptLinks(i)),
                () => _views.Episode(i));
            // Downloads are made from the Episode alone, which its source key identifies: an
            // episode whose file did not change keeps last build's downloads without making them.
            foreach (var exporter in TranscriptExporters.For(ae.Episode))
            {
                var download = urls.FileFor(urls.EpisodeFile(ae.Slug, exporter.Suffix));
                var key = sourceKey is null ? null : $"{PageFingerprints.CodeVersion}:{exporter.Suffix}:{sourceKey}";
                if (key is not null && files.TryKeep(download, key)) continue;
                files.Write(OutputFile.Text(download, exporter.Write(ae.Episode)), key);
            }
            episodeRendered?.Invoke();
        });
        foreach (var ae in _archive.Episodes)
            sitemap.Add(new SitemapWriter.Entry(urls.Episode(ae.Slug), ViewFactory.IsoDate(ae.Episode.Date)));

        Page("archive", _views.EpisodeArchive(), new PageMeta(urls.Archive, "All episodes", $"Every episode of {site.Title} by year and month", "archive"));
        foreach (var year in _views.ArchiveYearPages())
            Page("archive-year", year, new PageMeta(year.Url, PageTitle(year.Title, year.Pagination?.Page ?? 1), $"{year.Title} in {site.Title}: {year.CountLabel}, newest first", "archive-year"));

        // An index, and its pages per first letter when it is too long for one (ViewFactory.TermIndex).
        void TermIndexPages(string kind, string title, IReadOnlyList<TaxonomyTerm> terms, Func<string, string> url, string indexUrl, string description)
        {
            var (index, letterPages) = _views.TermIndex(kind, title, terms, url, indexUrl);
            Page("terms", index, new PageMeta(indexUrl, title, description, kind + "-index"));
            foreach (var (letter, page) in letterPages)
                Page("terms-letter", letter, new PageMeta(letter.Url, PageTitle($"{title}: {letter.Letter}", page), $"{title} in {site.Title} under {letter.Letter}: {letter.CountLabel}", kind + "-index"));
        }

        TermIndexPages("topic", "Topics", _archive.Topics, urls.Topic, urls.Topics, $"Topics in {site.Title}, A–Z and by number of episodes");
        TermPages(_archive.Topics, "topic", _views.TopicPages, (topic, view, page) => new PageMeta(view.Url, PageTitle(topic.Name, page), $"Where {topic.Name} comes up in {site.Title}: {view.CountLabel}", "topic"));

        TermIndexPages("person", "People", _archive.People, urls.Person, urls.People, $"Everyone heard in {site.Title}");
        TermPages(_archive.People, "person", _views.PersonPages, (person, view, page) => new PageMeta(view.Url, PageTitle(person.Name, page), $"{person.Name} in {site.Title}: {view.CountLabel}", "person", "profile"));

        TermIndexPages("show", "Shows", _archive.Shows, urls.Show, urls.Shows, $"The shows in {site.Title}");
        // The series' structured data is its first page's, whose URL it names; every page offers the feed, as its episodes' pages do.
        TermPages(_archive.Shows, "show", _views.ShowPages, (show, view, page) =>
        {
            var dates = view.PageNewest is null ? "" : " from " + (view.PageOldest is null ? view.PageNewest : $"{view.PageOldest} to {view.PageNewest}");
            var description = page == 1
                ? $"Every episode of {show.Name}: {view.CountLabel}"
                : $"Episodes of {show.Name}{dates}, page {page} of {view.Pagination!.Pages}";
            return new PageMeta(view.Url, PageTitle(show.Name, page), description, "show",
                JsonLd: page == 1 ? _data.Series(show, description) : null, PodcastFeed: PodcastFeedOf(show.Name));
        });

        Page("search", SearchPage(), new PageMeta(urls.Search, "Search", $"Search the transcripts of {site.Title}", "search"));
        WritePage(files, "404.html", "404", new NotFoundPageView(site), new PageMeta(urls.Base + "404.html", "Page not found", "This page does not exist.", "not-found"));
        files.Write(SitemapWriter.Write(sitemap, _archive.Config.SiteUrl));
        var feeds = new Feeds(_archive, _views);
        files.Write(feeds.Atom());
        foreach (var show in _archive.Shows) files.Write(feeds.Podcast(show));
        files.Write(feeds.Robots());
        files.Write(OutputFile.Text(".nojekyll", ""));
        foreach (var (relative, path) in _theme.Assets())
            files.Write(new OutputFile("assets/" + relative, File.ReadAllBytes(path)));
    }

    /// <summary>A list page's title: its name, and which page after the first.</summary>
    private static string PageTitle(string name, int page) => page <= 1 ? name : $"{name} (page {page})";

    /// <summary>Renders a page, unless last build rendered the same one (same fingerprint) and it can be kept.</summary>
    private void WritePage(IOutputSink files, string path, string template, object view, PageMeta meta) =>
        WritePage(files, path, template, meta, _fingerprints.Of(template, view, meta), () => view);

    /// <summary>Renders a page from the view <paramref name="view"/> makes, unless one of the same <paramref name="fingerprint"/> can be kept.</summary>
    private void WritePage(IOutputSink files, string path, string template, PageMeta meta, string? fingerprint, Func<object> view)
    {
        if (fingerprint is not null && files.TryKeep(path, fingerprint)) return;
        files.Write(new OutputFile(path, Layout(template, view(), meta)), fingerprint);
    }

    /// <summary>Longer titles are cut in search results and tabs: the site's name goes first, then words at the end.</summary>
    public const int MaxTitleLength = 70;

    /// <summary>
    /// The <c>&lt;title&gt;</c>: "Page · Site" when it fits in <see cref="MaxTitleLength"/>, else the
    /// page's title cut at a word. Measured as written in the HTML, where an apostrophe takes six
    /// characters (<c>&amp;#x27;</c>), as validators measure it.
    /// </summary>
    public static string DocumentTitle(string title, string? siteTitle)
    {
        var full = siteTitle is null ? title : $"{title} · {siteTitle}";
        if (EscapedLength(full) <= MaxTitleLength) return full;
        for (int max = MaxTitleLength; ; max -= 5)
        {
            var cut = Archive.Core.Normalizing.TitleText.CutAtWord(title, max);
            if (EscapedLength(cut) <= MaxTitleLength || max <= 20) return cut;
        }
    }

    private static int EscapedLength(string text) =>
        text.Sum(c => c switch { '&' => 5, '<' or '>' => 4, '"' or '\'' or '`' or '=' => 6, _ => 1 });

    private SearchPageView SearchPage()
    {
        var urls = _views.Urls;
        var indexes = _searchIndexes.Select(p => new Dictionary<string, object> { ["name"] = p.Name, ["url"] = urls.Base + p.Folder, ["dated"] = p.Dated });
        // Words said in every episode have the largest index chunks (every position in every
        // episode): a query leaves them out. The list is English.
        var common = _archive.Config.Language.StartsWith("en", StringComparison.OrdinalIgnoreCase) ? Archive.Core.Enriching.StopWords.FunctionWords : [];
        return new SearchPageView(_views.Site, urls.Base + SearchPartitions.PrimaryFolder, System.Text.Json.JsonSerializer.Serialize(indexes),
            System.Text.Json.JsonSerializer.Serialize(common));
    }

    /// <summary>
    /// What the layout is rendered around: the page's content is then written in its place, so a page
    /// goes from template to UTF-8 without being a string twice (episode pages are hundreds of KB).
    /// Escaping would change it ('&lt;'), so a layout that escapes its content is never cut at it.
    /// </summary>
    private const string ContentMarker = "<archive-page-content\u0001/>";

    /// <summary>Each rendering thread's buffer for the page it renders, reused from page to page.</summary>
    [ThreadStatic] private static PageBuffer? t_buffer;

    private byte[] Layout(string template, object view, PageMeta meta)
    {
        var pageTitle = DocumentTitle(meta.Title, meta.Kind == "home" ? null : _views.Site.Title);
        LayoutView Around(string content) => new(
            _views.Site, pageTitle, meta.Title, meta.Description, _data.Absolute(meta.Url), _archive.Config.SiteUrl is not null,
            meta.OpenGraphType, meta.JsonLd, content, meta.Kind, meta.Kind == "search", meta.PodcastFeed);
        var buffer = t_buffer ??= new PageBuffer();
        var writer = buffer.Start();
        var layout = _templates.Render("layout", Around(ContentMarker));
        int at = layout.IndexOf(ContentMarker, StringComparison.Ordinal);
        if (at < 0 || layout.IndexOf(ContentMarker, at + ContentMarker.Length, StringComparison.Ordinal) >= 0)
        {
            // A theme's layout that shows the content twice, or not as it is: rendered as a whole.
            writer.Write(_templates.Render("layout", Around(_templates.Render(template, view))));
        }
        else
        {
            writer.Write(layout.AsSpan(0, at));
            _templates.Render(writer, template, view);
            writer.Write(layout.AsSpan(at + ContentMarker.Length));
        }
        return buffer.Bytes();
    }

    /// <summary>A page's bytes as they are rendered: UTF-8 without a byte order mark, as <see cref="OutputFile.Text"/> writes.</summary>
    private sealed class PageBuffer
    {
        private readonly MemoryStream _bytes = new();
        private readonly StreamWriter _writer;

        public PageBuffer() => _writer = new StreamWriter(_bytes, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), bufferSize: 1 << 16, leaveOpen: true);

        public TextWriter Start()
        {
            _writer.Flush();
            _bytes.SetLength(0);
            return _writer;
        }

        public byte[] Bytes()
        {
            _writer.Flush();
            return _bytes.ToArray();
        }
    }
}
