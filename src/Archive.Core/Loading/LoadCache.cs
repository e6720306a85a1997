using System.Reflection;
using System.Security.Cryptography;
using System.Text;
using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Reading;

namespace Archive.Core.Loading;

/// <summary>What read → parse → normalize made of one input file; what the cache keeps.</summary>
public sealed record LoadedFile(string? Format, IReadOnlyList<Episode> Episodes, IReadOnlyList<Diagnostic> Diagnostics);

/// <summary>
/// Remembers what read → parse → normalize made of each input file, so a rebuild parses only the
/// files that changed. An entry is keyed by a hash of everything its result depends on: the
/// file's bytes, its sidecars' bytes, the path messages show, and the version of the code that
/// reads it (the readers' assemblies), so a new program never reuses a stale result. Entries
/// are binary files (<see cref="LoadedFileCodec"/>) under <c>load/&lt;code version&gt;/</c>, written
/// atomically; an entry that cannot be read, whole and exactly, is a miss. <see cref="Prune"/> drops what the last load did not use.
/// </summary>
public sealed class LoadCache
{
    private readonly string _folder;
    private readonly HashSet<string> _used = [];
    private readonly LoadCacheMemory? _memory;

    /// <param name="directory">The cache folder (the build puts it beside the output, never inside it).</param>
    /// <param name="memory">Entries kept in memory from the last load of this process, and kept for the next; null: disk alone.</param>
    public LoadCache(string directory, IReadOnlyList<ITranscriptReader> readers, LoadCacheMemory? memory = null)
    {
        Directory = Path.GetFullPath(directory);
        CodeVersion = CodeVersionOf(readers);
        _folder = Path.Combine(Directory, "load", CodeVersion);
        _memory = memory;
        _memory?.Begin(CodeVersion);
    }

    public string Directory { get; }
    /// <summary>Identifies the code that produced the entries; part of every key.</summary>
    public string CodeVersion { get; }

    /// <summary>The key of an input file: a hash of its bytes, its sidecars, its display path and the code version.</summary>
    public string KeyOf(ReadOnlySpan<byte> bytes, string displayPath, IReadOnlyList<string> sidecars)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        void Field(ReadOnlySpan<byte> data)
        {
            hash.AppendData(BitConverter.GetBytes((long)data.Length));
            hash.AppendData(data);
        }
        Field(Encoding.UTF8.GetBytes(CodeVersion));
        Field(Encoding.UTF8.GetBytes(displayPath));
        Field(bytes);
        foreach (var sidecar in sidecars)
        {
            Field(Encoding.UTF8.GetBytes(Path.GetFileName(sidecar)));
            byte[] content;
            try { content = File.ReadAllBytes(sidecar); }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { content = Encoding.UTF8.GetBytes("unreadable: " + ex.Message); }
            Field(content);
        }
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    public LoadedFile? TryGet(string key) => Read(key, EntryExtension, bytes => LoadedFileCodec.Decode(key, bytes));

    /// <summary>Stores an entry; a failure to write only costs a parse next time.</summary>
    public void Put(string key, LoadedFile file) => Write(key, EntryExtension, file, LoadedFileCodec.Encode(key, file));

    /// <summary>
    /// The entry under <paramref name="key"/> (a lowercase hex hash) and <paramref name="extension"/>
    /// as <paramref name="decode"/> makes it, or null; for this cache's entries and others kept beside
    /// them (<see cref="EpisodeDigestCache"/>), which share its code version and its pruning.
    /// </summary>
    internal T? Read<T>(string key, string extension, EntryDecoder<T> decode) where T : class =>
        Recall(key + extension, () => CacheFile.Read(PathOf(key, extension), decode));

    /// <summary>Stores an entry: <paramref name="value"/> as <see cref="Read"/> gives it back, <paramref name="entry"/> its bytes on disk (null: too large to keep there).</summary>
    internal void Write(string key, string extension, object value, byte[]? entry)
    {
        Remember(key + extension, value);
        if (entry is not null) CacheFile.Write(PathOf(key, extension), entry);
    }

    /// <summary>
    /// The value named <paramref name="name"/>: the one an earlier load of this process kept in
    /// memory (<see cref="LoadCacheMemory"/>), else what <paramref name="read"/> gives (from disk),
    /// which is kept for the next load; null when neither has it. The name counts as used.
    /// </summary>
    internal T? Recall<T>(string name, Func<T?> read) where T : class
    {
        lock (_used) _used.Add(name);
        if (_memory?.Get(name) is T kept) return kept;
        var value = read();
        if (value is not null) _memory?.Set(name, value);
        return value;
    }

    /// <summary>Keeps <paramref name="value"/> in memory for the next load of this process (when it has a <see cref="LoadCacheMemory"/>), in place of what had this name.</summary>
    internal void Remember(string name, object value)
    {
        lock (_used) _used.Add(name);
        _memory?.Set(name, value);
    }

    /// <summary>
    /// Deletes entries the load did not use, and those of other code versions. Entries ending in
    /// <paramref name="keepUnused"/> are kept though unused: their owner had no need of them this time.
    /// </summary>
    public void Prune(string? keepUnused = null)
    {
        bool Keep(string name) => _used.Contains(name) || (keepUnused is not null && name.EndsWith(keepUnused, StringComparison.Ordinal));
        _memory?.KeepOnly(Keep);
        var load = Path.Combine(Directory, "load");
        if (!System.IO.Directory.Exists(load)) return;
        try
        {
            foreach (var version in System.IO.Directory.EnumerateDirectories(load))
            {
                if (!string.Equals(version, _folder, StringComparison.Ordinal))
                {
                    System.IO.Directory.Delete(version, recursive: true);
                    continue;
                }
                foreach (var entry in System.IO.Directory.EnumerateFiles(version, "*", SearchOption.AllDirectories))
                {
                    if (!Keep(Path.GetFileName(entry))) File.Delete(entry);
                }
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another build may be pruning too; what is left is pruned next time.
        }
    }

    // Not .json: entries of the JSON format, should one be found in this folder, are never opened and are pruned.
    private const string EntryExtension = ".bin";

    private string PathOf(string key, string extension) => Path.Combine(_folder, key[..2], key + extension);

    /// <summary>
    /// A hash of the identities of the assemblies whose code turns bytes into episodes: this one
    /// (readers, normalizer), the readers' own, and what they reference (YAML, Markdown). With
    /// deterministic builds an assembly's MVID changes exactly when its code does.
    /// </summary>
    private static string CodeVersionOf(IReadOnlyList<ITranscriptReader> readers)
    {
        var assemblies = new SortedDictionary<string, Assembly>(StringComparer.Ordinal);
        void Add(Assembly a) => assemblies.TryAdd(a.FullName ?? a.GetName().Name ?? "", a);
        Add(typeof(LoadCache).Assembly);
        foreach (var reader in readers) Add(reader.GetType().Assembly);
        var text = new StringBuilder().Append("entry format ").Append(LoadedFileCodec.FormatVersion).Append('\n');
        foreach (var a in assemblies.Values.ToList())
        {
            text.Append(a.FullName).Append(' ').Append(a.ManifestModule.ModuleVersionId).Append('\n');
            foreach (var reference in a.GetReferencedAssemblies().OrderBy(r => r.FullName, StringComparer.Ordinal))
                text.Append("  ").Append(reference.FullName).Append('\n');
        }
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())))[..16];
    }
}
