using Archive.Tests.Support;

namespace Archive.Tests.Seeds;

/// <summary>The four real-world seeds built together into one site, once for the tests below.</summary>
public sealed class SeedSiteFixture : IDisposable
{
    private readonly TempFolder _temp = new("seeds-site");

    public SeedSiteFixture()
    {
        var input = _temp.Combine("input");
        Directory.CreateDirectory(input);
        foreach (var seed in new[] { "000", "002", "003", "004" })
            File.Copy(RepoPaths.Seed(seed), Path.Combine(input, Path.GetFileName(RepoPaths.Seed(seed))));
        Output = _temp.Combine("out");
        Build = CliRunner.Run("build", "--input", input, "--output", Output, "--no-search", "--quiet").GetAwaiter().GetResult();
    }

    public string Output { get; }
    public CliRunner.Result Build { get; }

    public void Dispose() => _temp.Dispose();
}

/// <summary>Every link and fragment of the seed site resolves, and every page is valid HTML.</summary>
public class SeedSiteLinkTests(SeedSiteFixture site) : IClassFixture<SeedSiteFixture>
{
    [Fact]
    public void Every_internal_link_and_fragment_of_the_seed_site_resolves()
    {
        Assert.True(site.Build.ExitCode == 0, site.Build.Error);
        var crawler = new SiteCrawler(site.Output);
        Assert.True(crawler.HtmlFiles().Count > 60, $"{crawler.HtmlFiles().Count} pages");
        var problems = crawler.Check();
        Assert.True(problems.Count == 0, string.Join("\n", problems.Take(50)));
    }

    [RequiresNodeFact]
    public void Every_page_of_the_seed_site_has_no_html_validate_error()
    {
        Assert.True(site.Build.ExitCode == 0, site.Build.Error);
        var errors = HtmlValidate.Errors(site.Output);
        Assert.True(errors.Count == 0, $"{errors.Count} html-validate errors:\n" + string.Join("\n", errors.Take(50)));
    }
}
