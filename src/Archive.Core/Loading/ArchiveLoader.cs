using System.Diagnostics;
using Archive.Core.Config;
using Archive.Core.Diagnostics;
using Archive.Core.Enriching;
using Archive.Core.Reading;

namespace Archive.Core.Loading;

public sealed record LoadOptions(string InputDirectory)
{
    /// <summary>Overrides <c>base_url</c> from archive.yml (the <c>--base-url</c> option).</summary>
    public string? BaseUrl { get; init; }
    /// <summary>Overrides <c>url</c> from archive.yml (the <c>--site-url</c> option): an absolute http(s) address, no trailing '/'.</summary>
    public string? SiteUrl { get; init; }
    /// <summary>Messages name files relative to this folder (the current directory by default).</summary>
    public string? DisplayRoot { get; init; }
    public IReadOnlyList<ITranscriptReader>? Readers { get; init; }
    /// <summary>
    /// Folder of the load cache (<see cref="LoadCache"/>): files whose bytes, sidecars and path are
    /// unchanged since a load with the same code are not parsed again. Null: no cache.
    /// </summary>
    public string? CacheDirectory { get; init; }
    /// <summary>Ignore what the cache holds (parse everything); the cache is still refreshed.</summary>
    public bool IgnoreCache { get; init; }
    /// <summary>
    /// The cache's entries kept in memory between the loads of one process (<c>archive serve</c>),
    /// so a rebuild takes them from there instead of from disk; null: from disk.
    /// </summary>
    public LoadCacheMemory? CacheMemory { get; init; }
}

/// <summary>Reports stage progress to whoever shows it (the CLI's progress bar).</summary>
public interface IStageProgress
{
    void StageStarted(string stage, int total);
    void Advance(string stage);
}

