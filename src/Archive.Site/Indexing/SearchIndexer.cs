using System.Security.Cryptography;
using System.Text;
using Archive.Core.Loading;
using Archive.Site.Rendering;
using Archive.Site.Writing;

namespace Archive.Site.Indexing;

/// <summary>
/// Builds the site's search index: for each <see cref="SearchPartition"/>, its episodes'
/// <see cref="SearchRecords"/> are written to a scratch folder and Pagefind indexes them. The
/// primary bundle (<c>pagefind/</c>) keeps Pagefind's scripts and WebAssembly; the others keep only
/// their index, which the primary's scripts load when merging them.
/// <para>
/// Pagefind's memory follows the text it holds (about 40 bytes a character) and it indexes mostly
/// on one core, so partitions are indexed side by side, newest first, as long as the ones running
/// hold no more than <c>maxCharacters</c> of text together (the budget one partition may fill
/// alone) and there are cores for them: the halves of a partition (<see cref="SearchPartitions"/>)
/// go together, within the memory the whole partition would need. A partition larger than the
/// budget runs alone.
/// </para>
/// <para>
/// A partition whose records are the same as last build's is not indexed again: its files are
/// kept (hard links from the previous output), found by a key in the writer's manifest made from
/// what its records are made from (<see cref="SearchRecords.Identity"/>), so that telling a
/// partition is unchanged does not make its records. A new episode thus re-indexes only the
/// partition of its date.
/// </para>
/// </summary>
public sealed class SearchIndexer(PagefindRunner pagefind, Action<string>? log = null)
{
    /// <summary>What a merged (secondary) bundle needs; the rest of what Pagefind writes is the same in every bundle.</summary>
    private static readonly string[] IndexFolders = ["fragment", "index", "filter"];

    /// <summary>How many partitions were indexed, and how many kept from the previous build.</summary>
    public sealed record Outcome(int Indexed, int Kept);

    /// <param name="maxCharacters">Most characters of text in the Pagefind runs going at once.</param>
    /// <param name="parallel">Most Pagefind runs at once; the number of cores by default.</param>
    /// <param name="views">The site's views, whose names of shows, people and topics the records' filters use.</param>
    public Outcome Build(LoadedArchive archive, ViewFactory views, IReadOnlyList<SearchPartition> partitions, SiteWriter writer,
        long maxCharacters = SearchPartitions.DefaultMaxCharacters, int? parallel = null, CancellationToken cancellation = default)
    {
        var records = new SearchRecords(archive, views);
        // Beside the staging folder, on the same disk (bundles are moved, not copied); a build
        // that dies leaves it to the next build's clean-up of stale staging folders.
        var scratch = writer.Staging + ".search";
        Directory.CreateDirectory(scratch);
        int kept = 0;
        var toIndex = new List<(SearchPartition Partition, string Key)>();
        try
        {
            foreach (var partition in partitions)
            {
                cancellation.ThrowIfCancellationRequested();
                var key = Key(partition, records);
                if (writer.TryKeepAll(key)) kept++;
                else toIndex.Add((partition, key));
            }
            var files = IndexSideBySide(toIndex.Select(p => p.Partition).ToList(), records, scratch, writer,
                maxCharacters, Math.Max(1, parallel ?? Environment.ProcessorCount), cancellation);
            for (int p = 0; p < toIndex.Count; p++)
            {
                Parallel.ForEach(files[p], writer.KeepIfUnchanged);
                foreach (var file in files[p]) writer.Adopt(file, toIndex[p].Key);
            }
        }
        finally
        {
            try { Directory.Delete(scratch, recursive: true); }
            catch (IOException) { /* removed with the stale staging folders by the next build */ }
        }
        int indexed = toIndex.Count;
        log?.Invoke(kept == 0 ? $"Search: {indexed} {(indexed == 1 ? "index" : "indexes")} built"
            : $"Search: {indexed} of {partitions.Count} indexes built, {kept} unchanged");
        return new Outcome(indexed, kept);
    }

    /// <summary>
    /// Indexes the partitions in order, starting the next one while fewer than <paramref name="parallel"/>
    /// run and the text of those running and the next together stays within <paramref name="maxCharacters"/>
    /// (or nothing runs). Returns each partition's files. A failure stops the others.
    /// </summary>
    private List<string>[] IndexSideBySide(IReadOnlyList<SearchPartition> partitions, SearchRecords records, string scratch, SiteWriter site,
        long maxCharacters, int parallel, CancellationToken cancellation)
    {
        var files = new List<string>[partitions.Count];
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellation);
        var running = new List<(Task Task, long Characters)>();
        Exception? failure = null;
        void WaitForOne()
        {
            int done = Task.WaitAny(running.Select(r => r.Task).ToArray());
            var finished = running[done].Task;
            running.RemoveAt(done);
            // The first failure is the one to report; the others were stopped because of it.
            if (finished.Exception is { } ex && failure is null)
            {
                failure = ex.InnerException ?? ex;
                stop.Cancel();
            }
        }
        try
        {
            for (int p = 0; p < partitions.Count && !stop.IsCancellationRequested; p++)
            {
                while (running.Count > 0 && (running.Count >= parallel || running.Sum(r => r.Characters) + partitions[p].Characters > maxCharacters))
                    WaitForOne();
                if (stop.IsCancellationRequested) break;
                int at = p;
                running.Add((Task.Run(() => files[at] = Index(partitions[at], records, Path.Combine(scratch, partitions[at].Name), site, stop.Token), stop.Token),
                    partitions[p].Characters));
            }
            while (running.Count > 0) WaitForOne();
        }
        finally
        {
            // Only when something above threw: never leave a Pagefind behind.
            if (running.Count > 0) stop.Cancel();
            while (running.Count > 0) WaitForOne();
        }
        cancellation.ThrowIfCancellationRequested();
        if (failure is not null) System.Runtime.ExceptionServices.ExceptionDispatchInfo.Capture(failure).Throw();
        return files;
    }

    /// <summary>Runs Pagefind over the partition's records and moves its bundle into the site; returns the site-relative paths of the files.</summary>
    private List<string> Index(SearchPartition partition, SearchRecords records, string scratch, SiteWriter site, CancellationToken cancellation)
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
            site.MoveIn(file, relative);
            moved.Add(relative);
        }
        return moved;
    }

    private static bool IsIndexFile(string inBundle) =>
        inBundle == "pagefind-entry.json" || inBundle.EndsWith(".pf_meta", StringComparison.Ordinal)
        || IndexFolders.Any(folder => inBundle.StartsWith(folder + "/", StringComparison.Ordinal));

    /// <summary>What a partition's files are made from: Pagefind's version, where the bundle goes, and every record (what it is made from: <see cref="SearchRecords.Identity"/>).</summary>
    private static string Key(SearchPartition partition, SearchRecords records)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes($"pagefind {PagefindRunner.Version}\n{partition.Folder}\n"));
        foreach (var i in partition.Episodes)
        {
            hash.AppendData(Encoding.UTF8.GetBytes(records.PathOf(i) + "\n"));
            hash.AppendData(Encoding.UTF8.GetBytes(records.Identity(i)));
        }
        return "search:" + Convert.ToHexStringLower(hash.GetHashAndReset());
    }
}
