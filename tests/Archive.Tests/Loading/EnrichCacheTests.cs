using System.Text.Json;
using Archive.Core.Loading;
using Archive.Tests.Support;

namespace Archive.Tests.Loading;

public class EnrichCacheTests
{
    /// <summary>The demo (speaker aliases, which make episodes anew) and seed 002 (duplicate listings merged, with warnings).</summary>
    private static string WriteArchive(TempFolder temp)
    {
        var input = temp.Combine("input");
        Directory.CreateDirectory(input);
        foreach (var file in Directory.EnumerateFiles(RepoPaths.DemoInput))
            File.Copy(file, Path.Combine(input, Path.GetFileName(file)));
        File.Copy(RepoPaths.Seed("002"), Path.Combine(input, "seed-002.txt"));
        return input;
    }

    /// <summary>Changes one transcript's text (and so its topics and what links to it).</summary>
    private static void EditTranscript(string input)
    {
        var episode = Path.Combine(input, "signal-and-noise-02-vector-search.md");
        File.WriteAllText(episode, File.ReadAllText(episode).Replace("vector", "embedding", StringComparison.Ordinal));
    }

    private static LoadedArchive Load(string input, string cache, bool ignoreCache = false, LoadCacheMemory? memory = null) =>
        ArchiveLoader.Load(new LoadOptions(input) { CacheDirectory = cache, IgnoreCache = ignoreCache, DisplayRoot = input, CacheMemory = memory });

    /// <summary>Everything a load gives the build, but how it was timed and what came from a cache.</summary>
    private static string Content(LoadedArchive a) => JsonSerializer.Serialize(new
    {
        a.Episodes, a.Topics, a.People, a.Shows, a.Diagnostics, a.EpisodeSourceKeys,
        Files = a.Files.Select(f => new { f.Path, f.Format, f.Episodes, f.Diagnostics, f.Sidecars }),
    });

    [Fact]
    public void A_load_with_nothing_changed_takes_enrich_from_the_cache_and_gives_the_same_archive()
    {
        using var temp = new TempFolder("enrich-cache");
        var input = WriteArchive(temp);
        var cache = temp.Combine("cache");

        var first = Load(input, cache);
        Assert.False(first.EnrichCached);
        // What the cache must carry: merges with their warnings, and episodes enrich made anew.
        Assert.Contains(first.Diagnostics, d => d.Message.Contains("list the same episode", StringComparison.Ordinal));
        Assert.Contains(first.EpisodeSourceKeys, k => k is null);
        Assert.Contains(first.Episodes, e => e.Mentions.Count > 0);
        Assert.Contains(first.Episodes, e => e.Related.Count > 0);

        var second = Load(input, cache);
        Assert.True(second.EnrichCached);
        Assert.Equal(Content(first), Content(second));
        // Episodes enrich did not touch are the loaded ones, so their source keys still identify them.
        Assert.Equal(first.EpisodeSourceKeys, second.EpisodeSourceKeys);
    }

    [Fact]
    public void A_changed_transcript_setting_or_clean_load_enriches_again()
    {
        using var temp = new TempFolder("enrich-cache");
        var input = WriteArchive(temp);
        var cache = temp.Combine("cache");
        Load(input, cache);

        Assert.False(Load(input, cache, ignoreCache: true).EnrichCached);

        File.AppendAllText(Path.Combine(input, "archive.yml"), "topics:\n  ban: [caching]\n");
        var banned = Load(input, cache);
        Assert.False(banned.EnrichCached);
        Assert.DoesNotContain(banned.Topics, t => t.Name.Equals("caching", StringComparison.OrdinalIgnoreCase));
        Assert.True(Load(input, cache).EnrichCached);

        EditTranscript(input);
        var edited = Load(input, cache);
        Assert.False(edited.EnrichCached);
        // And what it gives is what enriching from scratch gives.
        Assert.Equal(Content(Load(input, temp.Combine("other-cache"))), Content(edited));
    }

    [Fact]
    public void A_damaged_entry_is_a_miss()
    {
        using var temp = new TempFolder("enrich-cache");
        var input = WriteArchive(temp);
        var cache = temp.Combine("cache");
        var first = Load(input, cache);
        var entry = Assert.Single(Directory.EnumerateFiles(Path.Combine(cache, "enrich")));
        File.WriteAllText(entry, "{ not json");

        var second = Load(input, cache);
        Assert.False(second.EnrichCached);
        Assert.Equal(Content(first), Content(second));
        Assert.True(Load(input, cache).EnrichCached);
    }

    [Fact]
    public void Episode_digests_outlive_a_load_that_skipped_enrich_and_stale_ones_are_pruned()
    {
        using var temp = new TempFolder("enrich-cache");
        var input = WriteArchive(temp);
        var cache = temp.Combine("cache");
        string[] Digests() => [.. Directory.EnumerateFiles(cache, "*" + EpisodeDigestCache.Extension, SearchOption.AllDirectories).Order()];

        var first = Load(input, cache);
        var digests = Digests();
        // One per listing: per episode, and per duplicate dropped (its fingerprint), though episodes that
        // speaker aliases changed have no source key.
        int dropped = first.Diagnostics.Count(d => d.Message.Contains("list the same episode", StringComparison.Ordinal));
        Assert.True(dropped > 0);
        Assert.Equal(first.Episodes.Count + dropped, digests.Length);
        Assert.True(Load(input, cache).EnrichCached);
        Assert.Equal(digests, Digests());

        EditTranscript(input);
        var edited = Load(input, cache);
        Assert.Equal(Content(Load(input, temp.Combine("other-cache"))), Content(edited));
        var after = Digests();
        Assert.Equal(digests.Length, after.Length);
        Assert.Single(after.Except(digests));
    }

    /// <summary>Loads in one process (<c>archive serve</c>) that keep the cache's entries in memory between them.</summary>
    [Fact]
    public void A_load_takes_what_the_last_load_in_the_process_made_from_memory_and_gives_what_a_load_from_disk_gives()
    {
        using var temp = new TempFolder("load-memory");
        var input = WriteArchive(temp);
        var cache = temp.Combine("cache");
        var memory = new LoadCacheMemory();

        var first = Load(input, cache, memory: memory);
        Assert.Equal(0, first.CachedFiles);
        int held = memory.Count;
        Assert.True(held > first.Files.Count, $"{held} entries in memory for {first.Files.Count} files");

        // With the disk cache gone, only memory can give the files and the enrich result.
        Directory.Delete(cache, recursive: true);
        var second = Load(input, cache, memory: memory);
        Assert.Equal(second.Files.Count, second.CachedFiles);
        Assert.True(second.EnrichCached);
        Assert.Equal(Content(first), Content(second));

        EditTranscript(input);
        var edited = Load(input, cache, memory: memory);
        Assert.Equal(edited.Files.Count - 1, edited.CachedFiles);
        Assert.False(edited.EnrichCached);
        Assert.Equal(Content(Load(input, temp.Combine("other-cache"))), Content(edited));
        // The edited file's old entries were dropped as the disk's are: memory holds one load's worth.
        Assert.Equal(held, memory.Count);
    }
}
