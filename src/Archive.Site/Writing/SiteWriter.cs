using System.Collections.Concurrent;
using System.IO.Enumeration;
using System.Runtime.InteropServices;
using System.Text.Json;

namespace Archive.Site.Writing;

/// <summary>
/// Writes a site into a staging folder beside the output and swaps it in only when the whole
/// build succeeded, so a failed or interrupted build leaves the previous site as it was.
/// <para>
/// Writes are incremental: a file whose bytes equal the previous output's is not written again
/// but hard-linked from it (copied, with its time, where links are impossible), so it keeps its
/// modification time and a deploy or a diff shows only what changed. Nothing is ever written
/// into a linked file: whatever the staging folder holds at a path is unlinked first, and every
/// changed file is a new file.
/// </para>
/// <para>
/// The staging folder starts as the site before last (kept in the cache folder as the spare
/// tree), not empty: its folders already exist, and making a folder costs far more than linking
/// a file (170 µs against 7 µs on ext4; a site of 1,000 episodes has 3,300 folders). What it
/// holds that the new site does not is deleted before the swap (<see cref="Commit"/>), and the
/// site the swap replaces becomes the next spare.
/// </para>
/// <para>
/// Files written with a key (what their bytes were made from) are listed with it in a manifest
/// in the cache folder, so the next build can keep them without making them again
/// (<see cref="TryKeep"/>) when the key is the same and the file was not touched since.
/// </para>
/// </summary>
public sealed class SiteWriter : IDisposable, IOutputSink
{
    private const string ManifestFile = "outputs.json";

    /// <summary>A file written from a key, with the size and time it had when written.</summary>
    private sealed record Made(string Key, long Length, long WriteTimeTicks);

    /// <summary>Marks a folder as built by the archive, so it may be replaced by the next build.</summary>
    public const string MarkerFile = ".archive-output";

    /// <summary>The site before last, in the cache folder: the next build's staging folder starts as it.</summary>
    public const string SpareFolder = "spare";

    private readonly string _output;
    private readonly bool _reuse;
    private readonly FileStream _lock;
    private readonly string _cache;
    private readonly string _spare;
    // Every site-relative path the new site has: what the staging folder holds besides them is stale.
    private readonly ConcurrentDictionary<string, bool> _present = new(StringComparer.Ordinal);
    private readonly Dictionary<string, Made> _previousManifest;
    private readonly ConcurrentDictionary<string, Made> _manifest = new(StringComparer.Ordinal);
    // Staging folders made so far: each file would otherwise cost a mkdir call (a second of a rebuild that keeps 8,000 files).
    private readonly ConcurrentDictionary<string, bool> _folders = new(StringComparer.Ordinal);
    private bool _committed;
    private int _written, _unchanged, _notRemade;

    /// <param name="reuseUnchanged">False for a clean build: every file is written anew.</param>
    public SiteWriter(string outputDirectory, bool reuseUnchanged = true)
    {
        _output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        var parent = Path.GetDirectoryName(_output) ?? throw new IOException($"'{outputDirectory}' cannot be an output folder");
        var name = Path.GetFileName(_output);
        Directory.CreateDirectory(parent);
        _cache = CacheDirectoryFor(_output);
        _lock = Lock(_cache, outputDirectory);
        try
        {
            RecoverInterruptedSwap();
            if (Directory.Exists(_output) && Directory.EnumerateFileSystemEntries(_output).Any() && !File.Exists(Path.Combine(_output, MarkerFile)))
                throw new IOException($"the output folder '{outputDirectory}' already holds files the archive did not write; choose an empty folder or delete it first");
            _spare = Path.Combine(_cache, SpareFolder);
            // Leftovers of builds that died (the lock says none is running now): one may serve as the spare.
            foreach (var stale in Directory.EnumerateDirectories(parent, $".{name}.staging-*")) Retire(stale);
            Staging = Path.Combine(parent, $".{name}.staging-{Environment.ProcessId}");
            // A clean build starts from nothing, as its name says.
            if (!(reuseUnchanged && Directory.Exists(_spare) && TryMove(_spare, Staging))) Directory.CreateDirectory(Staging);
        }
        catch
        {
            _lock.Dispose();
            throw;
        }
        _reuse = reuseUnchanged && Directory.Exists(_output);
        _previousManifest = _reuse ? ReadManifest(Path.Combine(_cache, ManifestFile)) : [];
    }

