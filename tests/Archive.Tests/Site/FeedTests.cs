using System.Globalization;
using System.Text.Json;
using System.Xml.Linq;
using AngleSharp.Html.Parser;
using Archive.Core.Loading;
using Archive.Tests.Support;

namespace Archive.Tests.Site;

/// <summary>The demo archive as published on GitHub Pages: under /archive/ of https://example.org.</summary>
public sealed class PublishedSiteFixture : IDisposable
{
    public const string SiteUrl = "https://example.org";
    public const string BasePath = "/archive/";
    private readonly TempFolder _folder = new("published-site");

    public PublishedSiteFixture()
    {
        Output = _folder.Combine("output");
        Build = CliRunner.Run("build", "--input", RepoPaths.DemoInput, "--output", Output, "--theme", RepoPaths.DefaultTheme,
            "--site-url", SiteUrl, "--base-url", BasePath, "--no-search", "--quiet").GetAwaiter().GetResult();
    }

    public string Output { get; }
    public CliRunner.Result Build { get; }

    /// <summary>The output file an absolute URL of the site names (a folder's index.html); null for a URL outside the site.</summary>
    public string? FileOf(string url)
    {
        var prefix = SiteUrl + BasePath;
        if (!url.StartsWith(prefix, StringComparison.Ordinal)) return null;
        var relative = Uri.UnescapeDataString(url[prefix.Length..].Split('#')[0]);
        return Path.Combine(Output, relative.Length == 0 || relative.EndsWith('/') ? relative + "index.html" : relative);
    }

    public void Dispose() => _folder.Dispose();
}

/// <summary>robots.txt, the sitemap, the Atom feed and the shows' podcast feeds of a published site.</summary>
public class FeedTests(PublishedSiteFixture site, DemoSiteFixture local) : IClassFixture<PublishedSiteFixture>, IClassFixture<DemoSiteFixture>
{
    private static readonly XNamespace Atom = "http://www.w3.org/2005/Atom";
    private static readonly XNamespace Podcast = "https://podcastindex.org/namespace/1.0";
    private static readonly XNamespace Sitemap = "http://www.sitemaps.org/schemas/sitemap/0.9";
    private static readonly Lazy<LoadedArchive> Demo = new(() => ArchiveLoader.Load(new Archive.Core.Loading.LoadOptions(RepoPaths.DemoInput)));

    private XDocument Xml(string relative) => XDocument.Load(Path.Combine(site.Output, relative));

    private void AssertResolves(string url)
    {
        var file = site.FileOf(url);
        Assert.True(file is not null, $"{url} is not a URL of the site");
        Assert.True(File.Exists(file), $"{url} names no file of the site ({file})");
    }

    [Fact]
    public void Robots_txt_lets_crawlers_in_and_names_the_absolute_sitemap()
    {
        Assert.Equal(0, site.Build.ExitCode);
        var robots = File.ReadAllText(Path.Combine(site.Output, "robots.txt"));
        Assert.StartsWith("User-agent: *\nAllow: /\n", robots);
        Assert.Contains("\nSitemap: https://example.org/archive/sitemap.xml\n", robots);
        // Without a site URL there is no absolute address to give: no Sitemap line.
        Assert.DoesNotContain("Sitemap:", File.ReadAllText(Path.Combine(local.Output, "robots.txt")));
    }

    [Fact]
    public void Sitemap_lists_absolute_urls_of_pages_that_exist()
    {
        var locs = Xml("sitemap.xml").Descendants(Sitemap + "loc").Select(l => l.Value).ToList();
        Assert.Contains("https://example.org/archive/", locs);
        Assert.Contains("https://example.org/archive/episodes/why-your-data-pipeline-needs-a-schema/", locs);
        Assert.Equal(locs.Count, locs.Distinct().Count());
        foreach (var loc in locs) AssertResolves(loc);
    }

    [Fact]
    public void Atom_feed_lists_the_newest_episodes_with_absolute_links()
    {
        var feed = Xml("feed.xml").Root!;
        Assert.Equal(Atom + "feed", feed.Name);
        Assert.Equal("https://example.org/archive/feed.xml", feed.Element(Atom + "id")!.Value);
        Assert.Equal("Signal & Workshop", feed.Element(Atom + "title")!.Value);
        Assert.Equal("Signal & Workshop", feed.Element(Atom + "author")!.Element(Atom + "name")!.Value);
        Assert.Equal("https://example.org/archive/feed.xml", feed.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "self").Attribute("href")!.Value);

