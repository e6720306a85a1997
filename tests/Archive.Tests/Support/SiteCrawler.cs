using AngleSharp.Html.Parser;

namespace Archive.Tests.Support;

/// <summary>
/// Checks a built site the way a link checker does: every internal link, asset and #fragment
/// must resolve to a file (a folder to its index.html) and an element id on that page.
/// </summary>
public sealed class SiteCrawler
{
    private readonly string _root;
    private readonly string _base;
    private readonly Dictionary<string, HashSet<string>> _ids = new(StringComparer.Ordinal);
    private readonly HtmlParser _parser = new();

    public SiteCrawler(string siteDirectory, string baseUrl = "/")
    {
        _root = Path.GetFullPath(siteDirectory);
        _base = baseUrl;
    }

    public sealed record Problem(string Page, string Link, string Reason)
    {
        public override string ToString() => $"{Page}: {Link} ({Reason})";
    }

    public IReadOnlyList<string> HtmlFiles() =>
        Directory.EnumerateFiles(_root, "*.html", SearchOption.AllDirectories)
            .Where(f => !Path.GetRelativePath(_root, f).StartsWith("pagefind", StringComparison.Ordinal))
            .Order(StringComparer.Ordinal).ToList();

    public IReadOnlyList<Problem> Check()
    {
        var problems = new List<Problem>();
        foreach (var file in HtmlFiles())
        {
            var page = Path.GetRelativePath(_root, file).Replace('\\', '/');
            var doc = _parser.ParseDocument(File.ReadAllText(file));
            var duplicates = doc.QuerySelectorAll("[id]").GroupBy(e => e.Id).Where(g => g.Count() > 1).Select(g => g.Key);
            foreach (var d in duplicates) problems.Add(new Problem(page, "#" + d, "duplicate id"));

            var refs = doc.QuerySelectorAll("a[href]").Select(e => e.GetAttribute("href")!)
                .Concat(doc.QuerySelectorAll("link[href]").Select(e => e.GetAttribute("href")!))
                .Concat(doc.QuerySelectorAll("script[src], img[src]").Select(e => e.GetAttribute("src")!));
            foreach (var href in refs)
            {
                var reason = Resolve(page, href);
                if (reason is not null) problems.Add(new Problem(page, href, reason));
            }
        }
        return problems;
    }

    /// <summary>Why a link does not resolve, or null when it does (external links are not followed).</summary>
    private string? Resolve(string page, string href)
    {
        if (href.StartsWith("http://", StringComparison.Ordinal) || href.StartsWith("https://", StringComparison.Ordinal) || href.StartsWith("mailto:", StringComparison.Ordinal))
            return null;
        string pathPart = href, fragment = "";
        int hash = href.IndexOf('#');
        if (hash >= 0) { pathPart = href[..hash]; fragment = href[(hash + 1)..]; }
        int query = pathPart.IndexOf('?');
        if (query >= 0) pathPart = pathPart[..query];

        string targetFile;
        if (pathPart.Length == 0) targetFile = page;
        else if (pathPart.StartsWith('/'))
        {
            if (!pathPart.StartsWith(_base, StringComparison.Ordinal)) return $"outside the base path {_base}";
            targetFile = pathPart[_base.Length..];
        }
        else targetFile = Path.GetRelativePath(_root, Path.GetFullPath(Path.Combine(_root, Path.GetDirectoryName(page) ?? "", pathPart))).Replace('\\', '/');

        targetFile = Uri.UnescapeDataString(targetFile);
        if (targetFile.Length == 0 || targetFile.EndsWith('/')) targetFile += "index.html";
        var full = Path.Combine(_root, targetFile);
        if (Directory.Exists(full)) return "folder link without trailing slash";
        if (!File.Exists(full)) return "no such file";
        if (fragment.Length == 0 || fragment == "top" || !targetFile.EndsWith(".html", StringComparison.Ordinal)) return null;
        return IdsOf(targetFile).Contains(Uri.UnescapeDataString(fragment)) ? null : "no such anchor";
    }

    private HashSet<string> IdsOf(string relative)
    {
        if (_ids.TryGetValue(relative, out var ids)) return ids;
        var doc = _parser.ParseDocument(File.ReadAllText(Path.Combine(_root, relative)));
        ids = doc.QuerySelectorAll("[id]").Select(e => e.Id!).Concat(doc.QuerySelectorAll("a[name]").Select(e => e.GetAttribute("name")!)).ToHashSet(StringComparer.Ordinal);
        _ids[relative] = ids;
        return ids;
    }
}
