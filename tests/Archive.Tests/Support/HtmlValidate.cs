using System.Text.Json;

namespace Archive.Tests.Support;

/// <summary>html-validate (recommended rules, <c>tests/.htmlvalidate.json</c>) over every page of a built site.</summary>
public static class HtmlValidate
{
    /// <summary>Each error as <c>page:line: rule: message</c>.</summary>
    public static IReadOnlyList<string> Errors(string site)
    {
        NodeTestTools.EnsureInstalled();
        var pages = new SiteCrawler(site).HtmlFiles();
        var (exit, output) = ExternalTools.Run("node", site,
            [NodeTestTools.HtmlValidate, "--config", NodeTestTools.HtmlValidateConfig, "--formatter", "json", .. pages]);
        // The JSON report is one line; on failure the exit code says so and stderr follows it.
        var json = output.Trim();
        if (json.IndexOf('\n') is > 0 and var end) json = json[..end];
        if (!json.StartsWith('[')) return [$"html-validate did not run (exit {exit}): {output}"];
        using var report = JsonDocument.Parse(json);
        return report.RootElement.EnumerateArray()
            .SelectMany(f => f.GetProperty("messages").EnumerateArray()
                .Where(m => m.GetProperty("severity").GetInt32() == 2)
                .Select(m => $"{Path.GetRelativePath(site, f.GetProperty("filePath").GetString()!)}:{m.GetProperty("line")}: {m.GetProperty("ruleId").GetString()}: {m.GetProperty("message").GetString()}"))
            .ToList();
    }
}
