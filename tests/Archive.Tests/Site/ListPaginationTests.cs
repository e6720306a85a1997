using AngleSharp.Html.Parser;
using Archive.Core.Loading;
using Archive.Site;
using Archive.Site.Rendering;
using Archive.Tests.Support;

namespace Archive.Tests.Site;

/// <summary>A topic or person with more episodes than a page holds gets pages that link to each other, newest first.</summary>
public class ListPaginationTests
{
    [Fact]
    public void A_topic_and_a_person_with_many_episodes_continue_over_linked_pages()
    {
        using var temp = new TempFolder("pagination");
        int count = ListLimits.Default.EpisodesPerPage * 2 + 5;
        temp.Write("input/archive.yml", "title: Kite Club\n");
        var start = new DateOnly(2020, 1, 6);
        for (int i = 0; i < count; i++)
        {
            var date = start.AddDays(7 * i).ToString("yyyy-MM-dd");
            temp.Write($"input/week-{i:000}.md", $"""
                ---
                title: "Kite Week {i}"
                show: Kite Club
                date: {date}
                speakers: [Rae Host]
                topics: [kites]
                ---

                **[00:00:01] Rae Host:** Week {i} of kites: the wind was {(i % 2 == 0 ? "steady" : "gusty")} and the lines held.
                """);
        }
        var archive = ArchiveLoader.Load(new LoadOptions(temp.Combine("input")));
        var output = temp.Combine("site");
        SiteBuilder.Build(archive, new BuildOptions(output) { ThemeDirectory = RepoPaths.DefaultTheme, SkipSearchIndex = true });

        var parser = new HtmlParser();
        foreach (var list in new[] { "topics/kites", "people/rae-host" })
        {
            var first = parser.ParseDocument(File.ReadAllText(Path.Combine(output, list, "index.html")));
            var second = parser.ParseDocument(File.ReadAllText(Path.Combine(output, list, "page", "2", "index.html")));
            var third = parser.ParseDocument(File.ReadAllText(Path.Combine(output, list, "page", "3", "index.html")));
            Assert.False(Directory.Exists(Path.Combine(output, list, "page", "4")));
            Assert.Equal(ListLimits.Default.EpisodesPerPage, first.QuerySelectorAll(".cards > li").Length);
            Assert.Equal(ListLimits.Default.EpisodesPerPage, second.QuerySelectorAll(".cards > li").Length);
            Assert.Equal(5, third.QuerySelectorAll(".cards > li").Length);
            // Newest first: the first page opens with the last week, the last page ends with week 0.
            Assert.Contains($"Kite Week {count - 1}", first.QuerySelector(".cards > li")!.TextContent);
            Assert.Contains("Kite Week 0", third.QuerySelectorAll(".cards > li").Last().TextContent);
            Assert.Equal($"/{list}/page/2/", first.QuerySelector(".pagination a[rel=next]")!.GetAttribute("href"));
            Assert.Null(first.QuerySelector(".pagination a[rel=prev]"));
            Assert.Equal($"/{list}/", second.QuerySelector(".pagination a[rel=prev]")!.GetAttribute("href"));
            Assert.Equal("2", second.QuerySelector(".pagination [aria-current=page]")!.TextContent);
            Assert.Null(third.QuerySelector(".pagination a[rel=next]"));
            Assert.Contains("(page 2)", second.Title);
        }
        // Every page is reachable and every link resolves.
        Assert.Empty(new SiteCrawler(output).Check());
        var sitemap = File.ReadAllText(Path.Combine(output, "sitemap.xml"));
        Assert.Contains("/topics/kites/page/3/", sitemap);
    }
}