    /// <summary>The folder being written; the indexer runs over it before <see cref="Commit"/>.</summary>
    public string Staging { get; } = "";

    /// <summary>Files written with new bytes so far.</summary>
    public int Written => _written;
    /// <summary>Files taken unchanged from the previous output so far.</summary>
    public int Unchanged => _unchanged;
    /// <summary>Of the unchanged files, those kept by <see cref="TryKeep"/>: not even rendered.</summary>
    public int NotRemade => _notRemade;
    /// <summary>Files of the previous output the new site no longer has; known after <see cref="Commit"/>.</summary>
    public int Removed { get; private set; }

    /// <summary>
    /// Where the build keeps what outlives it (the load cache, the lock): <c>.archive-cache/NAME/</c>
    /// beside the output folder NAME, never inside the published site.
    /// </summary>
    public static string CacheDirectoryFor(string outputDirectory)
    {
        var output = Path.GetFullPath(outputDirectory).TrimEnd(Path.DirectorySeparatorChar);
        return Path.Combine(Path.GetDirectoryName(output) ?? output, ".archive-cache", Path.GetFileName(output));
    }

    /// <summary>Writes one file into the staging folder. Safe to call from several threads for different paths.</summary>
    public void Write(OutputFile file, string? key = null)
    {
        var full = Vacate(file.Path);
        if (_reuse && TryReuse(file.Path, full, file.Content)) Interlocked.Increment(ref _unchanged);
        else
        {
            File.WriteAllBytes(full, file.Content);
            Interlocked.Increment(ref _written);
        }
        _present[file.Path] = true;
        if (key is not null) Remember(file.Path, key, full);
    }

    /// <summary>Moves a file a tool made (outside the site, on the same disk) into the staging folder at <paramref name="relative"/>.</summary>
    public void MoveIn(string file, string relative)
    {
        File.Move(file, Vacate(relative));
        _present[relative] = true;
    }

    /// <summary>
    /// The staging path of <paramref name="relative"/>, its folder made and nothing at it: a file
    /// left there by the spare tree may be a link to the live site's, never to be written into.
    /// </summary>
    private string Vacate(string relative)
    {
        var full = ResolveInside(Staging, relative);
        EnsureFolderOf(full);
        // A folder where the new site has a file (the spare tree is an older site): it goes.
        if (!TryDelete(full)) Directory.Delete(full, recursive: true);
        return full;
    }

    /// <summary>Deletes the file at <paramref name="full"/> if any; false when a folder is there.</summary>
    private static bool TryDelete(string full)
    {
        try
        {
            File.Delete(full);
            return true;
        }
        catch (UnauthorizedAccessException) when (Directory.Exists(full))
        {
            return false;
        }
        catch (IOException) when (Directory.Exists(full))
        {
            return false;
        }
    }

    public bool TryKeep(string path, string key)
    {
        if (!_reuse || !_previousManifest.TryGetValue(path, out var made) || made.Key != key || !Untouched(path, made)) return false;
        if (!Staged(path, made) && !LinkFromPrevious(path)) return false;
        Kept(path, made);
        return true;
    }

