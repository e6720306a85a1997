using AngleSharp.Html.Parser;
using Archive.Core.Enriching;
using Archive.Core.Loading;
using Archive.Site.Indexing;
using Archive.Tests.Support;

namespace Archive.Tests.Site;

/// <summary>
/// The demo archive's search index, queried through the site's own pagefind.js in Node the way
/// the search page queries it: what is indexed, the moments results land on, filters, sorting.
/// </summary>
public class SearchIndexTests(DemoSiteFixture site) : IClassFixture<DemoSiteFixture>
{
    private const string Schema = "/episodes/why-your-data-pipeline-needs-a-schema/";
    private static readonly Lazy<LoadedArchive> Demo = new(() => ArchiveLoader.Load(new LoadOptions(RepoPaths.DemoInput)));

    [RequiresNodeFact]
    public void A_word_said_in_a_paragraph_lands_on_that_moment_with_its_time_and_speaker()
    {
        var hits = PagefindQuery.Search(site.Output, "parquet");
        var schema = Assert.Single(hits, h => h.Url == Schema + "?pagefind-highlight=parquet");
        var moment = Assert.Single(schema.SubResults, s => s.Url.EndsWith("#t-00-03-30", StringComparison.Ordinal));
        Assert.Equal("03:30 · Maya Okafor", moment.Title);
        Assert.Equal("div", moment.Element);
        Assert.Equal(Schema + "?pagefind-highlight=parquet#t-00-03-30", moment.Url);
        // The excerpt is the paragraph's own words, the word marked.
        Assert.Contains("<mark>Parquet</mark> helps here because the schema travels with the file", moment.Excerpt);
        Assert.Contains(schema.SubResults, s => s.Title == "03:34 · Lena Hoffmann");
    }

    [RequiresNodeFact]
    public void A_word_in_a_chapter_title_lands_on_the_chapter()
    {
        var hits = PagefindQuery.Search(site.Output, "changelog");
        Assert.StartsWith("/episodes/shipping-the-first-release/", hits[0].Url);
        var chapter = Assert.Single(hits[0].SubResults, s => s.Url.EndsWith("#writing-the-changelog", StringComparison.Ordinal));
        Assert.Equal("h2", chapter.Element);
        Assert.EndsWith("· Writing the changelog", chapter.Title);
    }

    [RequiresNodeFact]
    public void Only_title_summary_and_transcript_are_indexed()
    {
        var schema = PagefindQuery.Search(site.Output, "contract").Single(h => h.Url.StartsWith(Schema, StringComparison.Ordinal));
        // The title, the summary (its text, not its Markdown), chapter titles and what was said, in order…
        Assert.StartsWith("Why Your Data Pipeline Needs a Schema. Lena Hoffmann has spent a decade cleaning up after pipelines", schema.Content);
        Assert.Contains("explains why a schema is a contract between teams", schema.Content);
        Assert.Contains("Schemas as contracts. Where does a schema come in?", schema.Content);
        Assert.EndsWith("You can have it for free.", schema.Content.TrimEnd());
        // …and nothing of the page around them: facts, speaker labels, times, related and
        // neighbouring episodes, downloads, the source, the site's header and footer.
        foreach (var chrome in new[] { "Speakers", "Lena Hoffmann:", "03:12", "Chapters", "Related episodes", "Vector Search Without the Hype",
                     "Download", "WebVTT", "Source", ".md", "media.example.org", "Signal & Workshop", "Skip to content" })
            Assert.DoesNotContain(chrome, schema.Content);
        Assert.Equal(0, PagefindQuery.Run(site.Output, "SubRip").Count);
    }

    [RequiresNodeFact]
    public void Results_carry_filters_and_the_facts_a_result_shows()
    {
        var hit = PagefindQuery.Search(site.Output, "parquet").Single(h => h.Url.StartsWith(Schema, StringComparison.Ordinal));
        Assert.Equal(["Signal & Noise"], hit.Filters["show"]);
        Assert.Equal(["Maya Okafor", "Tom Brandt", "Lena Hoffmann"], hit.Filters["speaker"]);
        Assert.Contains("Parquet", hit.Filters["topic"]);
        Assert.Equal(["2025"], hit.Filters["year"]);
        var facts = Assert.Single(hit.Anchors, a => a.Id == SearchRecords.FactsId);
        Assert.Equal("""{"date":"January 14, 2025","dateIso":"2025-01-14","duration":"05:50","play":"https://media.example.org/signal-and-noise/001.mp3#t={t}"}""", facts.Title);
    }

    [RequiresNodeFact]
    public void The_facts_anchor_is_never_a_result()
    {
        foreach (var word in new[] { "the", "schema", "free", "boring" })
            Assert.All(PagefindQuery.Run(site.Output, word).Hits,
                h => Assert.DoesNotContain(h.SubResults, s => s.Url.Contains(SearchRecords.FactsId, StringComparison.Ordinal)));
    }