/// <summary>
/// The load stage: read → parse → normalize → enrich. Each step returns new values; nothing is
/// written. <c>archive check</c> is this alone.
/// </summary>
public static class ArchiveLoader
{
    public static LoadedArchive Load(LoadOptions options, IStageProgress? progress = null, CancellationToken cancellation = default)
    {
        var timings = new List<StageTiming>();
        var clock = Stopwatch.StartNew();
        var displayRoot = Path.GetFullPath(options.DisplayRoot ?? Directory.GetCurrentDirectory());
        var configDiagnostics = new DiagnosticBag();
        var config = ArchiveConfigReader.Read(options.InputDirectory, configDiagnostics, DisplayPath(displayRoot, Path.GetFullPath(options.InputDirectory)));
        if (options.BaseUrl is not null) config = config with { BaseUrl = ArchiveConfig.NormalizeBaseUrl(options.BaseUrl) };
        if (options.SiteUrl is not null) config = config with { SiteUrl = options.SiteUrl.TrimEnd('/') };
        var readers = options.Readers ?? TranscriptReaders.All;
        var cache = options.CacheDirectory is null ? null : new LoadCache(options.CacheDirectory, readers, options.CacheMemory);
        var parallel = new ParallelOptions { CancellationToken = cancellation };

        // read → parse → normalize, one file at a time per thread: only the files in flight hold
        // their text and raw episodes (10,000 episodes staged step by step peaked at 5.7 GB).
        // A file the cache knows is done after read. Each step's time is summed over the threads
        // and the wall time shared out in those proportions.
        var unclaimed = new List<string>();
        var files = InputScanner.Scan(options.InputDirectory, unclaimed);
        foreach (var sidecar in unclaimed)
            configDiagnostics.Warn(DisplayPath(displayRoot, sidecar), 1,
                $"no transcript beside this file has its name ({Path.GetFileName(sidecar).Split('.')[0]}.*), so it describes nothing; name it after its transcript (ep1.vtt → ep1.yml, ep1.chapters.json)");
        var perFile = new TranscriptFile[files.Count];
        var keys = new string?[files.Count];
        var restored = new bool[files.Count];
        var stepTicks = new long[3];
        foreach (var step in new[] { "read", "parse", "normalize" }) progress?.StageStarted(step, files.Count);
        Parallel.For(0, files.Count, parallel, i =>
        {
            long start = Stopwatch.GetTimestamp();
            var file = perFile[i] = new TranscriptFile(files[i].FullPath, DisplayPath(displayRoot, files[i].FullPath));
            file.ReadBytes();
            keys[i] = cache is null ? null : file.CacheKey(cache, files[i].Sidecars);
            if (keys[i] is not null && !options.IgnoreCache && cache!.TryGet(keys[i]!) is { } hit)
            {
                file.Restore(hit);
                restored[i] = true;
            }
            file.Decode();
            progress?.Advance("read");
            long read = Stopwatch.GetTimestamp();
            if (!restored[i]) file.Parse(readers);
            progress?.Advance("parse");
            long parsed = Stopwatch.GetTimestamp();
            if (!restored[i])
            {
                file.Normalize();
                if (cache is not null && keys[i] is { } key) cache.Put(key, file.Result);
            }
            progress?.Advance("normalize");
            Interlocked.Add(ref stepTicks[0], read - start);
            Interlocked.Add(ref stepTicks[1], parsed - read);
            Interlocked.Add(ref stepTicks[2], Stopwatch.GetTimestamp() - parsed);
        });
        var loadWall = clock.Elapsed;
        clock.Restart();
        double allTicks = Math.Max(1, stepTicks.Sum());
        timings.Add(new StageTiming("read", loadWall * (stepTicks[0] / allTicks)));
        timings.Add(new StageTiming("parse", loadWall * (stepTicks[1] / allTicks)));
        timings.Add(new StageTiming("normalize", loadWall * (stepTicks[2] / allTicks)));

        // enrich: needs every episode at once
        progress?.StageStarted("enrich", 1);
        var enrichDiagnostics = new DiagnosticBag();
        var loaded = perFile.SelectMany((f, fileIndex) => f.Episodes.Select(e => (Episode: e, File: fileIndex))).ToList();
        var inputs = loaded.Select(l => l.Episode).ToList();
        // An episode's source key: its file's cache key and its place among the file's episodes.
        var firstOfFile = new Dictionary<int, int>();
        for (int i = loaded.Count - 1; i >= 0; i--) firstOfFile[loaded[i].File] = i;
        var inputKeys = loaded.Select((l, i) => keys[l.File] is { } key ? $"{key}#{i - firstOfFile[l.File]}" : null).ToList();
        // When every file and the settings are as last time, so is what enrich makes of them.
        var enrichCache = cache is null ? null : new EnrichCache(cache);
        var enrichKey = enrichCache?.KeyOf(keys, config);
        var enriched = enrichKey is null || options.IgnoreCache ? null : enrichCache!.TryGet(enrichKey, inputs, enrichDiagnostics);
        bool enrichCached = enriched is not null;
        if (enriched is null)
        {
            enriched = ArchiveEnricher.Enrich(inputs, config, enrichDiagnostics, inputKeys,
                cache is null ? null : new EpisodeDigestCache(cache, read: !options.IgnoreCache));
            if (enrichKey is not null) enrichCache!.Put(enrichKey, enriched, inputs, enrichDiagnostics.Items);
        }
        progress?.Advance("enrich");
        timings.Add(Lap("enrich", clock));
        // After enrich, which reads and writes episode digests beside the load cache's entries; when it was skipped, they all still hold.
        cache?.Prune(enrichCached ? EpisodeDigestCache.Extension : null);

        var reports = new List<SourceFileReport>(files.Count);
        var diagnostics = new List<Diagnostic>(configDiagnostics.Items);
        // Sorted out by file once, not searched through again for every file (10,000 files by 10,000 episodes).
        var enrichDiagnosticsOf = enrichDiagnostics.Items.ToLookup(d => d.Path, StringComparer.Ordinal);
        var episodesOf = perFile.Select(_ => new List<int>()).ToArray();
        for (int index = 0; index < enriched.InputIndexes.Count; index++) episodesOf[loaded[enriched.InputIndexes[index]].File].Add(index);
        for (int f = 0; f < perFile.Length; f++)
        {
            // In the order of the file's lines, as a reader goes through it (stable: one line's messages keep their order).
            var fileDiagnostics = perFile[f].Diagnostics.Items
                .Concat(enrichDiagnosticsOf[perFile[f].DisplayPath])
                .OrderBy(d => d.Line)
                .ToList();
            reports.Add(new SourceFileReport(perFile[f].DisplayPath, perFile[f].Format, episodesOf[f], fileDiagnostics)
            {
                Sidecars = TranscriptSidecars.DisplayPaths(perFile[f].FullPath, perFile[f].DisplayPath),
            });
            diagnostics.AddRange(fileDiagnostics);
        }
        var filePaths = perFile.Select(f => f.DisplayPath).ToHashSet();
        diagnostics.AddRange(enrichDiagnostics.Items.Where(d => !filePaths.Contains(d.Path)));

        // An episode that enrich made anew (speaker aliases, details merged from a duplicate) is
        // not what its file alone gives: it has no key, and what is made from it is made again.
        var sourceKeys = enriched.InputIndexes
            .Select((input, k) => ReferenceEquals(enriched.Episodes[k].Episode, loaded[input].Episode) ? inputKeys[input] : null)
            .ToList();

        return new LoadedArchive
        {
            Config = config,
            Episodes = enriched.Episodes,
            Files = reports,
            Topics = enriched.Topics,
            People = enriched.People,
            Shows = enriched.Shows,
            Diagnostics = diagnostics,
            Timings = timings,
            CachedFiles = restored.Count(r => r),
            EnrichCached = enrichCached,
            EpisodeSourceKeys = sourceKeys,
        };
    }

    /// <summary>The path as the user would type it from where they are; '/' separated.</summary>
    public static string DisplayPath(string displayRoot, string fullPath)
    {
        var relative = Path.GetRelativePath(displayRoot, fullPath);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative).Replace('\\', '/');
    }

    private static StageTiming Lap(string stage, Stopwatch clock)
    {
        var t = new StageTiming(stage, clock.Elapsed);
        clock.Restart();
        return t;
    }
}