    /// <summary>
    /// Keeps every file the previous build wrote or adopted with <paramref name="key"/> (a tool's
    /// output, kept whole) or none of them: false when there were none or one was touched since.
    /// </summary>
    public bool TryKeepAll(string key)
    {
        if (!_reuse) return false;
        var files = _previousManifest.Where(f => f.Value.Key == key).Select(f => (Path: f.Key, Made: f.Value)).ToList();
        if (files.Count == 0 || !files.All(f => Untouched(f.Path, f.Made))) return false;
        // When one cannot be linked, none is kept: those linked are stale, deleted before the swap.
        foreach (var (path, made) in files)
            if (!Staged(path, made) && !LinkFromPrevious(path)) return false;
        foreach (var (path, made) in files) Kept(path, made);
        return true;
    }

    /// <summary>True when the previous output's file is as the previous build made it (its size and time).</summary>
    private bool Untouched(string path, Made made) => AsMade(_output, path, made);

    /// <summary>True when <paramref name="root"/> holds a file at <paramref name="path"/> with the size and time <paramref name="made"/> recorded.</summary>
    private static bool AsMade(string root, string path, Made made)
    {
        var file = new FileInfo(ResolveInside(root, path));
        return file.Exists && file.Length == made.Length && file.LastWriteTimeUtc.Ticks == made.WriteTimeTicks;
    }

    /// <summary>
    /// True when the staging folder already holds the previous output's file: the spare tree is
    /// the site before last, so a file kept by the last build is the same file (one inode, so
    /// the same size and time) in both. Then neither the unlink nor the link is needed: they
    /// were two thirds of a rebuild's file system calls. A file of the spare tree with the
    /// kept file's size and time to the tick was made by the same write: a later write has a
    /// later time. Trusted as <see cref="Untouched"/> trusts the output's file, and only where
    /// times have a fraction of a second: on a disk that keeps whole seconds (FAT, HFS+) two
    /// builds in one second would give two different files the same time.
    /// </summary>
    private bool Staged(string path, Made made) =>
        made.WriteTimeTicks % TimeSpan.TicksPerSecond != 0 && AsMade(Staging, path, made);

    /// <summary>Hard-links the previous output's file into the staging folder; false when it cannot (a copy would get a new time: make it again instead).</summary>
    private bool LinkFromPrevious(string path) => HardLink.TryCreate(ResolveInside(_output, path), Vacate(path));

    private void EnsureFolderOf(string file)
    {
        var folder = Path.GetDirectoryName(file)!;
        if (_folders.ContainsKey(folder)) return;
        try
        {
            Directory.CreateDirectory(folder);
        }
        catch (IOException)
        {
            // A file of the spare tree where the new site has a folder: it goes.
            for (var above = folder; above.Length > Staging.Length; above = Path.GetDirectoryName(above)!)
                if (File.Exists(above)) File.Delete(above);
            Directory.CreateDirectory(folder);
        }
        _folders.TryAdd(folder, true);
    }

    private void Kept(string path, Made made)
    {
        Interlocked.Increment(ref _unchanged);
        Interlocked.Increment(ref _notRemade);
        _present[path] = true;
        _manifest[path] = made;
    }

    private void Remember(string path, string key, string full)
    {
        var info = new FileInfo(full);
        _manifest[path] = new Made(key, info.Length, info.LastWriteTimeUtc.Ticks);
    }

    /// <summary>
    /// For a file a tool wrote into the staging folder (the search index): when it equals the
    /// previous output's, it is replaced by that one, so it too keeps its time.
    /// </summary>
    public void KeepIfUnchanged(string relative)
    {
        var full = ResolveInside(Staging, relative);
        var before = Path.Combine(_output, relative);
        if (_reuse && File.Exists(before) && SameBytes(before, File.ReadAllBytes(full)))
        {
            File.Delete(full);
            if (LinkOrCopy(before, full))
            {
                Interlocked.Increment(ref _unchanged);
                return;
            }
            File.Copy(before, full); // the same bytes, with a new time
        }
        Interlocked.Increment(ref _written);
    }

