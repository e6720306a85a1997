namespace Archive.Cli.Serving;

/// <summary>
/// Watches folders and calls back once things have been quiet for a moment: an editor's save,
/// or a copy of fifty transcripts, is one change, not many. Callbacks never overlap; a change
/// during one gives one more after it.
/// </summary>
public sealed class ChangeWatcher : IDisposable
{
    private readonly List<FileSystemWatcher> _watchers = [];
    private readonly Func<IReadOnlyList<string>, Task> _changed;
    private readonly TimeSpan _quiet;
    private readonly Timer _timer;
    private readonly object _gate = new();
    private readonly SortedSet<string> _pending = new(StringComparer.Ordinal);
    private readonly Func<string, bool> _ignore;
    private bool _running;

    /// <param name="ignore">Paths whose changes do not count (the output folder, the cache).</param>
    /// <param name="held">Note changes from now on but call back only after <see cref="Release"/>.</param>
    public ChangeWatcher(IEnumerable<string> folders, TimeSpan quiet, Func<IReadOnlyList<string>, Task> changed, Func<string, bool> ignore, bool held = false)
    {
        _running = held;
        _changed = changed;
        _quiet = quiet;
        _ignore = ignore;
        _timer = new Timer(_ => Fire());
        foreach (var folder in folders.Where(Directory.Exists).Select(Path.GetFullPath).Distinct())
        {
            var watcher = new FileSystemWatcher(folder)
            {
                IncludeSubdirectories = true,
                NotifyFilter = NotifyFilters.FileName | NotifyFilters.DirectoryName | NotifyFilters.LastWrite | NotifyFilters.Size,
            };
            watcher.Changed += (_, e) => Note(e.FullPath);
            watcher.Created += (_, e) => Note(e.FullPath);
            watcher.Deleted += (_, e) => Note(e.FullPath);
            watcher.Renamed += (_, e) => { Note(e.OldFullPath); Note(e.FullPath); };
            watcher.Error += (_, _) => Note(folder); // events were lost: rebuild to be sure
            watcher.EnableRaisingEvents = true;
            _watchers.Add(watcher);
        }
    }

    /// <summary>Starts calling back, first for what changed while held.</summary>
    public void Release()
    {
        lock (_gate)
        {
            _running = false;
            if (_pending.Count > 0) _timer.Change(_quiet, Timeout.InfiniteTimeSpan);
        }
    }

    public void Dispose()
    {
        foreach (var w in _watchers) w.Dispose();
        _timer.Dispose();
    }

    private void Note(string path)
    {
        if (_ignore(path)) return;
        lock (_gate)
        {
            _pending.Add(path);
            if (!_running) _timer.Change(_quiet, Timeout.InfiniteTimeSpan);
        }
    }

    private void Fire()
    {
        List<string> paths;
        lock (_gate)
        {
            if (_running || _pending.Count == 0) return;
            _running = true;
            paths = [.. _pending];
            _pending.Clear();
        }
        _ = Task.Run(async () =>
        {
            try { await _changed(paths); }
            finally
            {
                lock (_gate)
                {
                    _running = false;
                    if (_pending.Count > 0) _timer.Change(_quiet, Timeout.InfiniteTimeSpan);
                }
            }
        });
    }
}
