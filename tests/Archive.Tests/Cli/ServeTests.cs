using System.Net;
using Archive.Cli.Commands;
using Archive.Cli.Serving;
using Archive.Core.Loading;
using Archive.Site;
using Archive.Site.Writing;
using Archive.Tests.Support;

namespace Archive.Tests.Cli;

public class ServeTests
{
    private static string Episode(string title, string words) => $"""
        ---
        title: "{title}"
        show: Serve Show
        date: 2024-03-01
        ---

        **[00:00:01] Lu Chen:** {words}
        """;

    [Fact]
    public async Task Serves_the_site_under_its_base_url_and_serves_a_change_after_a_rebuild()
    {
        using var temp = new TempFolder("serve");
        temp.Write("input/archive.yml", "title: Served\nbase_url: /sub/\n");
        temp.Write("input/one.md", Episode("First Light", "The first words."));
        var output = temp.Combine("site");
        var settings = new BuildSettings(
            new LoadOptions(temp.Combine("input")) { CacheDirectory = SiteWriter.CacheDirectoryFor(output) },
            new BuildOptions(output) { ThemeDirectory = RepoPaths.DefaultTheme, SkipSearchIndex = true },
            Strict: false);
        var report = new ConsoleReport(TextWriter.Null, TextWriter.Null, quiet: true);
        using var stop = new CancellationTokenSource();
        await using var session = await ServeSession.Start(settings, 0, report, TimeSpan.FromMilliseconds(100), stop.Token);
        using var http = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { Timeout = TimeSpan.FromSeconds(30) };
        var root = session.Server.Address;
        Assert.Equal("/sub/", root.AbsolutePath);

        var home = await http.GetAsync(root);
        Assert.Equal(HttpStatusCode.OK, home.StatusCode);
        Assert.Equal("text/html", home.Content.Headers.ContentType?.MediaType);
        var homeHtml = await home.Content.ReadAsStringAsync();
        Assert.Contains("First Light", homeHtml);
        Assert.Contains(PreviewServer.EventsPath, homeHtml);
        Assert.DoesNotContain(PreviewServer.EventsPath, File.ReadAllText(Path.Combine(output, "index.html")));

        var folderWithoutSlash = await http.GetAsync(new Uri(root, "episodes/first-light"));
        Assert.Equal(HttpStatusCode.MovedPermanently, folderWithoutSlash.StatusCode);
        Assert.Equal("/sub/episodes/first-light/", folderWithoutSlash.Headers.Location?.OriginalString);
        var missing = await http.GetAsync(new Uri(root, "no/such/page/"));
        Assert.Equal(HttpStatusCode.NotFound, missing.StatusCode);
        Assert.Contains("<html", await missing.Content.ReadAsStringAsync());
        var css = await http.GetAsync(new Uri(root, "assets/style.css"));
        Assert.Equal("text/css", css.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.Found, (await http.GetAsync(new Uri(root, "/"))).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await http.GetAsync(new Uri(root, "/sub/../../etc/passwd"))).StatusCode);

        // A browser listening for reloads hears one after a change is rebuilt.
        using var events = await http.GetAsync(new Uri(root, PreviewServer.EventsPath), HttpCompletionOption.ResponseHeadersRead);
        using var stream = new StreamReader(await events.Content.ReadAsStreamAsync());
        Assert.Equal(": connected", await stream.ReadLineAsync());
        temp.Write("input/two.md", Episode("Second Wind", "Words added while serving."));
        var reload = ReadUntil(stream, "event: reload");
        Assert.True(await Task.WhenAny(reload, Task.Delay(TimeSpan.FromSeconds(60))) == reload, "no reload within 60 s of the change");

        var page = await http.GetStringAsync(new Uri(root, "episodes/second-wind/"));
        Assert.Contains("Words added while serving.", page);
        Assert.Contains("Second Wind", await http.GetStringAsync(root));
    }

    private static async Task ReadUntil(StreamReader reader, string line)
    {
        while (await reader.ReadLineAsync() is { } read)
            if (read == line) return;
    }

    [Fact]
    public void The_reload_script_goes_before_the_end_of_the_body()
    {
        var html = System.Text.Encoding.UTF8.GetString(PreviewServer.WithReloadScript("<html><body><p>x</p></body></html>"u8.ToArray()));
        Assert.EndsWith("</script></body></html>", html);
        Assert.StartsWith("<html><body><p>x</p><script>", html);
    }

    [Fact]
    public async Task A_held_watcher_keeps_what_changed_and_calls_back_with_it_once_released()
    {
        using var temp = new TempFolder("watcher");
        var folder = temp.Combine("input");
        Directory.CreateDirectory(folder);
        var calls = new System.Collections.Concurrent.ConcurrentQueue<IReadOnlyList<string>>();
        using var called = new SemaphoreSlim(0);
        using var watcher = new ChangeWatcher([folder], TimeSpan.FromMilliseconds(50), changed =>
        {
            calls.Enqueue(changed);
            called.Release();
            return Task.CompletedTask;
        }, _ => false, held: true);

        // As serve's first build runs: the change is noted, not acted on.
        var added = temp.Write("input/new.md", "text");
        Assert.False(await called.WaitAsync(TimeSpan.FromMilliseconds(500)));

        watcher.Release();
        Assert.True(await called.WaitAsync(TimeSpan.FromSeconds(10)));
        Assert.Contains(added, Assert.Single(calls));
    }
}