    /// <summary>
    /// Lists a file a tool wrote into the staging folder under <paramref name="key"/> (what it
    /// was made from), so the next build can keep it with <see cref="TryKeepAll"/>. Call it last:
    /// <see cref="KeepIfUnchanged"/> may replace the file.
    /// </summary>
    public void Adopt(string path, string key) => Remember(path, key, ResolveInside(Staging, path));

    /// <summary>Replaces the output folder with the staging folder.</summary>
    public void Commit()
    {
        Write(OutputFile.Text(MarkerFile, "This folder is generated by `archive build` and replaced on every build.\n"));
        RemoveStale();
        string? previous = null;
        if (Directory.Exists(_output))
        {
            Removed = Directory.EnumerateFiles(_output, "*", SearchOption.AllDirectories)
                .Count(f => !_present.ContainsKey(Relative(_output, f)));
            previous = PreviousFolder(_output);
            if (Directory.Exists(previous)) Directory.Delete(previous, true);
            // Between these two moves the output folder is missing; a build that dies there is
            // repaired by the next one (RecoverInterruptedSwap).
            Directory.Move(_output, previous);
        }
        Directory.Move(Staging, _output);
        _committed = true;
        WriteManifest();
        if (previous is not null) Retire(previous);
    }

    /// <summary>Deletes what the staging folder holds that the new site does not: files, and folders with none of its files.</summary>
    private void RemoveStale()
    {
        var folders = new HashSet<string>(StringComparer.Ordinal);
        foreach (var path in _present.Keys)
            for (int slash = path.IndexOf('/'); slash >= 0; slash = path.IndexOf('/', slash + 1)) folders.Add(path[..slash]);
        var staleFolders = new List<string>();
        var staleFiles = new List<string>();
        var entries = new FileSystemEnumerable<(string Full, bool IsFolder)>(Staging, (ref FileSystemEntry e) => (e.ToFullPath(), e.IsDirectory),
            new EnumerationOptions { RecurseSubdirectories = true, AttributesToSkip = 0, IgnoreInaccessible = false })
        {
            // A folder the new site has none of is deleted whole, not walked.
            ShouldRecursePredicate = (ref FileSystemEntry e) => folders.Contains(Relative(Staging, e.ToFullPath())),
        };
        foreach (var (full, isFolder) in entries)
        {
            var relative = Relative(Staging, full);
            if (isFolder ? !folders.Contains(relative) : !_present.ContainsKey(relative)) (isFolder ? staleFolders : staleFiles).Add(full);
        }
        foreach (var file in staleFiles) File.Delete(file);
        foreach (var folder in staleFolders) Directory.Delete(folder, recursive: true);
    }

    private static string Relative(string root, string full) => full[(root.Length + 1)..].Replace('\\', '/');

    /// <summary>
    /// A site folder no longer wanted (the site a swap replaced, a failed build's staging folder,
    /// one a dead build left) becomes the spare when there is none; otherwise, or when it cannot
    /// be moved there, it is deleted. Any site will do as the spare: everything in it is replaced
    /// or deleted by the build that starts from it.
    /// </summary>
    private void Retire(string folder)
    {
        try
        {
            if (Directory.Exists(_spare) || !TryMove(folder, _spare)) Directory.Delete(folder, recursive: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // What is left is cleaned up by the next build (a staging folder) or moved aside again (the replaced site).
        }
    }

    /// <summary>Moves a folder; false when it cannot (another disk, say).</summary>
    private static bool TryMove(string from, string to)
    {
        try
        {
            Directory.Move(from, to);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Staging)) Retire(Staging);
        _lock.Dispose();
    }

    /// <summary>The full path of a site-relative path, refusing any that would land outside the site.</summary>
    public static string ResolveInside(string root, string relative)
    {
        if (string.IsNullOrEmpty(relative) || Path.IsPathRooted(relative) || relative.Contains('\\'))
            throw new InvalidOperationException($"refusing to write '{relative}': output paths must be relative and use '/'");
        var full = Path.GetFullPath(Path.Combine(root, relative));
        var prefix = Path.GetFullPath(root).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        if (!full.StartsWith(prefix, StringComparison.Ordinal))
            throw new InvalidOperationException($"refusing to write '{relative}': it would land outside the output folder");
        return full;
    }

