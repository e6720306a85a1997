using Archive.Tests.Support;

namespace Archive.Tests.Site;

/// <summary>Hostile or careless input must not change the site's markup or escape its folder.</summary>
public class SiteSafetyTests
{
    [Fact]
    public async Task Transcript_text_is_escaped_and_markdown_cannot_inject_html()
    {
        using var temp = new TempFolder();
        temp.Write("input/evil.md", """
            ---
            title: "<script>alert('title')</script> Tricky"
            slug: "../../../outside"
            show: "<b>Show</b>"
            summary: |
              Hello <img src=x onerror=alert(1)> and [click](javascript:alert(2)) and ![pic](https://tracker.example/p.png)
            topics: ["<i>t</i>"]
            ---
            **[00:00:01] <em>Eve</em>:** Text with <script>alert(3)</script> & "quotes".
            """);
        var result = await CliRunner.Run("build", "--input", temp.Combine("input"), "--output", temp.Combine("out"), "--no-search", "--quiet");
        Assert.Equal(0, result.ExitCode);

        var page = Directory.EnumerateFiles(temp.Combine("out", "episodes"), "index.html", SearchOption.AllDirectories).Single();
        Assert.StartsWith(Path.Combine(temp.Combine("out"), "episodes") + Path.DirectorySeparatorChar, page);
        Assert.EndsWith(Path.Combine("episodes", "outside", "index.html"), page);
        var html = File.ReadAllText(page);
        Assert.DoesNotContain("<script>alert", html);
        Assert.DoesNotContain("<img", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.DoesNotContain("<em>Eve", html);
        Assert.Contains("&lt;script&gt;alert(3)&lt;/script&gt; &amp; &quot;quotes&quot;", html);
        Assert.Contains("&lt;img src=x onerror=alert(1)&gt;", html);
        Assert.False(Directory.Exists(temp.Combine("outside")));
    }

    [Fact]
    public async Task Colliding_titles_get_distinct_slugs_and_a_warning()
    {
        using var temp = new TempFolder();
        temp.Write("input/a.md", "---\ntitle: Same Title\n---\n**[00:00:01] A:** One.\n");
        temp.Write("input/b.md", "---\ntitle: Same Title\n---\n**[00:00:01] B:** Two.\n");
        var result = await CliRunner.Run("build", "--input", temp.Combine("input"), "--output", temp.Combine("out"), "--no-search", "--quiet");
        Assert.Equal(0, result.ExitCode);
        Assert.True(File.Exists(temp.Combine("out", "episodes", "same-title", "index.html")));
        Assert.True(File.Exists(temp.Combine("out", "episodes", "same-title-2", "index.html")));
        Assert.Contains("b.md:1: warning: the slug 'same-title' is already taken", result.Error);
    }

    [Fact]
    public async Task Same_input_gives_byte_identical_output()
    {
        using var temp = new TempFolder();
        var search = ExternalTools.HasNode.Value ? [] : new[] { "--no-search" };
        var first = await CliRunner.Run(["build", "--input", RepoPaths.DemoInput, "--output", temp.Combine("one"), "--quiet", .. search]);
        var second = await CliRunner.Run(["build", "--input", RepoPaths.DemoInput, "--output", temp.Combine("two"), "--quiet", .. search]);
        Assert.Equal(0, first.ExitCode);
        Assert.Equal(0, second.ExitCode);
        var files = Directory.EnumerateFiles(temp.Combine("one"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(temp.Combine("one"), f)).Order(StringComparer.Ordinal).ToList();
        var others = Directory.EnumerateFiles(temp.Combine("two"), "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(temp.Combine("two"), f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(files, others);
        foreach (var f in files)
            Assert.True(File.ReadAllBytes(temp.Combine("one", f)).AsSpan().SequenceEqual(File.ReadAllBytes(temp.Combine("two", f))), f + " differs");
    }
}
