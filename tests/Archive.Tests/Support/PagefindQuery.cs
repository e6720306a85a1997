using System.Text.Json;

namespace Archive.Tests.Support;

/// <summary>
/// Searches a built site through its own Pagefind files (pagefind.js and the index), run by Node
/// with file-backed fetch: the same code and data a browser would use.
/// </summary>
public static class PagefindQuery
{
    public sealed record SubResult(string Url, string Title);
    public sealed record Hit(string Url, string? Title, IReadOnlyList<SubResult> SubResults);

    public static IReadOnlyList<Hit> Search(string siteDirectory, string query)
    {
        var script = Path.Combine(AppContext.BaseDirectory, "Support", "pagefind-query.mjs");
        var (exit, output) = ExternalTools.Run("node", siteDirectory, "--no-warnings", script, siteDirectory, query);
        Assert.True(exit == 0, "the Pagefind query script failed: " + output);
        using var doc = JsonDocument.Parse(output);
        return doc.RootElement.GetProperty("results").EnumerateArray().Select(r => new Hit(
            r.GetProperty("url").GetString()!,
            r.TryGetProperty("title", out var t) ? t.GetString() : null,
            r.GetProperty("sub_results").EnumerateArray()
                .Select(s => new SubResult(s.GetProperty("url").GetString()!, s.GetProperty("title").GetString() ?? ""))
                .ToList())).ToList();
    }
}
