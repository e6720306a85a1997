using System.Diagnostics;
using Archive.Cli.Commands;
using Archive.Core.Config;
using Archive.Core.Loading;
using Archive.Site.Writing;

namespace Archive.Cli.Serving;

/// <summary>
/// <c>archive serve</c> at work: builds, serves the output, and rebuilds (incrementally) when the
/// input folder (archive.yml included) or the theme changes, then reloads open pages.
/// </summary>
public sealed class ServeSession : IAsyncDisposable
{
    private readonly BuildSettings _settings;
    private readonly ConsoleReport _report;
    private readonly CancellationToken _stopping;
    private ChangeWatcher? _watcher;
    private int _builds;

    private ServeSession(BuildSettings settings, ConsoleReport report, PreviewServer server, CancellationToken stopping)
    {
        _settings = settings;
        _report = report;
        Server = server;
        _stopping = stopping;
    }

    public PreviewServer Server { get; }
    /// <summary>Builds finished so far, successful or not (the first one included).</summary>
    public int Builds => Volatile.Read(ref _builds);
    /// <summary>Raised after each rebuild with its exit code.</summary>
    public event Action<int>? Rebuilt;

    /// <param name="quiet">How long the files must be left alone before a rebuild starts.</param>
    public static async Task<ServeSession> Start(BuildSettings settings, int port, ConsoleReport report, TimeSpan quiet, CancellationToken stopping)
    {
        // Every build of the session keeps what it loaded for the next: a rebuild decodes from disk only what changed.
        settings = settings with { Load = settings.Load with { CacheMemory = new LoadCacheMemory() } };
        var output = Path.GetFullPath(settings.Build.OutputDirectory);
        ServeSession? session = null;
        // Watching starts before the first build, held until it is done: a transcript added or
        // saved while it runs is rebuilt right after it, not missed.
        var watcher = new ChangeWatcher(
            new[] { settings.Load.InputDirectory, settings.ThemeDirectory }.OfType<string>(),
            quiet,
            changed => session!.RebuildAsync(changed),
            path => IsWrittenByTheBuild(path, output),
            held: true);
        try
        {
            BuildCommand.Execute(report, settings, stopping);
            var config = ArchiveConfigReader.Read(settings.Load.InputDirectory, new Core.Diagnostics.DiagnosticBag());
            var baseUrl = settings.Load.BaseUrl is { } given ? ArchiveConfig.NormalizeBaseUrl(given) : config.BaseUrl;
            var server = new PreviewServer(settings.Build.OutputDirectory, baseUrl, port);
            await server.StartAsync(stopping);
            session = new ServeSession(settings, report, server, stopping) { _watcher = watcher };
        }
        catch
        {
            watcher.Dispose();
            throw;
        }
        Interlocked.Increment(ref session._builds);
        watcher.Release();
        return session;
    }

    /// <summary>The build's own writes (output, staging and set-aside folders, cache) are not changes to the sources.</summary>
    private static bool IsWrittenByTheBuild(string path, string output)
    {
        var parent = Path.GetDirectoryName(output)!;
        var name = Path.GetFileName(output);
        foreach (var root in new[] { output, SiteWriter.CacheDirectoryFor(output), Path.Combine(parent, "." + name + ".") })
            if (path.StartsWith(root, StringComparison.Ordinal)) return true;
        return false;
    }

    private Task RebuildAsync(IReadOnlyList<string> changed) => Task.Run(() =>
    {
        if (_stopping.IsCancellationRequested) return;
        var shown = string.Join(", ", changed.Take(3).Select(p => Path.GetRelativePath(Directory.GetCurrentDirectory(), p)));
        _report.Info($"changed: {shown}{(changed.Count > 3 ? $" and {changed.Count - 3} more" : "")}; rebuilding…");
        var clock = Stopwatch.StartNew();
        // After the first build the cache is what makes rebuilds fast: never ignore it here.
        var settings = _settings with
        {
            Load = _settings.Load with { IgnoreCache = false },
            Build = _settings.Build with { Clean = false },
        };
        var (exit, archive, result) = BuildCommand.Run(_report, settings.Load, settings.Build, settings.Strict, _stopping);
        if (exit == ExitCodes.Success)
        {
            if (settings.ReportFile is { } reportFile) BuildCommand.WriteReport(reportFile, archive!, result!);
            _report.Info($"rebuilt in {ConsoleReport.Seconds(clock.Elapsed)}: {archive!.Files.Count - archive.CachedFiles} transcript(s) read, "
                + $"{result!.Written} file(s) written, {result.Unchanged} unchanged, {result.Removed} deleted");
            Server.Reload();
        }
        Interlocked.Increment(ref _builds);
        Rebuilt?.Invoke(exit);
    });

    public async ValueTask DisposeAsync()
    {
        _watcher?.Dispose();
        await Server.DisposeAsync();
    }
}
