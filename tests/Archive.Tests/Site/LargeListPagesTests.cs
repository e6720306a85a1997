using AngleSharp.Dom;
using AngleSharp.Html.Parser;
using Archive.Core.Loading;
using Archive.Site;
using Archive.Site.Rendering;
using Archive.Tests.Support;

namespace Archive.Tests.Site;

/// <summary>
/// A large archive's list pages are cut where <see cref="ListLimits"/> says (here set low, so a
/// small archive stands in for 10,000 episodes): a page per year for the archive, a page per first
/// letter for an index, a show's episodes over pages; every episode and term stays linked; a small
/// archive keeps one page.
/// </summary>
public class LargeListPagesTests
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Episodes over three years and one undated; topics under several letters, a digit, and one slugged like the letter pages' folder.</summary>
    private static string WriteArchive(TempFolder temp)
    {
        temp.Write("input/archive.yml", "title: Harbour Radio\n");
        var dates = new[]
        {
            "2022-03-04", "2022-11-20",
            "2023-01-09", "2023-06-15", "2023-06-28", "2023-12-01",
            "2024-02-02", "2024-02-16", "2024-04-05", "2024-05-10", "2024-05-24",
        };
        var topics = new[] { "anchors", "buoys", "cargo", "3d charts", "A–Z", "ballast", "anchors", "barges", "buoys", "anchors", "cargo" };
        for (int i = 0; i < dates.Length; i++)
            temp.Write($"input/ep-{i:00}.md", Episode($"Harbour Log {i}", dates[i], topics[i], $"Pilot {(char)('A' + i)}"));
        temp.Write("input/ep-undated.md", Episode("Harbour Log Undated", null, "cargo", "Pilot Z"));
        return temp.Combine("input");
    }

    private static string Episode(string title, string? date, string topic, string guest) => $"""
        ---
        title: "{title}"
        show: Harbour Radio
        {(date is null ? "" : "date: " + date)}
        speakers: [Mo Keeper, {guest}]
        topics: [{topic}]
        ---

        **[00:00:01] Mo Keeper:** Today on the harbour we look at {topic}.

        **[00:00:07] {guest}:** The tide came in early and the boats were late.
        """;

    private static string Build(TempFolder temp, string input, ListLimits lists, string name = "site", string? baseUrl = null)
    {
        var output = temp.Combine(name);
        SiteBuilder.Build(ArchiveLoader.Load(new LoadOptions(input) { BaseUrl = baseUrl }), new BuildOptions(output) { ThemeDirectory = RepoPaths.DefaultTheme, SkipSearchIndex = true, Lists = lists });
        return output;
    }

    /// <summary>Every list of the archive cut into pages: years, letters and a show.</summary>
    private static readonly ListLimits EveryListPaged = new(ArchiveOnOnePage: 5, ArchiveNewest: 3, TermsOnOnePage: 5, TermsByCount: 3, TermsPerLetterPage: 2, EpisodesPerYearPage: 2, EpisodesPerShowPage: 5);

    private static IDocument Page(string site, string path) => Parser.ParseDocument(File.ReadAllText(Path.Combine(site, path, "index.html")));

    private static List<string> Links(IDocument doc, string selector) => doc.QuerySelectorAll(selector).Select(a => a.GetAttribute("href")!).ToList();

    private static IEnumerable<string> EpisodeUrls(string site) =>
        Directory.EnumerateDirectories(Path.Combine(site, "episodes")).Select(d => "/episodes/" + Path.GetFileName(d) + "/");

    [Fact]
    public void A_large_archive_has_a_page_per_year_that_together_link_every_episode()
    {
        using var temp = new TempFolder("year-pages");
        var site = Build(temp, WriteArchive(temp), new ListLimits(ArchiveOnOnePage: 5, ArchiveNewest: 3));

        var archive = Page(site, "archive");
        Assert.Equal("12 episodes, newest first", archive.QuerySelector(".page-count")!.TextContent);
        Assert.Equal(["/archive/2024/", "/archive/2023/", "/archive/2022/", "/archive/undated/"], Links(archive, ".year-index a"));
        Assert.Equal(["2024 5 episodes", "2023 4 episodes", "2022 2 episodes", "Undated 1 episode"], archive.QuerySelectorAll(".year-index a").Select(a => a.TextContent));
        // The newest whole months until at least three episodes: May (two) and April (one).
        Assert.Equal(["May 2024", "April 2024"], archive.QuerySelectorAll("h3.month").Select(h => h.TextContent));
        Assert.Equal(3, archive.QuerySelectorAll(".rows li").Length);
        Assert.Equal("/archive/2024/", archive.QuerySelector(".more a")!.GetAttribute("href"));

        var year = Page(site, "archive/2023");
        Assert.Equal("Episodes from 2023", year.QuerySelector("h1")!.TextContent);
        Assert.Equal("2023", year.QuerySelector("[aria-current=page]")!.TextContent);
        Assert.Equal(["/archive/2024/", "/archive/2022/", "/archive/undated/"], Links(year, "nav[aria-label=Years] a"));
        Assert.Equal(["December 2023", "June 2023", "January 2023"], year.QuerySelectorAll("h2.month").Select(h => h.TextContent));
        Assert.Equal(["#y2023-12", "#y2023-06", "#y2023-01"], Links(year, "nav.months a"));
        Assert.Equal("/archive/2024/", year.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/archive/2022/", year.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        Assert.Contains("Episodes from 2023 · Harbour Radio", year.Title);
        Assert.Null(Page(site, "archive/2024").QuerySelector("a[rel=prev]"));
        var undated = Page(site, "archive/undated");
        Assert.Equal(["/episodes/harbour-log-undated/"], Links(undated, ".rows a"));
        Assert.Equal("/archive/2022/", undated.QuerySelector("a[rel=prev]")!.GetAttribute("href"));
        Assert.Null(undated.QuerySelector("a[rel=next]"));

        // Every episode is linked from the year pages, once.
        var fromYears = Directory.EnumerateDirectories(Path.Combine(site, "archive"))
            .SelectMany(d => Links(Page(site, Path.GetRelativePath(site, d)), ".rows a")).ToList();
        Assert.Equal(EpisodeUrls(site).Order(StringComparer.Ordinal), fromYears.Order(StringComparer.Ordinal));
        var sitemap = File.ReadAllText(Path.Combine(site, "sitemap.xml"));
        foreach (var page in new[] { "/archive/", "/archive/2024/", "/archive/2023/", "/archive/2022/", "/archive/undated/" })
            Assert.Contains($"<loc>{page}</loc>", sitemap);
        Assert.Empty(new SiteCrawler(site).Check());
    }

    [Fact]
    public void A_year_with_more_episodes_than_a_page_holds_continues_over_linked_pages_with_its_months_headed_again()
    {
        using var temp = new TempFolder("year-pages-paged");
        var site = Build(temp, WriteArchive(temp), new ListLimits(ArchiveOnOnePage: 5, ArchiveNewest: 3, EpisodesPerYearPage: 2));

        // 2023: December 1, June 28 | June 15, January 9. June is cut by the page break.
        var first = Page(site, "archive/2023");
        var second = Page(site, "archive/2023/page/2");
        Assert.False(Directory.Exists(Path.Combine(site, "archive", "2023", "page", "3")));
        Assert.Equal(["/episodes/harbour-log-5/", "/episodes/harbour-log-4/"], Links(first, ".rows a"));
        Assert.Equal(["/episodes/harbour-log-3/", "/episodes/harbour-log-2/"], Links(second, ".rows a"));
        Assert.Equal(["December 2023", "June 2023"], first.QuerySelectorAll("h2.month").Select(h => h.TextContent));
        Assert.Equal(["June 2023 (continued)", "January 2023"], second.QuerySelectorAll("h2.month").Select(h => h.TextContent));
        Assert.Equal(["y2023-06", "y2023-01"], second.QuerySelectorAll("h2.month").Select(h => h.Id));
        // Every month of the year on both pages, each leading to the page where it begins.
        Assert.Equal(["#y2023-12", "#y2023-06", "/archive/2023/page/2/#y2023-01"], Links(first, "nav.months a"));
        Assert.Equal(["/archive/2023/#y2023-12", "/archive/2023/#y2023-06", "#y2023-01"], Links(second, "nav.months a"));
        Assert.Equal(["Dec", "Jun", "Jan"], second.QuerySelectorAll("nav.months a").Select(a => a.TextContent));
        // The pages link to each other; the years stay linked, without claiming to be the next page.
        Assert.Equal("/archive/2023/page/2/", first.QuerySelector("nav[aria-label='Pages of this list'] a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("/archive/2023/", second.QuerySelector("nav[aria-label='Pages of this list'] a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("Page 2 of 2", second.QuerySelector(".pagination-status")!.TextContent);
        Assert.Equal(["/archive/2024/", "/archive/2022/"], Links(second, "nav[aria-label='Newer and older years'] a"));
        Assert.Single(second.QuerySelectorAll("a[rel=prev]"));
        Assert.Empty(second.QuerySelectorAll("a[rel=next]"));
        Assert.Equal("Episodes from 2023", second.QuerySelector("h1")!.TextContent);
        Assert.Contains("Episodes from 2023 (page 2) · Harbour Radio", second.Title);
        Assert.Contains("Episodes from 2023 · Harbour Radio", first.Title);
        Assert.Equal("4 episodes, newest first", second.QuerySelector(".page-count")!.TextContent);

        // 2024: May, May | April, February | February: three pages, the last a continued month alone.
        var last = Page(site, "archive/2024/page/3");
        Assert.Equal(["February 2024 (continued)"], last.QuerySelectorAll("h2.month").Select(h => h.TextContent));
        Assert.Equal(["#y2024-05", "/archive/2024/page/2/#y2024-04", "/archive/2024/page/2/#y2024-02"], Links(Page(site, "archive/2024"), "nav.months a"));
        // A year that fits on a page has no pager and keeps its year links as its neighbours.
        var small = Page(site, "archive/2022");
        Assert.Null(small.QuerySelector("nav[aria-label='Pages of this list']"));
        Assert.Equal("/archive/2023/", small.QuerySelector("a[rel=prev]")!.GetAttribute("href"));

        // Every episode is linked from the year pages, once; the sitemap lists every page; every link resolves.
        var fromYears = Directory.EnumerateFiles(Path.Combine(site, "archive"), "index.html", SearchOption.AllDirectories)
            .Where(f => Path.GetDirectoryName(f) != Path.Combine(site, "archive"))
            .SelectMany(f => Links(Parser.ParseDocument(File.ReadAllText(f)), ".rows a")).ToList();
        Assert.Equal(EpisodeUrls(site).Order(StringComparer.Ordinal), fromYears.Order(StringComparer.Ordinal));
        var sitemap = File.ReadAllText(Path.Combine(site, "sitemap.xml"));
        foreach (var page in new[] { "/archive/2024/", "/archive/2024/page/2/", "/archive/2024/page/3/", "/archive/2023/page/2/", "/archive/2022/" })
            Assert.Contains($"<loc>{page}</loc>", sitemap);
        Assert.DoesNotContain("<loc>/archive/2022/page/2/</loc>", sitemap);
        Assert.Empty(new SiteCrawler(site).Check());
    }

    [Fact]
    public void A_show_with_more_episodes_than_a_page_holds_continues_over_linked_pages()
    {
        using var temp = new TempFolder("show-pages");
        var site = Build(temp, WriteArchive(temp), new ListLimits(EpisodesPerShowPage: 5));

        // Twelve episodes of Harbour Radio, newest first: 10…6 | 5…1 | 0 and the undated one.
        var first = Page(site, "shows/harbour-radio");
        var second = Page(site, "shows/harbour-radio/page/2");
        var third = Page(site, "shows/harbour-radio/page/3");
        Assert.False(Directory.Exists(Path.Combine(site, "shows", "harbour-radio", "page", "4")));
        Assert.Equal([10, 9, 8, 7, 6], Logs(first));
        Assert.Equal([5, 4, 3, 2, 1], Logs(second));
        Assert.Equal(["/episodes/harbour-log-0/", "/episodes/harbour-log-undated/"], Links(third, ".card-title a"));
        // Which show, all of it, on every page; which part of it on each.
        foreach (var page in new[] { first, second, third })
        {
            Assert.Equal("Harbour Radio", page.QuerySelector("h1")!.TextContent);
            Assert.Equal("12 episodes, March 4, 2022 to May 24, 2024", page.QuerySelector(".page-count")!.TextContent);
            Assert.Equal(["/people/mo-keeper/"], Links(page, ".page-header a[href^='/people/']"));
            Assert.NotEmpty(page.QuerySelectorAll("#topics-title + .term-list a"));
            // The cards leave out the show: it is the page's.
            Assert.Empty(page.QuerySelectorAll(".card-meta a"));
            // Every page offers the show's feed in its head, as the show's episode pages do.
            Assert.Equal("/shows/harbour-radio/podcast.xml", page.QuerySelector("link[rel=alternate][type='application/rss+xml']")!.GetAttribute("href"));
        }
        Assert.Equal("Page 1 of 3: May 24, 2024 back to February 2, 2024", first.QuerySelector(".page-part")!.TextContent);
        Assert.Equal("Page 2 of 3: December 1, 2023 back to November 20, 2022", second.QuerySelector(".page-part")!.TextContent);
        Assert.Equal("Page 3 of 3: March 4, 2022", third.QuerySelector(".page-part")!.TextContent);
        // The first page is the series: its structured data and the feed's link; the others lead back to it.
        Assert.Equal("/shows/harbour-radio/podcast.xml", first.QuerySelector(".page-feed a")!.GetAttribute("href"));
        Assert.Contains("\"@type\":\"PodcastSeries\"", first.QuerySelector("script[type='application/ld+json']")!.TextContent);
        foreach (var page in new[] { second, third })
        {
            Assert.Equal("/shows/harbour-radio/", page.QuerySelector(".page-feed a")!.GetAttribute("href"));
            Assert.Empty(page.QuerySelectorAll("script[type='application/ld+json']"));
        }
        // Titles, descriptions and canonical links name each page; the pages link to each other as a list's do.
        Assert.Contains("Harbour Radio · Harbour Radio", first.Title);
        Assert.Contains("Harbour Radio (page 2) · Harbour Radio", second.Title);
        Assert.Equal("Every episode of Harbour Radio: 12 episodes", Meta(first, "description"));
        Assert.Equal("Episodes of Harbour Radio from November 20, 2022 to December 1, 2023, page 2 of 3", Meta(second, "description"));
        Assert.Equal("Episodes of Harbour Radio from March 4, 2022, page 3 of 3", Meta(third, "description"));
        Assert.Equal("/shows/harbour-radio/page/2/", second.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("/shows/harbour-radio/", first.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("/shows/harbour-radio/page/2/", first.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href"));
        Assert.Null(first.QuerySelector("a[rel=prev]"));
        Assert.Equal("/shows/harbour-radio/", second.QuerySelector(".pagination a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/shows/harbour-radio/page/3/", second.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("Page 2 of 3", second.QuerySelector(".pagination-status")!.TextContent);
        Assert.Equal(["/shows/harbour-radio/", "/shows/harbour-radio/page/2/"], Links(third, "nav[aria-label='Pages of this list'] a:not([rel])"));
        Assert.Null(third.QuerySelector("a[rel=next]"));

        // Every episode is on one of the show's pages, once; the sitemap lists every page; every link resolves.
        var fromShow = new[] { first, second, third }.SelectMany(p => Links(p, ".card-title a")).ToList();
        Assert.Equal(EpisodeUrls(site).Order(StringComparer.Ordinal), fromShow.Order(StringComparer.Ordinal));
        var sitemap = File.ReadAllText(Path.Combine(site, "sitemap.xml"));
        foreach (var page in new[] { "/shows/harbour-radio/", "/shows/harbour-radio/page/2/", "/shows/harbour-radio/page/3/" })
            Assert.Contains($"<loc>{page}</loc>", sitemap);
        Assert.Empty(new SiteCrawler(site).Check());
    }

    /// <summary>The numbers of the "Harbour Log N" episodes a show page lists, in order.</summary>
    private static List<int> Logs(IDocument page) =>
        page.QuerySelectorAll(".card-title a").Select(a => int.Parse(a.TextContent["Harbour Log ".Length..], System.Globalization.CultureInfo.InvariantCulture)).ToList();

    private static string? Meta(IDocument page, string name) => page.QuerySelector($"meta[name={name}]")?.GetAttribute("content");

    [Fact]
    public void A_small_archive_lists_every_episode_on_one_page()
    {
        using var temp = new TempFolder("year-pages-small");
        var site = Build(temp, WriteArchive(temp), ListLimits.Default);
        Assert.Equal(["index.html"], Directory.EnumerateFileSystemEntries(Path.Combine(site, "archive")).Select(Path.GetFileName));
        var archive = Page(site, "archive");
        Assert.Empty(archive.QuerySelectorAll(".year-index"));
        Assert.Equal(["2024", "2023", "2022", "Undated"], archive.QuerySelectorAll(".year > h2").Select(h => h.FirstChild!.TextContent.Trim()));
        Assert.Equal(EpisodeUrls(site).Order(StringComparer.Ordinal), Links(archive, ".rows a").Order(StringComparer.Ordinal));
        // The show too, with its feed and structured data, and no word of pages.
        Assert.Equal(["index.html", "podcast.xml"], Directory.EnumerateFileSystemEntries(Path.Combine(site, "shows", "harbour-radio")).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        var show = Page(site, "shows/harbour-radio");
        Assert.Equal(EpisodeUrls(site).Order(StringComparer.Ordinal), Links(show, ".card-title a").Order(StringComparer.Ordinal));
        Assert.Empty(show.QuerySelectorAll(".page-part, nav.pagination"));
        Assert.Equal("/shows/harbour-radio/podcast.xml", show.QuerySelector(".page-feed a")!.GetAttribute("href"));
        Assert.Single(show.QuerySelectorAll("script[type='application/ld+json']"));
        // The indexes too: every topic A–Z and all of them by number of episodes.
        var topics = Page(site, "topics");
        Assert.False(Directory.Exists(Path.Combine(site, "topics", "a-z", "a")));
        int topicCount = Directory.EnumerateDirectories(Path.Combine(site, "topics")).Count();
        Assert.Equal(topicCount, topics.QuerySelectorAll("section[aria-labelledby=az-title] .term-list a").Length);
        Assert.Equal("By number of episodes", topics.QuerySelector("#count-title")!.TextContent);
        Assert.Equal(topicCount, topics.QuerySelectorAll("section[aria-labelledby=count-title] a").Length);
    }

    [Fact]
    public void A_show_whose_episodes_share_one_day_names_the_day_once()
    {
        using var temp = new TempFolder("show-one-day");
        temp.Write("input/archive.yml", "title: Harbour Radio\n");
        temp.Write("input/morning.md", Episode("Morning Tide", "2024-05-10", "cargo", "Pilot A"));
        temp.Write("input/evening.md", Episode("Evening Tide", "2024-05-10", "buoys", "Pilot B"));
        var site = Build(temp, temp.Combine("input"), ListLimits.Default);
        Assert.Equal("2 episodes, May 10, 2024", Page(site, "shows/harbour-radio").QuerySelector(".page-count")!.TextContent);
    }

    [Fact]
    public void A_large_index_has_a_page_per_first_letter_that_together_link_every_term()
    {
        using var temp = new TempFolder("letter-pages");
        var site = Build(temp, WriteArchive(temp), new ListLimits(TermsOnOnePage: 5, TermsByCount: 3, TermsPerLetterPage: 2));
        var topicSlugs = Directory.EnumerateDirectories(Path.Combine(site, "topics")).Select(Path.GetFileName).ToList();
        // "A–Z" is a topic whose slug is the letter pages' folder: both have their pages.
        Assert.Contains("a-z", topicSlugs);
        Assert.True(File.Exists(Path.Combine(site, "topics", "a-z", "index.html")));

        var index = Page(site, "topics");
        Assert.Equal("7 topics", index.QuerySelector(".page-count")!.TextContent);
        Assert.Equal(["/topics/a-z/a/", "/topics/a-z/b/", "/topics/a-z/c/", "/topics/a-z/0-9/"], Links(index, "nav.letters a"));
        Assert.Equal(["A", "B", "C", "0–9"], index.QuerySelectorAll("nav.letters a").Select(a => a.TextContent));
        Assert.Empty(index.QuerySelectorAll("#az-title"));
        Assert.Equal("Most episodes", index.QuerySelector("#count-title")!.TextContent);
        // The three busiest: anchors and cargo (three episodes each, by name), then buoys (two).
        Assert.Equal(["/topics/anchors/", "/topics/cargo/", "/topics/buoys/"], Links(index, "ol.term-list a"));

        var a = Page(site, "topics/a-z/a");
        Assert.Equal("Topics: A", a.QuerySelector("h1")!.TextContent);
        Assert.Equal("A", a.QuerySelector("[aria-current=true]")!.TextContent);
        Assert.Empty(a.QuerySelectorAll(".letter-parts"));
        Assert.Equal("/topics/", a.QuerySelector(".kicker a")!.GetAttribute("href"));
        Assert.Equal(["/topics/anchors/", "/topics/a-z/"], Links(a, ".term-list a"));
        Assert.Equal(["/topics/3d-charts/"], Links(Page(site, "topics/a-z/0-9"), ".term-list a"));
        // More terms under a letter than a page holds: it continues A–Z, each page named by its first and last.
        var b = Page(site, "topics/a-z/b");
        var b2 = Page(site, "topics/a-z/b/page/2");
        Assert.Equal(["/topics/ballast/", "/topics/barges/"], Links(b, ".term-list a"));
        Assert.Equal(["/topics/buoys/"], Links(b2, ".term-list a"));
        Assert.Equal(["/topics/a-z/b/page/2/"], Links(b, ".letter-parts a"));
        Assert.Equal("ballast – barges", b.QuerySelector(".letter-parts [aria-current=page]")!.TextContent);
        Assert.Equal("/topics/a-z/b/", b2.QuerySelector(".letter-parts a")!.GetAttribute("href"));
        Assert.Contains("Topics: B (page 2)", b2.Title);

        // Every topic is linked from its letter's page, and the sitemap lists those pages.
        var fromLetters = Directory.EnumerateFiles(Path.Combine(site, "topics", "a-z"), "index.html", SearchOption.AllDirectories)
            .Where(f => Path.GetDirectoryName(f) != Path.Combine(site, "topics", "a-z"))
            .SelectMany(f => Links(Parser.ParseDocument(File.ReadAllText(f)), ".term-list a")).ToList();
        Assert.Equal(topicSlugs.Select(s => $"/topics/{s}/").Order(StringComparer.Ordinal), fromLetters.Order(StringComparer.Ordinal));
        var sitemap = File.ReadAllText(Path.Combine(site, "sitemap.xml"));
        Assert.Contains("<loc>/topics/a-z/0-9/</loc>", sitemap);
        Assert.Contains("<loc>/topics/a-z/b/page/2/</loc>", sitemap);
        Assert.Contains("<loc>/people/a-z/p/</loc>", sitemap);
        Assert.Empty(new SiteCrawler(site).Check());
    }

    [Fact]
    public void Year_letter_and_show_pages_link_under_the_base_path()
    {
        using var temp = new TempFolder("large-list-base");
        var site = Build(temp, WriteArchive(temp), EveryListPaged, baseUrl: "/harbour/");

        Assert.Equal(["/harbour/archive/2024/", "/harbour/archive/2023/", "/harbour/archive/2022/", "/harbour/archive/undated/"], Links(Page(site, "archive"), ".year-index a"));
        var year = Page(site, "archive/2023");
        Assert.Equal(["/harbour/archive/2024/", "/harbour/archive/2022/", "/harbour/archive/undated/"], Links(year, "nav[aria-label=Years] a"));
        Assert.Equal(["#y2023-12", "#y2023-06", "/harbour/archive/2023/page/2/#y2023-01"], Links(year, "nav.months a"));
        Assert.Equal("/harbour/archive/2023/page/2/", year.QuerySelector("nav[aria-label='Pages of this list'] a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("/harbour/archive/", year.QuerySelector(".kicker a")!.GetAttribute("href"));
        Assert.Equal(["/harbour/topics/a-z/a/", "/harbour/topics/a-z/b/", "/harbour/topics/a-z/c/", "/harbour/topics/a-z/0-9/"], Links(Page(site, "topics"), "nav.letters a"));
        var b = Page(site, "topics/a-z/b");
        Assert.Equal("/harbour/topics/", b.QuerySelector(".kicker a")!.GetAttribute("href"));
        Assert.Equal(["/harbour/topics/a-z/b/page/2/"], Links(b, ".letter-parts a"));
        Assert.All(Links(b, ".term-list a"), href => Assert.StartsWith("/harbour/topics/", href));
        var show = Page(site, "shows/harbour-radio/page/2");
        Assert.Equal("/harbour/shows/harbour-radio/", show.QuerySelector(".page-feed a")!.GetAttribute("href"));
        Assert.Equal("/harbour/shows/harbour-radio/", show.QuerySelector(".pagination a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/harbour/shows/harbour-radio/page/3/", show.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href"));
        Assert.Equal("/harbour/shows/harbour-radio/page/2/", show.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("/harbour/shows/harbour-radio/podcast.xml", show.QuerySelector("link[rel=alternate][type='application/rss+xml']")!.GetAttribute("href"));
        Assert.All(Links(show, ".card-title a"), href => Assert.StartsWith("/harbour/episodes/", href));
        Assert.Empty(new SiteCrawler(site, "/harbour/").Check());
    }

    [RequiresNodeFact]
    public void Year_letter_and_show_pages_have_no_html_validate_error()
    {
        using var temp = new TempFolder("large-list-html");
        var site = Build(temp, WriteArchive(temp), EveryListPaged);
        Assert.True(File.Exists(Path.Combine(site, "archive", "2023", "page", "2", "index.html")));
        Assert.True(File.Exists(Path.Combine(site, "shows", "harbour-radio", "page", "2", "index.html")));
        Assert.True(File.Exists(Path.Combine(site, "topics", "a-z", "b", "page", "2", "index.html")));
        var errors = HtmlValidate.Errors(site);
        Assert.True(errors.Count == 0, $"{errors.Count} html-validate errors:\n" + string.Join("\n", errors.Take(50)));
    }
}
