using AngleSharp.Html.Parser;
using Archive.Tests.Support;

namespace Archive.Tests.Seeds;

/// <summary>Real transcripts from ../shared/seeds, built as a user would build them.</summary>
public class SeedSiteTests
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Builds one seed (copied into a temp input folder) and returns the output folder.</summary>
    internal static async Task<(TempFolder Temp, CliRunner.Result Result)> BuildSeed(string prefix)
    {
        var temp = new TempFolder("seed");
        var seed = RepoPaths.Seed(prefix);
        Directory.CreateDirectory(temp.Combine("input"));
        File.Copy(seed, temp.Combine("input", Path.GetFileName(seed)));
        var result = await CliRunner.Run("build", "--input", temp.Combine("input"), "--output", temp.Combine("out"), "--no-search", "--quiet");
        return (temp, result);
    }

    [Fact]
    public async Task Seed_004_markdown_captions_becomes_a_page_with_title_topics_and_timed_paragraphs()
    {
        var (temp, result) = await BuildSeed("004");
        using var _ = temp;
        Assert.True(result.ExitCode == 0, result.Error);
        var page = Assert.Single(Directory.EnumerateFiles(temp.Combine("out", "episodes"), "index.html", SearchOption.AllDirectories));
        var doc = Parser.ParseDocument(File.ReadAllText(page));

        Assert.Equal("Welcome Val, chief AI officer of Weta", doc.QuerySelector("h1")!.TextContent);
        Assert.Equal(["AI", "Agents", "RAG", "LLM", "Startup", "Technology", "Tutorial", "Development"],
            doc.QuerySelectorAll(".episode-facts .tags a").Select(a => a.TextContent));
        Assert.Equal("https://www.youtube.com/watch?v=EJB2Oj_VAk8", doc.QuerySelector(".episode-facts a[rel=noopener]")!.GetAttribute("href"));
        // Placeholder metadata ("Unknown" channel, one-letter speaker) is not shown as fact.
        Assert.Null(doc.QuerySelector(".episode-show"));
        Assert.DoesNotContain("Speakers", doc.QuerySelector(".episode-facts")!.TextContent);

        var paragraphs = doc.QuerySelectorAll(".transcript .para").ToList();
        Assert.True(paragraphs.Count > 20, $"{paragraphs.Count} paragraphs");
        Assert.All(paragraphs, p => Assert.Matches("^t-\\d{2}-\\d{2}-\\d{2}", p.Id!));
        // The first turn ends where ">>" marks the next speaker; caption fragments are joined.
        Assert.Equal("t-00-00-00", paragraphs[0].Id);
        Assert.Equal("Welcome Val, chief AI officer of Weta.", paragraphs[0].QuerySelector("p")!.TextContent);
        Assert.Equal("t-00-00-04", paragraphs[1].Id);
        Assert.StartsWith("Yes, you know, we've we've done one of these in San Francisco, so it's great to actually see you here in New York City.",
            paragraphs[1].QuerySelector("p")!.TextContent);
        Assert.DoesNotContain(">>", doc.QuerySelector(".transcript")!.TextContent);
    }
}
