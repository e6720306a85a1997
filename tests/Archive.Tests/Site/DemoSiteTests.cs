using AngleSharp.Html.Parser;
using Archive.Tests.Support;

namespace Archive.Tests.Site;

/// <summary>The demo archive built into a temp folder, checked page by page.</summary>
public class DemoSiteTests(DemoSiteFixture site) : IClassFixture<DemoSiteFixture>
{
    private static readonly HtmlParser Parser = new();

    [Fact]
    public void Builds_without_errors()
    {
        Assert.True(site.Build.ExitCode == 0, site.Build.Error);
        Assert.DoesNotContain("error", site.Build.Error);
    }

    [Fact]
    public void Writes_every_page_the_site_promises()
    {
        foreach (var file in new[]
        {
            "index.html", "search/index.html", "404.html", "sitemap.xml", ".nojekyll",
            "topics/index.html", "topics/parquet/index.html", "topics/data-engineering/index.html",
            "people/index.html", "people/lena-hoffmann/index.html", "people/priya-raman/index.html",
            "shows/index.html", "shows/signal-and-noise/index.html", "shows/open-workshop/index.html",
            "episodes/why-your-data-pipeline-needs-a-schema/index.html", "assets/style.css",
        })
            Assert.True(File.Exists(Path.Combine(site.Output, file)), file + " is missing");

        var inputs = Directory.EnumerateFiles(RepoPaths.DemoInput).Count(f => !f.EndsWith(".yml") && !Path.GetFileName(f).StartsWith("README"));
        Assert.Equal(inputs, site.EpisodePages().Count());
    }

    [Fact]
    public void Home_page_shows_title_description_search_and_episodes_newest_first()
    {
        var doc = Parser.ParseDocument(site.Page("index.html"));
        Assert.Equal("Signal & Workshop", doc.QuerySelector("h1")!.TextContent);
        Assert.Contains("building software", doc.QuerySelector(".lede")!.TextContent);
        Assert.NotNull(doc.QuerySelector("form[role=search] input[name=q]"));
        var dates = doc.QuerySelectorAll(".home-episodes .card time").Select(t => t.GetAttribute("datetime")!).ToList();
        Assert.True(dates.Count >= 8);
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
    }

    [Fact]
    public void Episode_page_has_its_facts_chapters_and_timed_paragraphs()
    {
        var doc = Parser.ParseDocument(site.Page("episodes/why-your-data-pipeline-needs-a-schema/index.html"));
        Assert.Equal("Why Your Data Pipeline Needs a Schema", doc.QuerySelector("h1")!.TextContent);
        Assert.Equal("Signal & Noise", doc.QuerySelector(".episode-show a")!.TextContent);
        Assert.Equal("2025-01-14", doc.QuerySelector("time[datetime='2025-01-14']")?.GetAttribute("datetime"));
        Assert.Contains("05:50", doc.QuerySelector(".episode-facts")!.TextContent);
        Assert.Equal(["Maya Okafor", "Tom Brandt", "Lena Hoffmann"],
            doc.QuerySelectorAll(".episode-facts a[href*='/people/']").Select(a => a.TextContent));
        Assert.Contains("<strong>schema</strong>", doc.QuerySelector(".summary")!.InnerHtml);

        // The chapter table links to <h2 id> anchors, in order, with times.
        var toc = doc.QuerySelectorAll(".toc a").Select(a => (Href: a.GetAttribute("href")!, Text: a.TextContent)).ToList();
        Assert.Equal(["#welcome", "#the-day-the-pipeline-broke", "#schemas-as-contracts", "#what-to-do-when-a-schema-changes"], toc.Select(t => t.Href));
        Assert.Contains("03:05", toc[2].Text);
        foreach (var (href, _) in toc)
            Assert.Equal("H2", doc.GetElementById(href[1..])?.TagName);

        // Every paragraph carries its timestamp anchor and links to itself.
        var paragraphs = doc.QuerySelectorAll(".transcript .para").ToList();
        Assert.Equal(15, paragraphs.Count);
        Assert.Equal("t-00-03-12", paragraphs[8].Id);
        foreach (var p in paragraphs)
        {
            Assert.Matches("^t-\\d{2}-\\d{2}-\\d{2}$", p.Id!);
            Assert.Equal("#" + p.Id, p.QuerySelector("a.para-anchor")!.GetAttribute("href"));
        }
        Assert.Equal("Lena Hoffmann", paragraphs[8].QuerySelector(".speaker")!.TextContent);
    }

