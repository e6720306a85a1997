using Archive.Tests.Support;

namespace Archive.Tests.Site;

/// <summary>Every page of the built demo archive passes html-validate's recommended rules.</summary>
public class HtmlValidityTests(DemoSiteFixture site) : IClassFixture<DemoSiteFixture>
{
    [RequiresNodeFact]
    public void Every_page_of_the_demo_archive_has_no_html_validate_error()
    {
        Assert.True(new SiteCrawler(site.Output).HtmlFiles().Count > 30);
        var errors = HtmlValidate.Errors(site.Output);
        Assert.True(errors.Count == 0, $"{errors.Count} html-validate errors:\n" + string.Join("\n", errors.Take(50)));
    }
}
