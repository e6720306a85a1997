using Archive.Cli.Benchmarking;
using Archive.Core.Loading;
using Archive.Tests.Support;

namespace Archive.Tests.Cli;

public class SyntheticArchiveTests
{
    [Fact]
    public void The_same_seed_gives_the_same_archive_of_realistic_size_that_loads_without_problems()
    {
        using var temp = new TempFolder("synthetic");
        var options = new SyntheticArchive.Options(12, Seed: 7, MinMinutes: 30, MaxMinutes: 30);
        new SyntheticArchive(options).WriteAll(temp.Combine("a"));
        new SyntheticArchive(options).WriteAll(temp.Combine("b"));
        var a = Directory.EnumerateFiles(temp.Combine("a"), "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(13, a.Count); // 12 episodes and archive.yml
        foreach (var file in a)
            Assert.Equal(File.ReadAllBytes(file), File.ReadAllBytes(file.Replace(temp.Combine("a"), temp.Combine("b"))));

        var archive = ArchiveLoader.Load(new LoadOptions(temp.Combine("a")));
        Assert.Empty(archive.Diagnostics);
        Assert.Equal(12, archive.Episodes.Count);
        // Half an hour of speech is about 28 KB of transcript text (57 KB an hour).
        var perEpisode = archive.Episodes.Average(e => e.Episode.Paragraphs.Sum(p => p.Text.Length + 30));
        Assert.InRange(perEpisode, 22_000, 34_000);
        Assert.All(archive.Episodes, e => Assert.InRange(e.Episode.Duration!.Value.TotalMinutes, 29, 31));
        Assert.True(archive.Episodes.Average(e => e.Episode.Chapters.Count) >= 3);
    }
}
