using System.Collections.Concurrent;

namespace Archive.Core.Loading;

/// <summary>
/// The load cache's entries as the last load in this process decoded or made them, kept in memory
/// for the next load (<c>archive serve</c> rebuilds in one process): an entry found here is neither
/// read from disk nor decoded again, which in a rebuild after one new episode was most of the read
/// stage and of the collector's work. Entries are immutable values under the names the disk gives
/// them (the key holds the content's hash); the disk cache is still read and written as without
/// this, so a build in another process finds everything there. Holds about what one load holds.
/// </summary>
public sealed class LoadCacheMemory
{
    private readonly ConcurrentDictionary<string, object> _entries = new(StringComparer.Ordinal);
    private string? _codeVersion;

    /// <summary>Starts a load with code of <paramref name="codeVersion"/>: what another code made is forgotten.</summary>
    internal void Begin(string codeVersion)
    {
        lock (_entries)
        {
            if (_codeVersion != codeVersion) _entries.Clear();
            _codeVersion = codeVersion;
        }
    }

    internal object? Get(string name) => _entries.TryGetValue(name, out var value) ? value : null;

    internal void Set(string name, object value) => _entries[name] = value;

    /// <summary>Forgets the entries the last load had no use for, as the disk cache prunes its files.</summary>
    internal void KeepOnly(Func<string, bool> keep)
    {
        foreach (var name in _entries.Keys)
            if (!keep(name)) _entries.TryRemove(name, out _);
    }

    /// <summary>How many entries are held (tests).</summary>
    public int Count => _entries.Count;
}