        var entries = feed.Elements(Atom + "entry").ToList();
        var archive = Demo.Value;
        Assert.Equal(Math.Min(50, archive.Episodes.Count), entries.Count);
        var updated = entries.Select(e => DateTimeOffset.Parse(e.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture)).ToList();
        Assert.Equal(updated.OrderDescending(), updated);
        Assert.Equal(updated[0], DateTimeOffset.Parse(feed.Element(Atom + "updated")!.Value, CultureInfo.InvariantCulture));
        foreach (var entry in entries)
        {
            foreach (var required in new[] { "id", "title", "updated", "summary" })
                Assert.False(string.IsNullOrWhiteSpace(entry.Element(Atom + required)?.Value), $"an entry lacks {required}");
            var link = entry.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "alternate").Attribute("href")!.Value;
            Assert.Equal(entry.Element(Atom + "id")!.Value, link);
            AssertResolves(link);
        }
        var schema = entries.Single(e => e.Element(Atom + "title")!.Value == "Why Your Data Pipeline Needs a Schema");
        Assert.Equal("https://media.example.org/signal-and-noise/001.mp3", schema.Elements(Atom + "link").Single(l => (string?)l.Attribute("rel") == "enclosure").Attribute("href")!.Value);
        Assert.Contains("Parquet", schema.Elements(Atom + "category").Select(c => c.Attribute("term")!.Value));
    }

    [Fact]
    public void The_feeds_and_pages_name_the_program_and_its_release()
    {
        // The release is Directory.Build.props' Version, without a source revision (the same release writes the same bytes).
        var version = XDocument.Load(Path.Combine(RepoPaths.Root, "Directory.Build.props")).Descendants("Version").Single().Value;
        Assert.Matches(@"^\d+\.\d+\.\d+$", version);
        var generator = Xml("feed.xml").Root!.Element(Atom + "generator")!;
        Assert.Equal("transcript-archive", generator.Value);
        Assert.Equal(version, generator.Attribute("version")!.Value);
        var show = Demo.Value.Shows[0].Slug;
        Assert.Equal($"transcript-archive {version}", Xml($"shows/{show}/podcast.xml").Root!.Element("channel")!.Element("generator")!.Value);
        var home = new HtmlParser().ParseDocument(File.ReadAllText(Path.Combine(site.Output, "index.html")));
        Assert.Equal($"transcript-archive {version}", home.QuerySelector("meta[name=generator]")!.GetAttribute("content"));
    }

    [Fact]
    public void Each_show_has_a_podcast_feed_pointing_at_its_transcripts_and_chapters()
    {
        var archive = Demo.Value;
        foreach (var show in archive.Shows)
        {
            var rss = Xml($"shows/{show.Slug}/podcast.xml").Root!;
            Assert.Equal("rss", rss.Name.LocalName);
            Assert.Equal("2.0", rss.Attribute("version")!.Value);
            var channel = rss.Element("channel")!;
            Assert.Equal(show.Name, channel.Element("title")!.Value);
            Assert.Equal($"https://example.org/archive/shows/{show.Slug}/", channel.Element("link")!.Value);
            Assert.False(string.IsNullOrWhiteSpace(channel.Element("description")!.Value));
            Assert.Equal($"https://example.org/archive/shows/{show.Slug}/podcast.xml", channel.Element(Atom + "link")!.Attribute("href")!.Value);

            var items = channel.Elements("item").ToList();
            Assert.Equal(show.Episodes.Count, items.Count);
            foreach (var item in items)
            {
                var link = item.Element("link")!.Value;
                Assert.Equal(link, item.Element("guid")!.Value);
                AssertResolves(link);
                var slug = link.TrimEnd('/').Split('/')[^1];
                var episode = archive.Episodes.Single(e => e.Slug == slug).Episode;
                if (episode.Date is { } date)
                    Assert.Equal(date, DateOnly.FromDateTime(DateTime.Parse(item.Element("pubDate")!.Value, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal)));

                // Exactly the downloads the episode page offers, each announced with its type.
                var page = new HtmlParser().ParseDocument(File.ReadAllText(site.FileOf(link)!));
                var downloads = page.QuerySelectorAll(".downloads a[download]").Select(a => PublishedSiteFixture.SiteUrl + a.GetAttribute("href")).ToList();
                var announced = item.Elements(Podcast + "transcript").Concat(item.Elements(Podcast + "chapters"))
                    .Select(t => (Url: t.Attribute("url")!.Value, Type: t.Attribute("type")!.Value, Tag: t.Name.LocalName)).ToList();
                Assert.Equal(downloads.Order(StringComparer.Ordinal), announced.Select(a => a.Url).Order(StringComparer.Ordinal));
                foreach (var (url, type, tag) in announced)
                {
                    AssertResolves(url);
                    var expected = Path.GetFileName(url)[slug.Length..] switch
                    {
                        ".txt" => ("transcript", "text/plain"), ".vtt" => ("transcript", "text/vtt"), ".srt" => ("transcript", "application/x-subrip"),
                        ".json" => ("transcript", "application/json"), ".chapters.json" => ("chapters", "application/json+chapters"), var other => (other, other),
                    };
                    Assert.Equal(expected, (tag, type));
                }
                Assert.Contains(announced, a => a.Type == "text/plain");
                if (episode.Paragraphs.All(p => p.Start is not null) && episode.Chapters.Count > 0)
                    Assert.Contains(announced, a => a.Tag == "chapters");
            }
        }
        var schemaItem = Xml("shows/signal-and-noise/podcast.xml").Descendants("item").Single(i => i.Element("title")!.Value == "Why Your Data Pipeline Needs a Schema");
        var enclosure = schemaItem.Element("enclosure")!;
        Assert.Equal("https://media.example.org/signal-and-noise/001.mp3", enclosure.Attribute("url")!.Value);
        Assert.Equal("audio/mpeg", enclosure.Attribute("type")!.Value);
        Assert.Equal("00:05:50", schemaItem.Element(XName.Get("duration", "http://www.itunes.com/dtds/podcast-1.0.dtd"))!.Value);
    }

    [Fact]
    public void Pages_name_their_feeds_in_the_head()
    {
        var parser = new HtmlParser();
        string Alternate(string page, string type) => parser.ParseDocument(File.ReadAllText(Path.Combine(site.Output, page)))
            .QuerySelector($"head link[rel=alternate][type='{type}']")?.GetAttribute("href") ?? "";
        Assert.Equal("/archive/feed.xml", Alternate("index.html", "application/atom+xml"));
        Assert.Equal("/archive/feed.xml", Alternate("topics/index.html", "application/atom+xml"));
        Assert.Equal("/archive/shows/signal-and-noise/podcast.xml", Alternate("shows/signal-and-noise/index.html", "application/rss+xml"));
        Assert.Equal("/archive/shows/signal-and-noise/podcast.xml", Alternate("episodes/why-your-data-pipeline-needs-a-schema/index.html", "application/rss+xml"));
        Assert.Equal("", Alternate("topics/index.html", "application/rss+xml"));
    }

    [Fact]
    public void Without_a_site_url_feeds_use_root_relative_urls_and_stay_valid()
    {
        var feed = XDocument.Load(Path.Combine(local.Output, "feed.xml")).Root!;
        Assert.Equal("urn:archive:/feed.xml", feed.Element(Atom + "id")!.Value);
        Assert.All(feed.Elements(Atom + "entry"), e => Assert.StartsWith("/episodes/", e.Elements(Atom + "link").First().Attribute("href")!.Value));
        var rss = XDocument.Load(Path.Combine(local.Output, "shows", "signal-and-noise", "podcast.xml")).Root!;
        Assert.Null(rss.Element("channel")!.Element(Atom + "link"));
        Assert.All(rss.Descendants("guid"), g => Assert.Equal("false", g.Attribute("isPermaLink")!.Value));
        Assert.All(rss.Descendants(Podcast + "transcript"), t => Assert.True(File.Exists(Path.Combine(local.Output, t.Attribute("url")!.Value.TrimStart('/')))));
    }
}
