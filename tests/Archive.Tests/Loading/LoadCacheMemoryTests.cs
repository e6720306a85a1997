using System.Text.Json;
using Archive.Core.Loading;
using Archive.Tests.Support;

namespace Archive.Tests.Loading;

/// <summary>Loads in one process (<c>archive serve</c>) that keep the cache's entries in memory between them.</summary>
public class LoadCacheMemoryTests
{
    private static string WriteArchive(TempFolder temp)
    {
        var input = temp.Combine("input");
        Directory.CreateDirectory(input);
        foreach (var file in Directory.EnumerateFiles(RepoPaths.DemoInput))
            File.Copy(file, Path.Combine(input, Path.GetFileName(file)));
        // Duplicate listings merged (episodes enrich makes anew, digests of two sources) and warnings.
        File.Copy(RepoPaths.Seed("002"), Path.Combine(input, "seed-002.txt"));
        return input;
    }

    private static LoadedArchive Load(string input, string cache, LoadCacheMemory? memory) =>
        ArchiveLoader.Load(new LoadOptions(input) { CacheDirectory = cache, DisplayRoot = input, CacheMemory = memory });

    private static string Content(LoadedArchive a) => JsonSerializer.Serialize(new
    {
        a.Episodes, a.Topics, a.People, a.Shows, a.Diagnostics, a.EpisodeSourceKeys,
        Files = a.Files.Select(f => new { f.Path, f.Format, f.Episodes, f.Diagnostics, f.Sidecars }),
    });

    [Fact]
    public void A_load_takes_what_the_last_load_in_the_process_made_from_memory_and_gives_what_a_load_from_disk_gives()
    {
        using var temp = new TempFolder("load-memory");
        var input = WriteArchive(temp);
        var cache = temp.Combine("cache");
        var memory = new LoadCacheMemory();

        var first = Load(input, cache, memory);
        Assert.Equal(0, first.CachedFiles);
        int held = memory.Count;
        Assert.True(held > first.Files.Count, $"{held} entries in memory for {first.Files.Count} files");

        // With the disk cache gone, only memory can give the files and the enrich result.
        Directory.Delete(cache, recursive: true);
        var second = Load(input, cache, memory);
        Assert.Equal(second.Files.Count, second.CachedFiles);
        Assert.True(second.EnrichCached);
        Assert.Equal(Content(first), Content(second));

        var episode = Path.Combine(input, "signal-and-noise-02-vector-search.md");
        File.WriteAllText(episode, File.ReadAllText(episode).Replace("vector", "embedding", StringComparison.Ordinal));
        var edited = Load(input, cache, memory);
        Assert.Equal(edited.Files.Count - 1, edited.CachedFiles);
        Assert.False(edited.EnrichCached);
        Assert.Equal(Content(Load(input, temp.Combine("other-cache"), memory: null)), Content(edited));
        // The edited file's old entries were dropped as the disk's are: memory holds one load's worth.
        Assert.Equal(held, memory.Count);
    }
}
