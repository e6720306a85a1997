using System.Security.Cryptography;
using System.Text;
using Archive.Core.Loading;
using Archive.Site.Writing;

namespace Archive.Site.Indexing;

/// <summary>
/// Builds the site's search index: for each <see cref="SearchPartition"/>, one after the other,
/// its episodes' <see cref="SearchRecords"/> are written to a scratch folder and Pagefind indexes
/// them. One partition at a time bounds the memory Pagefind needs. The primary bundle
/// (<c>pagefind/</c>) keeps Pagefind's scripts and WebAssembly; the others keep only their index,
/// which the primary's scripts load when merging them.
/// <para>
/// A partition whose records are the same as last build's is not indexed again: its files are
/// kept (hard links from the previous output), found by a key of the records' hash in the
/// writer's manifest. A new episode thus re-indexes only the partition of its date.
/// </para>
/// </summary>
public sealed class SearchIndexer(PagefindRunner pagefind, Action<string>? log = null)
{
    /// <summary>What a merged (secondary) bundle needs; the rest of what Pagefind writes is the same in every bundle.</summary>
    private static readonly string[] IndexFolders = ["fragment", "index", "filter"];

    /// <summary>How many partitions were indexed, and how many kept from the previous build.</summary>
    public sealed record Outcome(int Indexed, int Kept);

    public Outcome Build(LoadedArchive archive, IReadOnlyList<SearchPartition> partitions, SiteWriter writer, CancellationToken cancellation = default)
    {
        var records = new SearchRecords(archive);
        // Beside the staging folder, on the same disk (bundles are moved, not copied); a build
        // that dies leaves it to the next build's clean-up of stale staging folders.
        var scratch = writer.Staging + ".search";
        Directory.CreateDirectory(scratch);
        int indexed = 0, kept = 0;
        try
        {
            foreach (var partition in partitions)
            {
                cancellation.ThrowIfCancellationRequested();
                var key = Key(partition, records);
                var previous = writer.PreviousFiles(key);
                var keptFiles = new List<string>();
                if (previous.Count > 0 && previous.All(path => writer.TryKeep(path, key) && Added(keptFiles, path)))
                {
                    kept++;
                    continue;
                }
                // Some file was touched since: index the partition again, without what was kept of it.
                foreach (var path in keptFiles) File.Delete(SiteWriter.ResolveInside(writer.Staging, path));
                var files = Index(partition, records, Path.Combine(scratch, partition.Name), writer.Staging, cancellation);
                Parallel.ForEach(files, writer.KeepIfUnchanged);
                foreach (var file in files) writer.Adopt(file, key);
                indexed++;
            }
        }
        finally
        {
            try { Directory.Delete(scratch, recursive: true); }
            catch (IOException) { /* removed with the stale staging folders by the next build */ }
        }
        log?.Invoke(kept == 0 ? $"Search: {indexed} {(indexed == 1 ? "index" : "indexes")} built"
            : $"Search: {indexed} of {partitions.Count} indexes built, {kept} unchanged");
        return new Outcome(indexed, kept);
    }

    /// <summary>Runs Pagefind over the partition's records and moves its bundle into the site; returns the site-relative paths of the files.</summary>
    private List<string> Index(SearchPartition partition, SearchRecords records, string scratch, string site, CancellationToken cancellation)
    {
        var recordsDirectory = Path.Combine(scratch, "records");
        Parallel.ForEach(partition.Episodes, new ParallelOptions { CancellationToken = cancellation }, i =>
        {
            var path = Path.Combine(recordsDirectory, records.PathOf(i));
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            File.WriteAllText(path, records.Html(i));
        });
        var bundle = Path.Combine(scratch, "bundle");
        pagefind.Index(recordsDirectory, bundle, cancellation);
        Directory.Delete(recordsDirectory, recursive: true);

        var moved = new List<string>();
        foreach (var file in Directory.EnumerateFiles(bundle, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var inBundle = Path.GetRelativePath(bundle, file).Replace('\\', '/');
            if (!partition.IsPrimary && !IsIndexFile(inBundle)) continue;
            var relative = partition.Folder + inBundle;
            var target = SiteWriter.ResolveInside(site, relative);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            // A file kept by an earlier attempt is a link to the previous output: replace the link, never write into it.
            File.Delete(target);
            File.Move(file, target);
            moved.Add(relative);
        }
        return moved;
    }

    private static bool Added(List<string> list, string item)
    {
        list.Add(item);
        return true;
    }

    private static bool IsIndexFile(string inBundle) =>
        inBundle == "pagefind-entry.json" || inBundle.EndsWith(".pf_meta", StringComparison.Ordinal)
        || IndexFolders.Any(folder => inBundle.StartsWith(folder + "/", StringComparison.Ordinal));

    /// <summary>What a partition's files are made from: Pagefind's version, where the bundle goes, and every record's bytes.</summary>
    private static string Key(SearchPartition partition, SearchRecords records)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"pagefind {PagefindRunner.Version}\n{partition.Folder}\n"));
        foreach (var i in partition.Episodes)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(records.PathOf(i) + "\n"));
            hash.AppendData(Encoding.UTF8.GetBytes(records.Html(i)));
        }
        return "search:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