    [Fact]
    public void Topic_pages_and_the_topic_index_list_their_episodes()
    {
        var topic = Parser.ParseDocument(site.Page("topics/parquet/index.html"));
        Assert.Equal("Parquet", topic.QuerySelector("h1")!.TextContent);
        var links = topic.QuerySelectorAll(".card-title a").Select(a => a.GetAttribute("href")).ToList();
        Assert.Equal(["/episodes/streams-batches-and-the-space-between/", "/episodes/why-your-data-pipeline-needs-a-schema/"], links);

        var index = Parser.ParseDocument(site.Page("topics/index.html"));
        var names = index.QuerySelectorAll("section:first-of-type .term-list a").Select(a => a.TextContent).ToList();
        Assert.Contains("open source", names);
        Assert.Equal(names.Order(StringComparer.OrdinalIgnoreCase), names);
    }

    [Fact]
    public void Every_internal_link_asset_and_fragment_resolves()
    {
        var problems = new SiteCrawler(site.Output).Check();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    [Fact]
    public void Sitemap_lists_every_page()
    {
        var sitemap = site.Page("sitemap.xml");
        foreach (var page in site.EpisodePages())
        {
            var url = "/" + Path.GetRelativePath(site.Output, Path.GetDirectoryName(page)!).Replace('\\', '/') + "/";
            Assert.Contains($"<loc>{url}</loc>", sitemap);
        }
        Assert.Contains("<loc>/topics/parquet/</loc>", sitemap);
    }

    [RequiresNodeFact]
    public void Search_index_answers_a_query_and_lands_on_the_chapter()
    {
        var hits = PagefindQuery.Search(site.Output, "parquet");
        var schema = Assert.Single(hits, h => h.Url == "/episodes/why-your-data-pipeline-needs-a-schema/");
        Assert.Contains(schema.SubResults, s => s.Url == "/episodes/why-your-data-pipeline-needs-a-schema/#schemas-as-contracts");

        var changelog = PagefindQuery.Search(site.Output, "changelog");
        Assert.Equal("/episodes/shipping-the-first-release/", changelog[0].Url);
        Assert.Contains(changelog[0].SubResults, s => s.Url.EndsWith("#writing-the-changelog"));
    }

    [RequiresNodeFact]
    public void Search_page_loads_pagefind_ui()
    {
        var doc = Parser.ParseDocument(site.Page("search/index.html"));
        Assert.NotNull(doc.QuerySelector("script[src='/pagefind/pagefind-ui.js']"));
        Assert.NotNull(doc.QuerySelector("link[href='/pagefind/pagefind-ui.css']"));
        Assert.True(File.Exists(Path.Combine(site.Output, "pagefind", "pagefind-ui.js")));
        Assert.True(File.Exists(Path.Combine(site.Output, "pagefind", "pagefind-entry.json")));
    }

    [Fact]
    public async Task Under_a_base_path_every_link_stays_inside_it()
    {
        using var temp = new TempFolder();
        var result = await CliRunner.Run("build", "--input", RepoPaths.DemoInput, "--output", temp.Combine("out"), "--base-url", "/archive/", "--no-search", "--quiet");
        Assert.Equal(0, result.ExitCode);
        var problems = new SiteCrawler(temp.Combine("out"), "/archive/").Check();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        Assert.Contains("href=\"/archive/assets/style.css\"", File.ReadAllText(temp.Combine("out", "index.html")));
        Assert.Contains("built without its search index", File.ReadAllText(temp.Combine("out", "search", "index.html")));
    }
}