    [RequiresNodeFact]
    public void Filters_narrow_the_results_to_what_the_archive_says()
    {
        var archive = Demo.Value;
        var all = PagefindQuery.Run(site.Output, "the", counts: true);
        Assert.Equal(archive.Episodes.Count, all.Count);
        foreach (var show in archive.Shows)
        {
            var narrowed = PagefindQuery.Run(site.Output, "the", filters: new Dictionary<string, string> { ["show"] = show.Name });
            Assert.Equal(show.Episodes.Count, narrowed.Count);
            Assert.All(narrowed.Hits, h => Assert.Equal([show.Name], h.Filters["show"]));
            Assert.Equal(show.Episodes.Count, all.Filters["show"][show.Name]);
        }
        var lena = archive.People.Single(p => p.Name == "Lena Hoffmann");
        Assert.Equal(lena.Episodes.Count, PagefindQuery.Run(site.Output, "the", filters: new Dictionary<string, string> { ["speaker"] = "Lena Hoffmann" }).Count);
        // The topic filter holds the topics an episode is named (its metadata, archive.yml's rules),
        // not those found in its text, which one new episode can shift across the whole archive.
        Assert.Equal(archive.Episodes.Count(e => e.NamedTopics.Contains("Parquet")),
            PagefindQuery.Run(site.Output, null, filters: new Dictionary<string, string> { ["topic"] = "Parquet" }).Count);
        var named = archive.Episodes.SelectMany(e => e.NamedTopics).Select(Taxonomy.SlugOf).ToHashSet();
        var foundOnly = archive.Topics.Where(t => !named.Contains(t.Slug)).Select(t => t.Name).ToList();
        Assert.NotEmpty(foundOnly);
        Assert.Equal(archive.Topics.Where(t => named.Contains(t.Slug)).Select(t => t.Name).Order(StringComparer.Ordinal),
            all.Filters["topic"].Keys.Order(StringComparer.Ordinal));
        Assert.Equal(archive.Episodes.Count(e => e.Episode.Date?.Year == 2025), all.Filters["year"]["2025"]);
    }

    [RequiresNodeFact]
    public void Results_sort_by_date()
    {
        var newest = PagefindQuery.Run(site.Output, "the", sort: "newest:desc", details: 1000);
        var dates = newest.Hits.Select(DateOf).ToList();
        Assert.Equal(Demo.Value.Episodes.Count(e => e.Episode.Date is not null), dates.Count);
        Assert.Equal(dates.OrderDescending(StringComparer.Ordinal), dates);
        var oldest = PagefindQuery.Run(site.Output, "the", sort: "oldest:asc", details: 1000).Hits.Select(DateOf).ToList();
        Assert.Equal(dates.AsEnumerable().Reverse(), oldest);
    }

    [RequiresNodeFact]
    public void A_query_downloads_only_the_fragments_of_the_results_it_shows()
    {
        var three = PagefindQuery.Run(site.Output, "the", details: 3);
        Assert.Equal(3, three.Fetched.Count(f => f.Url.Contains("/fragment/", StringComparison.Ordinal)));
        Assert.Equal(1, three.Fetched.Count(f => f.Url.EndsWith(".pagefind", StringComparison.Ordinal)));
        Assert.DoesNotContain(three.Fetched, f => f.Url.Contains("pagefind-ui", StringComparison.Ordinal));
    }

    [RequiresNodeFact]
    public void Search_page_runs_the_archives_own_search_ui_over_its_indexes()
    {
        var doc = new HtmlParser().ParseDocument(site.Page("search/index.html"));
        var form = doc.QuerySelector("form#search")!;
        Assert.Equal("/pagefind/", form.GetAttribute("data-bundle"));
        Assert.Equal("/", form.GetAttribute("data-base"));
        Assert.Equal("""[{"name":"2025","url":"/pagefind/","dated":true}]""", form.GetAttribute("data-indexes"));
        Assert.NotNull(doc.QuerySelector("label[for=search-q]"));
        Assert.Equal("q", doc.GetElementById("search-q")!.GetAttribute("name"));
        Assert.Equal(["show", "speaker", "topic", "year"], doc.QuerySelectorAll("select[data-filter]").Select(s => s.GetAttribute("name")!));
        Assert.NotNull(doc.QuerySelector("script[src='/assets/search.js']"));
        Assert.NotNull(doc.QuerySelector("link[href='/assets/search.css']"));
        Assert.Null(doc.QuerySelector("script[src*='pagefind-ui']"));
        Assert.True(File.Exists(Path.Combine(site.Output, "pagefind", "pagefind.js")));
        Assert.True(File.Exists(Path.Combine(site.Output, "pagefind", "pagefind-highlight.js")));
    }

    [Fact]
    public void Episode_pages_carry_no_indexing_markup()
    {
        // The index is built from search records, so a page's markup can never leak into it.
        foreach (var page in site.EpisodePages())
            Assert.DoesNotContain("data-pagefind", File.ReadAllText(page));
    }

    private static string DateOf(PagefindQuery.Hit hit)
    {
        var facts = hit.Anchors.Single(a => a.Id == SearchRecords.FactsId).Title!;
        return System.Text.Json.JsonDocument.Parse(facts).RootElement.GetProperty("dateIso").GetString()!;
    }
}
