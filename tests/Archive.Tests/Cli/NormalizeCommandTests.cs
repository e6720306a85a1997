using Archive.Core.Loading;
using Archive.Core.Model;
using Archive.Tests.Support;

namespace Archive.Tests.Cli;

public class NormalizeCommandTests
{
    [Fact]
    public async Task The_demo_archive_normalized_loads_into_the_same_episodes_and_normalizing_again_changes_nothing()
    {
        using var temp = new TempFolder();
        var first = temp.Combine("normalized");
        var result = await CliRunner.Run("normalize", "--input", RepoPaths.DemoInput, "--to", first);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.True(File.Exists(Path.Combine(first, "archive.yml")));

        var original = ArchiveLoader.Load(new LoadOptions(RepoPaths.DemoInput));
        var normalized = ArchiveLoader.Load(new LoadOptions(first));
        Assert.Equal(original.Episodes.Count, Directory.EnumerateFiles(first, "*.md").Count());
        Assert.Equal(original.Config.Title, normalized.Config.Title);
        Assert.Equal(original.Episodes.Select(e => e.Slug).Order(), normalized.Episodes.Select(e => e.Slug).Order());
        foreach (var e in original.Episodes)
        {
            var again = normalized.Episodes.Single(n => n.Slug == e.Slug);
            Assert.Equal(EpisodeJson.Serialize(e.Episode), EpisodeJson.Serialize(again.Episode));
        }
        Assert.All(normalized.Files, f => Assert.Equal("canonical-markdown", f.Format));
        Assert.Equal(0, normalized.WarningCount + normalized.ErrorCount);

        var second = temp.Combine("again");
        Assert.Equal(0, (await CliRunner.Run("normalize", "--input", first, "--to", second)).ExitCode);
        foreach (var file in Directory.EnumerateFiles(first))
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(Path.Combine(second, Path.GetFileName(file))));
    }

    [Fact]
    public async Task It_refuses_to_write_into_the_input_and_needs_a_target()
    {
        using var temp = new TempFolder();
        temp.Write("in/a.md", "---\ntitle: A\n---\n**[00:00:01] Ana:** Hi.\n");
        var inside = await CliRunner.Run("normalize", "--input", temp.Combine("in"), "--to", temp.Combine("in", "out"));
        Assert.Equal(2, inside.ExitCode);
        Assert.Contains("inside the input folder", inside.Error);
        Assert.False(Directory.Exists(temp.Combine("in", "out")));
        Assert.Equal(2, (await CliRunner.Run("normalize", "--input", temp.Combine("in"))).ExitCode);
    }

    [Fact]
    public async Task Broken_inputs_are_reported_and_strict_writes_nothing()
    {
        using var temp = new TempFolder();
        temp.Write("in/good.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\n<v Ana>Hello.\n");
        temp.Write("in/bad.json", "{\"id\": 1}");
        var result = await CliRunner.Run("normalize", "--input", temp.Combine("in"), "--to", temp.Combine("out"));
        Assert.Equal(0, result.ExitCode);
        Assert.Contains("bad.json:1: error:", result.Error);
        Assert.Single(Directory.EnumerateFiles(temp.Combine("out"), "*.md"));

        var strict = await CliRunner.Run("normalize", "--input", temp.Combine("in"), "--to", temp.Combine("strict"), "--strict");
        Assert.Equal(1, strict.ExitCode);
        Assert.False(Directory.Exists(temp.Combine("strict")));
    }
}
