using System.Diagnostics;
using Archive.Core.Loading;
using Archive.Site.Indexing;
using Archive.Site.Rendering;
using Archive.Site.Writing;

namespace Archive.Site;

public sealed record BuildOptions(string OutputDirectory)
{
    /// <summary>A theme folder over the built-in default theme; null for the default alone.</summary>
    public string? ThemeDirectory { get; init; }
    /// <summary>Skips the Pagefind step (the site is built without a search index).</summary>
    public bool SkipSearchIndex { get; init; }
    /// <summary>Written into pages' generator meta tag.</summary>
    public string Generator { get; init; } = SiteGenerator.NameAndVersion;
    /// <summary>Write every file anew instead of keeping those whose bytes did not change.</summary>
    public bool Clean { get; init; }
    /// <summary>Most characters of text in one search index, and in the Pagefind runs going at once (see <see cref="SearchPartitions"/>); smaller values give more, smaller indexes and less memory.</summary>
    public long SearchPartitionCharacters { get; init; } = SearchPartitions.DefaultMaxCharacters;
    /// <summary>An archive of one search partition with more characters of text than this is indexed as two halves at once (see <see cref="SearchPartitions"/>).</summary>
    public long SearchSplitCharacters { get; init; } = SearchPartitions.DefaultSplitAbove;
    /// <summary>Where long lists (the archive, the indexes of topics, people and shows) are cut into pages.</summary>
    public ListLimits Lists { get; init; } = ListLimits.Default;
}

/// <param name="Files">Every file of the new site, the search index's included.</param>
/// <param name="Written">Files written with new bytes (the rest were kept from the previous output).</param>
/// <param name="Removed">Files of the previous output the new site no longer has.</param>
/// <param name="NotRemade">Of the unchanged files, those not even rendered: the same fingerprint as last build's.</param>
/// <param name="Search">How many search indexes were built and how many kept; null when the search index was skipped.</param>
public sealed record BuildResult(int Pages, int Files, int Written, int Unchanged, int Removed, int NotRemade, SearchIndexer.Outcome? Search, IReadOnlyList<StageTiming> Timings)
{
    public bool SearchIndexed => Search is not null;
}

/// <summary>
/// The build stage: render → write → index, over an archive that <see cref="ArchiveLoader"/>
/// loaded. The output folder is replaced only when every step succeeded.
/// </summary>
public static class SiteBuilder
{
    public static BuildResult Build(LoadedArchive archive, BuildOptions options, IStageProgress? progress = null, Action<string>? log = null, CancellationToken cancellation = default)
    {
        log ??= _ => { };
        var timings = new List<StageTiming>();
        var clock = Stopwatch.StartNew();

        // What parsing left behind is garbage now; on a large archive the GC would otherwise let
        // it sit beside the render's allocations (10,000 episodes: 6.2 GB peak without this). A
        // rebuild that took most transcripts from the cache has little of it, and the collection
        // would only move the restored episodes (10,000 episodes: 1 s, the same peak).
        if (archive.Files.Count - archive.CachedFiles > archive.Files.Count / 10) HandBackMemory(aboveBytes: 512L << 20);
        var theme = Theme.Theme.Load(options.ThemeDirectory);
        progress?.StageStarted("render", archive.Episodes.Count);
        var searchIndexes = options.SkipSearchIndex || archive.Episodes.Count == 0 ? [] : SearchPartitions.Plan(archive, options.SearchPartitionCharacters, options.SearchSplitCharacters);
        var renderer = new SiteRenderer(archive, theme, options.Generator, searchIndexes, options.Lists);
        using var writer = new SiteWriter(options.OutputDirectory, reuseUnchanged: !options.Clean);
        var pages = new PageCounter(writer);
        try
        {
            // Pages go to the writer as they are made (the site is never in memory at once), and
            // Ctrl+C stops the rendering between pages.
            renderer.Render(pages, () =>
            {
                cancellation.ThrowIfCancellationRequested();
                progress?.Advance("render");
            });
        }
        catch (AggregateException ex) when (ex.InnerExceptions.All(e => e is OperationCanceledException))
        {
            throw new OperationCanceledException(cancellation);
        }
        timings.Add(Lap("render+write", clock));
        cancellation.ThrowIfCancellationRequested();

        SearchIndexer.Outcome? search = null;
        if (searchIndexes.Count > 0)
        {
            progress?.StageStarted("index", 1);
            // Pagefind runs while this process lives: hand back the memory rendering left behind.
            HandBackMemory(aboveBytes: 0);
            search = new SearchIndexer(new PagefindRunner(log), log).Build(archive, renderer.Views, searchIndexes, writer, options.SearchPartitionCharacters, cancellation: cancellation);
            progress?.Advance("index");
            timings.Add(Lap("index", clock));
        }
        cancellation.ThrowIfCancellationRequested();
        writer.Commit();
        return new BuildResult(pages.Pages, writer.Written + writer.Unchanged, writer.Written, writer.Unchanged, writer.Removed, writer.NotRemade, search, timings);
    }

    /// <summary>Counts the pages (HTML files) on their way to the writer.</summary>
    private sealed class PageCounter(IOutputSink inner) : IOutputSink
    {
        private int _pages;
        public int Pages => _pages;

        public void Write(OutputFile file, string? key = null)
        {
            if (file.Path.EndsWith(".html", StringComparison.Ordinal)) Interlocked.Increment(ref _pages);
            inner.Write(file, key);
        }

        public bool TryKeep(string path, string key)
        {
            if (!inner.TryKeep(path, key)) return false;
            if (path.EndsWith(".html", StringComparison.Ordinal)) Interlocked.Increment(ref _pages);
            return true;
        }
    }

    private static void HandBackMemory(long aboveBytes)
    {
        if (GC.GetGCMemoryInfo().HeapSizeBytes > aboveBytes)
            GC.Collect(GC.MaxGeneration, GCCollectionMode.Aggressive, blocking: true, compacting: true);
    }

    private static StageTiming Lap(string stage, Stopwatch clock)
    {
        var t = new StageTiming(stage, clock.Elapsed);
        clock.Restart();
        return t;
    }
}
