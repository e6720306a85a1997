using Archive.Core.Loading;

namespace Archive.Site.Indexing;

/// <summary>
/// Builds the site's search index: for each <see cref="SearchPartition"/>, one after the other,
/// its episodes' <see cref="SearchRecords"/> are written to a scratch folder and Pagefind indexes
/// them into the partition's bundle folder. One partition at a time bounds the memory Pagefind
/// needs. The primary bundle (<c>pagefind/</c>) keeps Pagefind's scripts and WebAssembly; the
/// others keep only their index, which the primary's scripts load when merging them.
/// </summary>
public sealed class SearchIndexer(PagefindRunner pagefind)
{
    /// <summary>What a merged (secondary) bundle needs; the rest of what Pagefind writes is the same in every bundle.</summary>
    private static readonly string[] IndexFolders = ["fragment", "index", "filter"];

    public void Build(LoadedArchive archive, IReadOnlyList<SearchPartition> partitions, string siteDirectory, CancellationToken cancellation = default)
    {
        var records = new SearchRecords(archive);
        var scratch = Directory.CreateTempSubdirectory("archive-search-").FullName;
        try
        {
            foreach (var partition in partitions)
            {
                cancellation.ThrowIfCancellationRequested();
                var recordsDirectory = Path.Combine(scratch, partition.Name);
                Parallel.ForEach(partition.Episodes, new ParallelOptions { CancellationToken = cancellation }, i =>
                {
                    var path = Path.Combine(recordsDirectory, records.PathOf(i));
                    Directory.CreateDirectory(Path.GetDirectoryName(path)!);
                    File.WriteAllText(path, records.Html(i));
                });
                var bundle = Path.Combine(siteDirectory, partition.Folder);
                pagefind.Index(recordsDirectory, bundle, cancellation);
                if (!partition.IsPrimary) KeepIndexOnly(bundle);
                Directory.Delete(recordsDirectory, recursive: true);
            }
        }
        finally
        {
            try { Directory.Delete(scratch, recursive: true); }
            catch (IOException) { /* the temporary folder is the system's to clean */ }
        }
    }

    private static void KeepIndexOnly(string bundle)
    {
        foreach (var file in Directory.EnumerateFiles(bundle))
        {
            var name = Path.GetFileName(file);
            if (name != "pagefind-entry.json" && !name.EndsWith(".pf_meta", StringComparison.Ordinal)) File.Delete(file);
        }
        foreach (var folder in Directory.EnumerateDirectories(bundle))
            if (!IndexFolders.Contains(Path.GetFileName(folder))) Directory.Delete(folder, recursive: true);
    }
}
