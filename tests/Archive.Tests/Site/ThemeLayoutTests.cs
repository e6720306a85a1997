using Archive.Tests.Support;

namespace Archive.Tests.Site;

/// <summary>
/// A page's content is written into the layout where <c>{{{Content}}}</c> is (SiteRenderer renders
/// the layout around a marker); a theme's layout that shows the content another way still gets
/// exactly what Handlebars makes of it.
/// </summary>
public sealed class ThemeLayoutTests
{
    private const string Transcript = "---\ntitle: First Talk\n---\n**[00:00:01] Ada:** Tea & <cake> at noon.\n";

    private static async Task<string> EpisodePage(string layout)
    {
        using var temp = new TempFolder();
        temp.Write("input/one.md", Transcript);
        temp.Write("theme/templates/layout.hbs", layout);
        var result = await CliRunner.Run("build", "--input", temp.Combine("input"), "--output", temp.Combine("out"), "--no-search", "--theme", temp.Combine("theme"));
        Assert.Equal(0, result.ExitCode);
        return File.ReadAllText(temp.Combine("out", "episodes", "first-talk", "index.html"));
    }

    [Fact]
    public async Task The_content_goes_where_the_layout_puts_it()
    {
        var page = await EpisodePage("<!doctype html><title>{{Title}}</title><main>{{{Content}}}</main><footer>end</footer>\n");
        Assert.StartsWith("<!doctype html><title>First Talk", page);
        Assert.EndsWith("</main><footer>end</footer>\n", page);
        Assert.Single(AllIndexes(page, "Tea &amp; &lt;cake&gt; at noon."));
        Assert.DoesNotContain("archive-page-content", page);
    }

    [Fact]
    public async Task A_layout_that_shows_the_content_twice_gets_it_twice()
    {
        var page = await EpisodePage("<main>{{{Content}}}</main><aside>{{{Content}}}</aside>");
        Assert.Equal(2, AllIndexes(page, "Tea &amp; &lt;cake&gt; at noon.").Count);
        Assert.DoesNotContain("archive-page-content", page);
    }

    [Fact]
    public async Task A_layout_that_escapes_the_content_gets_it_escaped()
    {
        var page = await EpisodePage("<pre>{{Content}}</pre>");
        Assert.Contains("Tea &amp;amp; &amp;lt;cake&amp;gt; at noon.", page);
        Assert.DoesNotContain("archive-page-content", page);
    }

    private static List<int> AllIndexes(string text, string part)
    {
        var found = new List<int>();
        for (int at = text.IndexOf(part, StringComparison.Ordinal); at >= 0; at = text.IndexOf(part, at + 1, StringComparison.Ordinal)) found.Add(at);
        return found;
    }
}
