using Archive.Tests.Support;

namespace Archive.Tests.Cli;

public class CommandLineTests
{
    [Fact]
    public async Task Help_lists_the_commands()
    {
        var result = await CliRunner.Run("--help");
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("build", result.Output);
        Assert.Contains("check", result.Output);
    }

    [Fact]
    public async Task Version_prints_the_version()
    {
        var result = await CliRunner.Run("--version");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"^\d+\.\d+\.\d+", result.Output.Trim());
    }

    [Theory]
    [InlineData("build", "--no-such-option")]
    [InlineData("frobnicate")]
    [InlineData("build", "--input")]
    public async Task Bad_usage_exits_with_2(params string[] args)
    {
        var result = await CliRunner.Run(args);
        Assert.Equal(2, result.ExitCode);
        Assert.NotEmpty(result.Error);
    }

    [Fact]
    public async Task A_missing_input_folder_is_bad_usage()
    {
        using var temp = new TempFolder();
        var result = await CliRunner.Run("build", "--input", temp.Combine("nope"), "--output", temp.Combine("out"));
        Assert.Equal(2, result.ExitCode);
        Assert.Contains("does not exist", result.Error);
    }

    [Fact]
    public async Task Nothing_to_build_exits_with_1()
    {
        using var temp = new TempFolder();
        temp.Write("input/empty.txt", "");
        var result = await CliRunner.Run("build", "--input", temp.Combine("input"), "--output", temp.Combine("out"), "--no-search");
        Assert.Equal(1, result.ExitCode);
        Assert.Contains("empty.txt:1: error: the file is empty", result.Error);
        Assert.Contains("nothing to build", result.Error);
        Assert.False(Directory.Exists(temp.Combine("out")));
    }

    [Fact]
    public async Task A_broken_transcript_is_reported_by_line_and_the_rest_still_builds()
    {
        using var temp = new TempFolder();
        temp.Write("input/good.md", "---\ntitle: Good One\n---\n**[00:00:01] Ada:** Fine.\n");
        temp.Write("input/broken.md", "---\ntitle: [oops\n---\n");
        temp.WriteBytes("input/binary.md", [0x7F, 0x45, 0x4C, 0x46, 0x00, 0x01, 0x02]);
        var result = await CliRunner.Run("build", "--input", temp.Combine("input"), "--output", temp.Combine("out"), "--no-search");
        Assert.Equal(0, result.ExitCode);
        Assert.Matches(@"broken\.md:2: error: front matter is not valid YAML", result.Error);
        Assert.Contains("binary.md:1: error: this is a binary file", result.Error);
        Assert.True(File.Exists(temp.Combine("out", "episodes", "good-one", "index.html")));
        Assert.Contains("Episodes", result.Output);

        var strict = await CliRunner.Run("build", "--input", temp.Combine("input"), "--output", temp.Combine("strict-out"), "--no-search", "--strict");
        Assert.Equal(1, strict.ExitCode);
        Assert.False(Directory.Exists(temp.Combine("strict-out")));
    }

    [Fact]
    public async Task Check_reports_each_file_and_writes_nothing()
    {
        using var temp = new TempFolder();
        temp.Write("input/one.md", "---\ntitle: First Talk\nspeakers: [Ada, Ben]\n---\n## Start\n\n**[00:00:01] Ada:** Hi.\n\n**[00:01:00] Ben:** Bye.\n");
        var before = Directory.EnumerateFileSystemEntries(temp.Path, "*", SearchOption.AllDirectories).Count();
        var result = await CliRunner.Run("check", "--input", temp.Combine("input"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("canonical-markdown", result.Output);
        Assert.Contains("First Talk", result.Output);
        Assert.Contains("01:00", result.Output);
        Assert.Equal(before, Directory.EnumerateFileSystemEntries(temp.Path, "*", SearchOption.AllDirectories).Count());

        var json = await CliRunner.Run("check", "--input", temp.Combine("input"), "--json");
        using var doc = System.Text.Json.JsonDocument.Parse(json.Output);
        var file = doc.RootElement.GetProperty("files")[0];
        Assert.Equal("canonical-markdown", file.GetProperty("format").GetString());
        Assert.Equal("First Talk", file.GetProperty("episodes")[0].GetProperty("episode").GetProperty("title").GetString());
    }

    [Fact]
    public async Task A_failed_build_leaves_the_previous_site_intact()
    {
        using var temp = new TempFolder();
        temp.Write("input/one.md", "---\ntitle: First\n---\n**[00:00:01] Ada:** Hi.\n");
        Assert.Equal(0, (await CliRunner.Run("build", "--input", temp.Combine("input"), "--output", temp.Combine("out"), "--no-search")).ExitCode);
        var before = File.ReadAllText(temp.Combine("out", "index.html"));

        // A theme whose template does not compile fails the build after loading.
        temp.Write("theme/templates/home.hbs", "{{#each}} broken");
        var failed = await CliRunner.Run("build", "--input", temp.Combine("input"), "--output", temp.Combine("out"), "--no-search", "--theme", temp.Combine("theme"));
        Assert.Equal(1, failed.ExitCode);
        Assert.Equal(before, File.ReadAllText(temp.Combine("out", "index.html")));
        Assert.Empty(Directory.EnumerateDirectories(temp.Path, ".out.staging-*"));
    }

    [Fact]
    public async Task Refuses_to_replace_a_folder_it_did_not_write()
    {
        using var temp = new TempFolder();
        temp.Write("input/one.md", "---\ntitle: First\n---\n**[00:00:01] Ada:** Hi.\n");
        temp.Write("precious/notes.txt", "keep me");
        var result = await CliRunner.Run("build", "--input", temp.Combine("input"), "--output", temp.Combine("precious"), "--no-search");
        Assert.Equal(1, result.ExitCode);
        Assert.Equal("keep me", File.ReadAllText(temp.Combine("precious", "notes.txt")));
    }
}
