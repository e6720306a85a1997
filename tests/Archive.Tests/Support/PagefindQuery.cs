using System.Text.Json;

namespace Archive.Tests.Support;

/// <summary>
/// Searches a built site through its own Pagefind files (pagefind.js and the index), run by Node
/// with file-backed fetch, merging every index the search page lists, as the page does: the same
/// code and data a browser would use. Also reports what the query downloaded.
/// </summary>
public static class PagefindQuery
{
    /// <param name="Element">The anchor's element (<c>div</c> for a paragraph, <c>h2</c> for a chapter); null for the page itself.</param>
    public sealed record SubResult(string Url, string Title, string Excerpt, string? Element);
    public sealed record Anchor(string Id, string Element, string? Title);
    /// <param name="Content">The text Pagefind indexed for the page.</param>
    public sealed record Hit(string Url, string? Title, string Content, IReadOnlyDictionary<string, string[]> Filters, IReadOnlyList<Anchor> Anchors, IReadOnlyList<SubResult> SubResults);
    public sealed record Fetch(string Url, long Bytes);

    /// <param name="Count">Results in all (only the first ones' details are loaded).</param>
    /// <param name="Filters">Result counts per filter value.</param>
    /// <param name="SearchBytes">Bytes fetched to run the search (scripts, WebAssembly, index chunks).</param>
    /// <param name="TotalBytes">Those and the loaded results' fragments.</param>
    public sealed record Results(int Count, IReadOnlyList<Hit> Hits, IReadOnlyDictionary<string, Dictionary<string, int>> Filters, long SearchBytes, long TotalBytes, IReadOnlyList<Fetch> Fetched);

    public static IReadOnlyList<Hit> Search(string siteDirectory, string query) => Run(siteDirectory, query).Hits;

    /// <param name="query">Words; null to list what the filters match.</param>
    /// <param name="details">How many results' details (fragments) to load.</param>
    /// <param name="counts">Load every filter first, so <see cref="Results.Filters"/> counts them all.</param>
    public static Results Run(string siteDirectory, string? query, string basePath = "/", IReadOnlyDictionary<string, string>? filters = null, string? sort = null, int details = 10, bool counts = false)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Support", "pagefind-query.mjs");
        var args = new List<string> { "--no-warnings", script, siteDirectory, query ?? "", "--base", basePath, "--data", details.ToString(System.Globalization.CultureInfo.InvariantCulture) };
        foreach (var (key, value) in filters ?? new Dictionary<string, string>()) args.AddRange(["--filter", key + "=" + value]);
        if (sort is not null) args.AddRange(["--sort", sort]);
        if (counts) args.AddRange(["--counts", "1"]);
        var (exit, output) = ExternalTools.Run("node", siteDirectory, [.. args]);
        Assert.True(exit == 0, "the Pagefind query script failed: " + output);
        using var doc = JsonDocument.Parse(output);
        var root = doc.RootElement;
        var hits = root.GetProperty("results").EnumerateArray().Select(r => new Hit(
            r.GetProperty("url").GetString()!,
            r.TryGetProperty("title", out var t) ? t.GetString() : null,
            r.GetProperty("content").GetString() ?? "",
            r.GetProperty("filters").EnumerateObject().ToDictionary(f => f.Name, f => f.Value.EnumerateArray().Select(v => v.GetString()!).ToArray()),
            r.GetProperty("anchors").EnumerateArray().Select(a => new Anchor(a.GetProperty("id").GetString()!, a.GetProperty("element").GetString()!, a.GetProperty("title").GetString())).ToList(),
            r.GetProperty("sub_results").EnumerateArray()
                .Select(s => new SubResult(s.GetProperty("url").GetString()!, s.GetProperty("title").GetString() ?? "", s.GetProperty("excerpt").GetString() ?? "", s.GetProperty("element").GetString()))
                .ToList())).ToList();
        var filterCounts = root.GetProperty("filters").EnumerateObject().ToDictionary(
            f => f.Name, f => f.Value.EnumerateObject().ToDictionary(v => v.Name, v => v.Value.GetInt32()));
        var fetched = root.GetProperty("fetched").EnumerateArray().Select(f => new Fetch(f.GetProperty("url").GetString()!, f.GetProperty("bytes").GetInt64())).ToList();
        return new Results(root.GetProperty("count").GetInt32(), hits, filterCounts, root.GetProperty("searchBytes").GetInt64(), root.GetProperty("totalBytes").GetInt64(), fetched);
    }
}
