using System.Text.Json;
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
            "shows/index.html", "shows/signal-and-noise/index.html", "shows/open-workshop/index.html", "shows/field-notes-radio/index.html",
            "episodes/why-your-data-pipeline-needs-a-schema/index.html", "assets/style.css", "archive/index.html",
        })
            Assert.True(File.Exists(Path.Combine(site.Output, file)), file + " is missing");

        // A page per input file, and per episode line of the listing.
        var inputs = Directory.EnumerateFiles(RepoPaths.DemoInput).Count(f => !f.EndsWith(".yml") && !Path.GetFileName(f).StartsWith("README"));
        var listed = File.ReadAllLines(Path.Combine(RepoPaths.DemoInput, "field-notes-radio-listing.txt")).Count(l => l.Length > 200);
        Assert.Equal(3, listed);
        Assert.Equal(inputs - 1 + listed, site.EpisodePages().Count());
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
    public void A_listing_line_is_an_episode_page_with_its_show_notes_chapters_and_transcript()
    {
        var doc = Parser.ParseDocument(site.Page("episodes/why-do-swifts-sleep-in-the-air-and-how-did-anyone-find-out/index.html"));
        Assert.Equal("Field Notes Radio", doc.QuerySelector(".episode-show a")!.TextContent);
        Assert.NotNull(doc.QuerySelector("time[datetime='2025-04-18']"));
        var summary = doc.QuerySelector(".summary")!.TextContent;
        Assert.Contains("tiny data loggers", summary);
        Assert.DoesNotContain("Subscribe", summary);
        Assert.DoesNotContain("Chapters", summary);
        var toc = doc.QuerySelectorAll(".toc a").Select(a => a.TextContent.Trim()).ToList();
        Assert.Equal(["00:00 Welcome", "00:31 Ten months aloft", "01:12 How the loggers work", "01:58 What is still unknown"], toc);
        var paragraphs = doc.QuerySelectorAll(".transcript .para").ToList();
        Assert.Equal(12, paragraphs.Count);
        Assert.Equal("t-00-01-40", paragraphs[8].Id);
        Assert.StartsWith("At night they climb high", paragraphs[8].QuerySelector("p")!.TextContent);
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
    public void Episode_page_plays_from_each_paragraph_and_links_its_neighbours_and_downloads()
    {
        const string Page = "episodes/why-your-data-pipeline-needs-a-schema/";
        var doc = Parser.ParseDocument(site.Page(Page + "index.html"));

        // An audio file: a player on the page, and each timed paragraph opens it at its moment.
        Assert.Equal("https://media.example.org/signal-and-noise/001.mp3", doc.QuerySelector("audio#player")!.GetAttribute("src"));
        var play = doc.QuerySelector("#t-00-03-12 a.para-play")!;
        Assert.Equal("https://media.example.org/signal-and-noise/001.mp3#t=192", play.GetAttribute("href"));
        Assert.Equal("Play from 03:12", play.TextContent.Replace("▶", ""));
        // Episodes without media have no play links.
        Assert.Empty(Parser.ParseDocument(site.Page("episodes/vector-search-without-the-hype/index.html")).QuerySelectorAll(".para-play"));

        // The first Signal & Noise episode has a next one and no previous one.
        var neighbours = doc.QuerySelector("nav.neighbours")!;
        Assert.Null(neighbours.QuerySelector("a[rel=prev]"));
        Assert.Equal("/episodes/vector-search-without-the-hype/", neighbours.QuerySelector("a[rel=next]")!.GetAttribute("href"));
        var middle = Parser.ParseDocument(site.Page("episodes/testing-data-like-you-test-code/index.html"));
        Assert.Equal("/episodes/vector-search-without-the-hype/", middle.QuerySelector("nav.neighbours a[rel=prev]")!.GetAttribute("href"));
        Assert.Equal("/episodes/streams-batches-and-the-space-between/", middle.QuerySelector("nav.neighbours a[rel=next]")!.GetAttribute("href"));

        // Every download is offered under a stable name in the episode's folder.
        var downloads = doc.QuerySelectorAll(".downloads a[download]").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(new[] { ".txt", ".vtt", ".srt", ".json", ".chapters.json" }.Select(x => "/" + Page + "why-your-data-pipeline-needs-a-schema" + x), downloads);
        foreach (var d in downloads) Assert.True(File.Exists(Path.Combine(site.Output, d.TrimStart('/'))), d);
        Assert.StartsWith("WEBVTT\n\n00:00:00.000 --> 00:00:06.000\n<v Maya Okafor>Welcome to Signal &amp; Noise,",
            site.Page(Page + "why-your-data-pipeline-needs-a-schema.vtt"));
    }

    [Fact]
    public void Episode_head_has_description_canonical_opengraph_and_chapters_as_clips()
    {
        var doc = Parser.ParseDocument(site.Page("episodes/why-your-data-pipeline-needs-a-schema/index.html"));
        Assert.Equal("Why Your Data Pipeline Needs a Schema · Signal & Workshop", doc.Title);
        Assert.StartsWith("Lena Hoffmann has spent a decade", doc.QuerySelector("meta[name=description]")!.GetAttribute("content"));
        Assert.Equal("/episodes/why-your-data-pipeline-needs-a-schema/", doc.QuerySelector("link[rel=canonical]")!.GetAttribute("href"));
        Assert.Equal("article", doc.QuerySelector("meta[property='og:type']")!.GetAttribute("content"));
        Assert.Equal("Why Your Data Pipeline Needs a Schema", doc.QuerySelector("meta[property='og:title']")!.GetAttribute("content"));

        using var json = JsonDocument.Parse(doc.QuerySelector("script[type='application/ld+json']")!.TextContent);
        var episode = json.RootElement;
        Assert.Equal("PodcastEpisode", episode.GetProperty("@type").GetString());
        Assert.Equal("Signal & Noise", episode.GetProperty("partOfSeries").GetProperty("name").GetString());
        Assert.Equal("PT5M50S", episode.GetProperty("duration").GetString());
        var clips = episode.GetProperty("hasPart").EnumerateArray().ToList();
        Assert.All(clips, c => Assert.Equal("Clip", c.GetProperty("@type").GetString()));
        Assert.Equal([0, 70, 185, 320], clips.Select(c => c.GetProperty("startOffset").GetInt32()));
        Assert.Equal([70, 185, 320, 350], clips.Select(c => c.GetProperty("endOffset").GetInt32()));
        Assert.Equal("/episodes/why-your-data-pipeline-needs-a-schema/#schemas-as-contracts", clips[2].GetProperty("url").GetString());
    }

    [Fact]
    public void Archive_page_lists_every_episode_by_year_and_month()
    {
        var doc = Parser.ParseDocument(site.Page("archive/index.html"));
        Assert.Equal(["2025"], doc.QuerySelectorAll(".year > h2").Select(h => h.FirstChild!.TextContent.Trim()));
        // Months newest first, each once; the demo archive spans at least January to May 2025.
        var months = doc.QuerySelectorAll("h3.month").Select(h => DateTime.ParseExact(h.TextContent, "MMMM yyyy", System.Globalization.CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(months.Distinct().OrderDescending(), months);
        Assert.Contains(new DateTime(2025, 1, 1), months);
        Assert.Contains(new DateTime(2025, 5, 1), months);
        var links = doc.QuerySelectorAll(".rows a").Select(a => a.GetAttribute("href")!).ToList();
        Assert.Equal(site.EpisodePages().Count(), links.Distinct().Count());
        Assert.Equal("/episodes/why-your-data-pipeline-needs-a-schema/", links[^1]);
    }

    [Fact]
    public void Person_and_show_pages_link_to_where_people_speak()
    {
        var person = Parser.ParseDocument(site.Page("people/lena-hoffmann/index.html"));
        Assert.Equal("Lena Hoffmann", person.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Signal & Noise", "Open Workshop"], person.QuerySelectorAll(".page-count a").Select(a => a.TextContent));
        var schema = person.QuerySelectorAll(".card").Single(c => c.QuerySelector(".card-title")!.TextContent == "Why Your Data Pipeline Needs a Schema");
        // Her first paragraph in each chapter she speaks in, with its time and the chapter's title.
        Assert.Equal(
            ["/episodes/why-your-data-pipeline-needs-a-schema/#t-00-00-15", "/episodes/why-your-data-pipeline-needs-a-schema/#t-00-01-18",
             "/episodes/why-your-data-pipeline-needs-a-schema/#t-00-03-12", "/episodes/why-your-data-pipeline-needs-a-schema/#t-00-05-27"],
            schema.QuerySelectorAll(".moments a").Select(a => a.GetAttribute("href")));
        Assert.Equal("03:12 Schemas as contracts", schema.QuerySelectorAll(".moments a")[2].TextContent);

        var show = Parser.ParseDocument(site.Page("shows/signal-and-noise/index.html"));
        Assert.Equal(["Maya Okafor", "Tom Brandt"], show.QuerySelectorAll(".page-header a[href^='/people/']").Select(a => a.TextContent));
        // Every Signal & Noise episode of the demo archive, whatever its format (.md, .vtt, whisperX .json, a whisper text dump with a sidecar).
        Assert.Equal(8, show.QuerySelectorAll(".card").Length);
    }

    [Fact]
    public void Topic_page_links_to_the_chapter_where_the_topic_comes_up()
    {
        var topic = Parser.ParseDocument(site.Page("topics/parquet/index.html"));
        var schema = topic.QuerySelectorAll(".card").Single(c => c.QuerySelector(".card-title")!.TextContent == "Why Your Data Pipeline Needs a Schema");
        var moment = Assert.Single(schema.QuerySelectorAll(".moments li"));
        Assert.Equal("/episodes/why-your-data-pipeline-needs-a-schema/#t-00-03-30", moment.QuerySelector("a")!.GetAttribute("href"));
        Assert.Equal("03:30 Schemas as contracts", moment.QuerySelector("a")!.TextContent);
        Assert.Contains("Parquet helps here", moment.QuerySelector(".moment-excerpt")!.TextContent);
    }

    [Fact]
    public void Episode_page_links_related_episodes_and_first_mentions_per_chapter()
    {
        var doc = Parser.ParseDocument(site.Page("episodes/why-your-data-pipeline-needs-a-schema/index.html"));
        var related = doc.QuerySelectorAll(".related-list > li").ToList();
        Assert.InRange(related.Count, 1, 5);
        Assert.DoesNotContain(related, r => r.QuerySelector("a")!.GetAttribute("href") == "/episodes/why-your-data-pipeline-needs-a-schema/");
        var streams = related.Single(r => r.QuerySelector("a.related-title")!.TextContent == "Streams, Batches and the Space Between");
        Assert.Contains("Parquet", streams.QuerySelectorAll(".shared-topics a").Select(a => a.TextContent));

        // "Parquet" links to its topic where the chapter first says it, not in the next paragraph.
        var first = doc.GetElementById("t-00-03-30")!;
        Assert.Equal("/topics/parquet/", first.QuerySelector("a.mention")!.GetAttribute("href"));
        Assert.Equal("And Parquet helps here because the schema travels with the file.", first.QuerySelector(".para-body p:last-child")!.TextContent);
        Assert.Empty(doc.GetElementById("t-00-03-34")!.QuerySelectorAll("a.mention[href='/topics/parquet/']"));
        // The guest named in the introduction links to their page.
        Assert.Equal("Lena Hoffmann", doc.GetElementById("t-00-00-06")!.QuerySelector("a.mention[href='/people/lena-hoffmann/']")!.TextContent);
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