    private bool TryReuse(string relative, string target, byte[] content)
    {
        var before = Path.Combine(_output, relative);
        try
        {
            return SameBytes(before, content) && LinkOrCopy(before, target);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static bool SameBytes(string path, ReadOnlySpan<byte> content)
    {
        var info = new FileInfo(path);
        if (!info.Exists || info.Length != content.Length) return false;
        return File.ReadAllBytes(path).AsSpan().SequenceEqual(content);
    }

    /// <summary>Hard-links <paramref name="source"/> at <paramref name="target"/>, or copies it with its time; false when neither worked.</summary>
    private static bool LinkOrCopy(string source, string target)
    {
        if (HardLink.TryCreate(source, target)) return true;
        try
        {
            File.Copy(source, target, overwrite: false);
            File.SetLastWriteTimeUtc(target, File.GetLastWriteTimeUtc(source));
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return false;
        }
    }

    private static Dictionary<string, Made> ReadManifest(string path)
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize<Dictionary<string, Made>>(stream) ?? [];
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException)
        {
            return []; // no manifest: everything is made again, and compared byte by byte
        }
    }

    private void WriteManifest()
    {
        var path = Path.Combine(_cache, ManifestFile);
        try
        {
            var sorted = new SortedDictionary<string, Made>(_manifest, StringComparer.Ordinal);
            File.WriteAllText(path + ".tmp", JsonSerializer.Serialize(sorted));
            File.Move(path + ".tmp", path, overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Without it the next build makes those files again; nothing is wrong.
        }
    }

    private static string PreviousFolder(string output) =>
        Path.Combine(Path.GetDirectoryName(output)!, $".{Path.GetFileName(output)}.previous");

    /// <summary>
    /// A build that died between moving the old output aside and moving the new one in left the
    /// output folder missing and the old one aside: put the old one back.
    /// </summary>
    private void RecoverInterruptedSwap()
    {
        var previous = PreviousFolder(_output);
        if (!Directory.Exists(previous)) return;
        if (Directory.Exists(_output)) Directory.Delete(previous, recursive: true);
        else Directory.Move(previous, _output);
    }

    /// <summary>One build at a time per output folder (a second <c>archive build</c>, or <c>serve</c> rebuilding).</summary>
    private static FileStream Lock(string cacheDirectory, string outputDirectory)
    {
        Directory.CreateDirectory(cacheDirectory);
        var path = Path.Combine(cacheDirectory, "build.lock");
        try
        {
            return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
        }
        catch (IOException)
        {
            throw new IOException($"another build is writing '{outputDirectory}' right now (lock: {path}); wait for it to finish");
        }
    }

    private static class HardLink
    {
        [DllImport("libc", EntryPoint = "link", SetLastError = true)]
        private static extern int Link([MarshalAs(UnmanagedType.LPUTF8Str)] string existing, [MarshalAs(UnmanagedType.LPUTF8Str)] string link);

        [DllImport("kernel32", EntryPoint = "CreateHardLinkW", SetLastError = true, CharSet = CharSet.Unicode)]
        [return: MarshalAs(UnmanagedType.Bool)]
        private static extern bool CreateHardLink(string link, string existing, IntPtr security);

        private static bool _unavailable;

        public static bool TryCreate(string existing, string link)
        {
            if (_unavailable) return false;
            try
            {
                return OperatingSystem.IsWindows() ? CreateHardLink(link, existing, IntPtr.Zero) : Link(existing, link) == 0;
            }
            catch (Exception ex) when (ex is DllNotFoundException or EntryPointNotFoundException)
            {
                _unavailable = true;
                return false;
            }
        }
    }
}
