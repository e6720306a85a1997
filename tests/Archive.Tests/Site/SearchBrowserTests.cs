using System.Text.RegularExpressions;
using Archive.Core.Loading;
using Archive.Tests.Support;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace Archive.Tests.Site;

/// <summary>The demo archive built under <c>/archive/</c>, as a GitHub Pages project site.</summary>
public sealed class SubPathSiteFixture : IDisposable
{
    public const string BasePath = "/archive/";
    private readonly TempFolder _folder = new("subpath-site");

    public SubPathSiteFixture()
    {
        Output = _folder.Combine("output");
        if (!ExternalTools.HasNode.Value) return;
        Build = CliRunner.Run("build", "--input", RepoPaths.DemoInput, "--output", Output, "--theme", RepoPaths.DefaultTheme,
            "--base-url", BasePath, "--quiet").GetAwaiter().GetResult();
    }

    public string Output { get; }
    public CliRunner.Result? Build { get; }

    public void Dispose() => _folder.Dispose();
}

/// <summary>
/// The search page in Debian's Chromium over the built demo archive: typing a query shows the
/// episode and its moments, a moment opens the episode at the paragraph with the words marked,
/// filters narrow, date order spans every index, and all of it works under a sub-path.
/// </summary>
public class SearchBrowserTests(DemoSiteFixture site, SplitIndexSiteFixture split, SubPathSiteFixture subPath)
    : IClassFixture<DemoSiteFixture>, IClassFixture<SplitIndexSiteFixture>, IClassFixture<SubPathSiteFixture>
{
    private const string Schema = "Why Your Data Pipeline Needs a Schema";
    private static readonly string[] ChromiumArgs = ["--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking", "--disable-component-update", "--disable-sync"];

    /// <summary>A site served on 127.0.0.1 and Debian's Chromium with one page open; disposing stops it all.</summary>
    private sealed class Browser : IAsyncDisposable
    {
        private StaticSiteServer _server = null!;
        private IPlaywright _playwright = null!;
        private IBrowser _browser = null!;
        public IPage Page { get; private set; } = null!;
        /// <summary>The site's address, base path included.</summary>
        public string Site => _server.Site;

        public static async Task<Browser> Open(string site, string basePath = "/")
        {
            var b = new Browser { _server = new StaticSiteServer(site, basePath), _playwright = await Playwright.CreateAsync() };
            b._browser = await b._playwright.Chromium.LaunchAsync(new() { ExecutablePath = ExternalTools.ChromiumPath, Args = ChromiumArgs, Headless = true });
            b.Page = await b._browser.NewPageAsync(new() { ViewportSize = new() { Width = 1200, Height = 900 } });
            b.Page.SetDefaultTimeout(15000);
            // Expectations wait as long as actions: on a loaded machine a search can take more than Playwright's default 5 s.
            Assertions.SetDefaultExpectTimeout(15000);
            return b;
        }

        public async ValueTask DisposeAsync()
        {
            await _browser.DisposeAsync();
            _playwright.Dispose();
            _server.Dispose();
        }
    }

    private static ILocator Result(IPage page, string title) =>
        page.Locator(".search-result").Filter(new() { Has = page.Locator(".card-title", new() { HasText = title }) });

    [RequiresChromiumFact]
    public async Task Typing_a_query_shows_the_episode_and_its_moment_opens_the_paragraph_with_the_words_marked()
    {
        await using var browser = await Browser.Open(site.Output);
        var page = browser.Page;

        await page.GotoAsync(browser.Site + "search/");
        await page.GetByLabel("Words to find").PressSequentiallyAsync("parquet", new() { Delay = 40 });
        var schema = Result(page, Schema);
        await Expect(schema).ToBeVisibleAsync();
        // The query is in the address, so the search can be shared.
        await Expect(page).ToHaveURLAsync(new Regex(@"/search/\?q=parquet$"));
        await Expect(page.Locator("#search-status")).ToHaveTextAsync(new Regex(@"^2 episodes found for “parquet”"));
        await Expect(schema.Locator(".card-meta")).ToHaveTextAsync(new Regex("^Signal & Noise·January 14, 2025·05:50$"));

        // "12:34 · Speaker — excerpt", with the word marked and a way to play from there.
        var moment = schema.Locator(".search-moment").Filter(new() { HasText = "03:30 · Maya Okafor" });
        await Expect(moment).ToHaveTextAsync(new Regex(@"^03:30 · Maya Okafor — And Parquet helps here because the schema travels with the file\. ▶ Play from 03:30$"));
        await Expect(moment.Locator("mark")).ToHaveTextAsync("Parquet");
        await Expect(moment.GetByRole(AriaRole.Link, new() { Name = "Play from 03:30" }))
            .ToHaveAttributeAsync("href", "https://media.example.org/signal-and-noise/001.mp3#t=210");

        await moment.Locator(".search-moment-link").ClickAsync();
        await page.WaitForURLAsync(new Regex(@"/episodes/why-your-data-pipeline-needs-a-schema/\?pagefind-highlight=parquet#t-00-03-30$"), new() { WaitUntil = WaitUntilState.Commit });
        var paragraph = page.Locator("#t-00-03-30");
        await Expect(paragraph).ToBeInViewportAsync();
        await Expect(paragraph.Locator("mark.search-word")).ToHaveTextAsync("Parquet");
        Assert.True(await paragraph.EvaluateAsync<bool>("p => p.matches(':target')"));

        // Back on the search page the results come back from the address.
        await page.GoBackAsync();
        await Expect(Result(page, Schema)).ToBeVisibleAsync();
        await Expect(page.GetByLabel("Words to find")).ToHaveValueAsync("parquet");
    }

    [RequiresChromiumFact]
    public async Task Words_said_in_every_episode_are_left_out_of_a_query()
    {
        await using var browser = await Browser.Open(site.Output);
        var page = browser.Page;
        var fetched = new List<string>();
        page.Request += (_, request) => fetched.Add(request.Url);

        await page.GotoAsync(browser.Site + "search/?q=the+parquet");
        await Expect(page.Locator("#search-status")).ToHaveTextAsync("2 episodes found for “parquet” (the left out: too common).");
        await Expect(Result(page, Schema)).ToBeVisibleAsync();
        await Expect(page.Locator(".search-moment mark").First).ToHaveTextAsync("Parquet");

        await page.GotoAsync(browser.Site + "search/?q=the");
        await Expect(page.Locator("#search-status")).ToHaveTextAsync(new Regex("^“the” is said in nearly every episode"));
        await Expect(page.Locator(".search-result")).ToHaveCountAsync(0);
        // In quotes it is searched as written.
        await page.GotoAsync(browser.Site + "search/?q=%22the%22");
        await Expect(page.Locator("#search-status")).ToHaveTextAsync(new Regex(@"^\d+ episodes found for ""the""[.,]"));
    }

    [RequiresChromiumFact]
    public async Task Words_of_a_chapter_title_open_the_chapter()
    {
        await using var browser = await Browser.Open(site.Output);
        var page = browser.Page;

        await page.GotoAsync(browser.Site + "search/?q=changelog");
        var chapter = page.Locator(".search-moment.is-chapter").Filter(new() { HasText = "Writing the changelog" });
        await Expect(chapter.Locator(".search-moment-link")).ToHaveTextAsync(new Regex(@"^\d\d:\d\d · Chapter: Writing the changelog$"));
        await chapter.Locator(".search-moment-link").ClickAsync();
        await page.WaitForURLAsync(new Regex("#writing-the-changelog$"), new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.Locator("h2#writing-the-changelog")).ToBeInViewportAsync();
        await Expect(page.Locator("h2#writing-the-changelog mark.search-word")).ToHaveTextAsync(new Regex("^changelog$", RegexOptions.IgnoreCase));
    }

    [RequiresChromiumFact]
    public async Task A_filter_narrows_the_results_and_stays_in_the_address()
    {
        var archive = ArchiveLoader.Load(new LoadOptions(RepoPaths.DemoInput));
        var workshop = archive.Shows.Single(s => s.Name == "Open Workshop");
        await using var browser = await Browser.Open(site.Output);
        var page = browser.Page;

        await page.GotoAsync(browser.Site + "search/?q=%22the%22");
        await Expect(page.Locator("#search-status")).ToHaveTextAsync(new Regex($"^{archive.Episodes.Count} episodes found"));
        await page.GetByText("Filter and sort").ClickAsync();
        var show = page.Locator("select[name=show]");
        await Expect(show.Locator("option", new() { HasText = "Open Workshop" })).ToHaveTextAsync($"Open Workshop ({workshop.Episodes.Count})");
        await show.SelectOptionAsync("Open Workshop");
        await Expect(page.Locator("#search-status")).ToHaveTextAsync(new Regex($"^{workshop.Episodes.Count} episodes found"));
        await Expect(page).ToHaveURLAsync(new Regex(@"\?q=%22the%22&show=Open\+Workshop$"));
        var metas = await page.Locator(".search-result .card-meta").AllInnerTextsAsync();
        Assert.Equal(Math.Min(8, workshop.Episodes.Count), metas.Count);
        Assert.All(metas, m => Assert.StartsWith("Open Workshop", m));

        // The shared address opens the same search, filter and all.
        await page.GotoAsync(browser.Site + "search/?q=%22the%22&show=Open+Workshop");
        await Expect(page.Locator("#search-status")).ToHaveTextAsync(new Regex($"^{workshop.Episodes.Count} episodes found"));
        await Expect(page.Locator("select[name=show]")).ToHaveValueAsync("Open Workshop");
    }

    [RequiresChromiumFact]
    public async Task A_filter_no_episode_has_a_value_for_is_not_offered()
    {
        // Topics found in the text are no filter values (see SearchRecords): without named topics the topic filter is empty.
        using var temp = new TempFolder("no-named-topics");
        foreach (var (slug, date) in new[] { ("one", "2024-01-02"), ("two", "2024-02-03") })
            temp.Write($"input/{slug}.md", $"---\ntitle: Lanterns {slug}\nshow: Night Shift\ndate: {date}\nspeakers: [Ada Quill]\n---\n\n" +
                "**[00:00:00] Ada Quill:** Paper lanterns float over the harbour, and paper lanterns light the quay.\n");
        var build = await CliRunner.Run("build", "--input", temp.Combine("input"), "--output", temp.Combine("out"), "--theme", RepoPaths.DefaultTheme, "--quiet");
        Assert.True(build.ExitCode == 0, build.Error);
        await using var browser = await Browser.Open(temp.Combine("out"));
        var page = browser.Page;

        await page.GotoAsync(browser.Site + "search/?q=lanterns");
        await Expect(page.Locator("#search-status")).ToHaveTextAsync(new Regex("^2 episodes found"));
        await page.GetByText("Filter and sort").ClickAsync();
        await Expect(page.Locator("select[name=show] option", new() { HasText = "Night Shift" })).ToHaveCountAsync(1);
        await Expect(page.Locator("select[name=show]")).ToBeVisibleAsync();
        await Expect(page.Locator("select[name=topic]")).ToBeHiddenAsync();
    }

    [RequiresChromiumFact]
    public async Task Date_order_runs_across_every_index_of_a_split_site()
    {
        Assert.Equal(0, split.Build!.ExitCode);
        await using var browser = await Browser.Open(split.Output);
        var page = browser.Page;

        foreach (var (order, descending) in new[] { ("newest", true), ("oldest", false) })
        {
            await page.GotoAsync(browser.Site + "search/?q=%22the%22&sort=" + order);
            await Expect(page.Locator(".search-result").First).ToBeVisibleAsync();
            var more = page.Locator("#search-more");
            while (await more.IsVisibleAsync())
            {
                var before = await page.Locator(".search-result").CountAsync();
                await more.ClickAsync();
                await Expect(page.Locator(".search-result")).Not.ToHaveCountAsync(before);
            }
            var dates = await page.Locator(".search-result").EvaluateAllAsync<string[]>(
                "rs => rs.map(r => r.querySelector('.card-meta time')?.getAttribute('datetime') ?? '')");
            Assert.Equal(Directory.GetDirectories(Path.Combine(split.Output, "episodes")).Length, dates.Length);
            // Dated episodes in order, undated ones after them whichever way.
            var dated = dates.TakeWhile(d => d.Length > 0).ToList();
            Assert.All(dates.Skip(dated.Count), d => Assert.Equal("", d));
            Assert.Equal(descending ? dated.OrderDescending(StringComparer.Ordinal) : dated.Order(StringComparer.Ordinal), dated);
        }
    }

    [RequiresChromiumFact]
    public async Task Under_a_sub_path_search_finds_and_opens_moments_with_no_broken_link_or_asset()
    {
        Assert.True(subPath.Build!.ExitCode == 0, subPath.Build.Error);
        var problems = new SiteCrawler(subPath.Output, SubPathSiteFixture.BasePath).Check();
        Assert.True(problems.Count == 0, string.Join("\n", problems));

        await using var browser = await Browser.Open(subPath.Output, SubPathSiteFixture.BasePath);
        var page = browser.Page;
        var failed = new List<string>();
        page.Response += (_, response) =>
        {
            // Browsers ask the host root for an icon on their own; nothing in the site links it.
            if (response.Status >= 400 && !response.Url.EndsWith("/favicon.ico", StringComparison.Ordinal)) failed.Add($"{response.Status} {response.Url}");
        };

        // From the header's search box on the home page.
        await page.GotoAsync(browser.Site);
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Searchbox).FillAsync("parquet");
        await page.GetByRole(AriaRole.Banner).GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await page.WaitForURLAsync(browser.Site + "search/?q=parquet", new() { WaitUntil = WaitUntilState.Commit });
        var schema = Result(page, Schema);
        await Expect(schema.Locator(".card-title a")).ToHaveAttributeAsync("href", "/archive/episodes/why-your-data-pipeline-needs-a-schema/?pagefind-highlight=parquet");
        var moment = schema.Locator(".search-moment-link").Filter(new() { HasText = "03:30" });
        await Expect(moment).ToHaveAttributeAsync("href", "/archive/episodes/why-your-data-pipeline-needs-a-schema/?pagefind-highlight=parquet#t-00-03-30");
        // Clicked once the search is done and its summary written, so nothing moves under the pointer.
        await Expect(page.Locator("#search-status")).ToHaveTextAsync(new Regex("^2 episodes found"));
        await moment.ClickAsync();
        // The address is enough: what follows waits for what it looks at.
        await page.WaitForURLAsync(browser.Site + "episodes/why-your-data-pipeline-needs-a-schema/?pagefind-highlight=parquet#t-00-03-30", new() { WaitUntil = WaitUntilState.Commit });
        await Expect(page.Locator("#t-00-03-30 mark.search-word")).ToHaveTextAsync("Parquet");
        Assert.True(failed.Count == 0, string.Join("\n", failed));
    }
}
