using System.Text.Json;
using Archive.Tests.Support;
using Microsoft.Playwright;

namespace Archive.Tests.Site;

/// <summary>
/// axe-core in Debian's Chromium over a sample of the built demo archive's pages, in light and
/// dark colours: no serious or critical violation. The search page is audited with results shown.
/// </summary>
public class AccessibilityTests(DemoSiteFixture site) : IClassFixture<DemoSiteFixture>
{
    private static readonly string[] ChromiumArgs =
        ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    /// <summary>One page of each kind, the longest episode, and an episode that plays its audio from paragraphs.</summary>
    private IEnumerable<string> Sample()
    {
        var episodes = site.EpisodePages().ToList();
        var longest = episodes.OrderByDescending(p => new FileInfo(p).Length).First();
        yield return "";
        yield return Path.GetRelativePath(site.Output, Path.GetDirectoryName(longest)!) + "/";
        yield return "episodes/why-your-data-pipeline-needs-a-schema/";
        yield return "archive/";
        yield return "topics/";
        yield return "topics/parquet/";
        yield return "people/";
        yield return "people/lena-hoffmann/";
        yield return "shows/signal-and-noise/";
        yield return "404.html";
    }

    [RequiresChromiumFact]
    public async Task Sampled_pages_have_no_serious_or_critical_axe_violations()
    {
        NodeTestTools.EnsureInstalled();
        var axe = await File.ReadAllTextAsync(NodeTestTools.AxeScript);
        using var server = new StaticSiteServer(site.Output);
        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExternalTools.ChromiumPath, Args = ChromiumArgs, Headless = true });

        var problems = new List<string>();
        foreach (var scheme in new[] { ColorScheme.Light, ColorScheme.Dark })
        {
            await using var context = await browser.NewContextAsync(new() { ColorScheme = scheme, ViewportSize = new() { Width = 1280, Height = 900 } });
            var page = await context.NewPageAsync();
            var pages = Sample().ToList();
            if (ExternalTools.HasNode.Value && Directory.Exists(Path.Combine(site.Output, "pagefind"))) pages.Add("search/?q=schema");
            foreach (var path in pages)
            {
                await page.GotoAsync(server.Origin + "/" + path);
                if (path.StartsWith("search/", StringComparison.Ordinal))
                    await page.WaitForSelectorAsync(".search-result", new() { Timeout = 15000 });
                problems.AddRange((await Audit(page, axe)).Select(p => $"{scheme} /{path}: {p}"));
            }
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    /// <summary>axe's serious and critical violations on the page: rule, impact, and the first elements.</summary>
    private static async Task<IEnumerable<string>> Audit(IPage page, string axe)
    {
        await page.AddScriptTagAsync(new() { Content = axe });
        var json = await page.EvaluateAsync<JsonElement>("""
            async () => {
              const r = await axe.run(document, { resultTypes: ['violations'] });
              return r.violations.filter(v => v.impact === 'serious' || v.impact === 'critical')
                .map(v => `${v.id} (${v.impact}): ${v.help} — ${v.nodes.slice(0, 3).map(n => n.target.join(' ')).join(', ')}`);
            }
            """);
        return json.EnumerateArray().Select(v => v.GetString()!).ToList();
    }
}
