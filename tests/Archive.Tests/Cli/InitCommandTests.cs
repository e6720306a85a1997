using Archive.Tests.Support;

namespace Archive.Tests.Cli;

public class InitCommandTests
{
    [Fact]
    public async Task A_new_archive_builds_as_it_is_and_its_site_has_no_broken_link()
    {
        using var temp = new TempFolder("init");
        var folder = temp.Combine("my-podcast");
        var init = await CliRunner.Run("init", folder, "--generator", "someone/transcript-archive@v1");
        Assert.Equal(0, init.ExitCode);
        foreach (var path in new[] { "input/archive.yml", "input/welcome.md", "themes/default/README.md", ".github/workflows/pages.yml", ".gitignore" })
            Assert.True(File.Exists(Path.Combine(folder, path)), path);
        Assert.Contains("title: \"My Podcast\"", File.ReadAllText(Path.Combine(folder, "input", "archive.yml")));
        var workflow = File.ReadAllText(Path.Combine(folder, ".github", "workflows", "pages.yml"));
        Assert.Contains("'someone/transcript-archive'", workflow);
        Assert.Contains("'v1'", workflow);
        Assert.Contains("actions/deploy-pages@", workflow);

        // Built with its theme folder over the built-in theme, as `archive build` run inside it does.
        var theme = Path.Combine(folder, "themes", "default");
        var output = Path.Combine(folder, "output");
        var build = await CliRunner.Run("build", "--input", Path.Combine(folder, "input"), "--output", output, "--theme", theme, "--strict", "--quiet", "--no-search");
        Assert.True(build.ExitCode == 0, build.Error);
        Assert.Equal("", build.Error);
        Assert.True(File.Exists(Path.Combine(output, "episodes", "welcome-to-your-archive", "index.html")));
        Assert.False(File.Exists(Path.Combine(output, "README.md")));
        Assert.Empty(new SiteCrawler(output).Check());
    }

    [Fact]
    public async Task Init_refuses_a_folder_that_is_not_empty()
    {
        using var temp = new TempFolder("init");
        temp.Write("taken/file.txt", "mine");
        var result = await CliRunner.Run("init", temp.Combine("taken"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("not empty", result.Error);
        Assert.Equal("mine", File.ReadAllText(temp.Combine("taken", "file.txt")));
    }

    private static IEnumerable<YamlDotNet.RepresentationModel.YamlMappingNode> Steps(YamlDotNet.RepresentationModel.YamlMappingNode workflow) =>
        ((YamlDotNet.RepresentationModel.YamlMappingNode)workflow.Children["jobs"]).Children.Values
            .OfType<YamlDotNet.RepresentationModel.YamlMappingNode>()
            .SelectMany(job => job.Children.TryGetValue("steps", out var steps) ? ((YamlDotNet.RepresentationModel.YamlSequenceNode)steps).Children : [])
            .OfType<YamlDotNet.RepresentationModel.YamlMappingNode>();

    [Fact]
    public void The_workflows_are_valid_yaml_with_the_official_pages_actions()
    {
        var scaffolded = Archive.Cli.Scaffolding.ArchiveScaffold.Files("T", null).Single(f => f.Path.EndsWith("pages.yml", StringComparison.Ordinal)).Content;
        foreach (var text in new[] { scaffolded, File.ReadAllText(Path.Combine(RepoPaths.Root, ".github", "workflows", "pages.yml")) })
        {
            var yaml = new YamlDotNet.RepresentationModel.YamlStream();
            yaml.Load(new StringReader(text));
            var root = (YamlDotNet.RepresentationModel.YamlMappingNode)yaml.Documents[0].RootNode;
            Assert.Contains(root.Children.Keys, k => k.ToString() == "jobs");
            foreach (var action in new[] { "actions/configure-pages@", "actions/upload-pages-artifact@", "actions/deploy-pages@", "actions/setup-dotnet@", "actions/setup-node@" })
                Assert.Contains(action, text);
            // The search index is kept between runs with the build cache but its spare tree, which would
            // hold the index a second time (see IncrementalBuildTests' workflow test). actions/cache
            // archives a matched folder whole, so the exclusion follows a line listing the folder's entries.
            var cached = Assert.Single(Steps(root), step => step.Children.TryGetValue("uses", out var uses) && uses.ToString().StartsWith("actions/cache@", StringComparison.Ordinal));
            var paths = ((YamlDotNet.RepresentationModel.YamlMappingNode)cached.Children["with"]).Children["path"].ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
            var cache = Path.GetRelativePath(RepoPaths.Root, Archive.Site.Writing.SiteWriter.CacheDirectoryFor(Path.Combine(RepoPaths.Root, "output"))).Replace('\\', '/');
            Assert.Equal([cache + "/*", "!" + cache + "/" + Archive.Site.Writing.SiteWriter.SpareFolder, "output/pagefind", "output/" + Archive.Site.Writing.SiteWriter.MarkerFile], paths);
            Assert.Contains("id-token: write", text);
            Assert.Contains("pages: write", text);
        }
    }
}
