using Archive.Core.Diagnostics;
using Archive.Core.Reading;
using YamlDotNet.RepresentationModel;

namespace Archive.Core.Config;

/// <summary>Reads <c>archive.yml</c>. A missing file gives the defaults; a broken one is reported by line.</summary>
public static class ArchiveConfigReader
{
    public static readonly string[] FileNames = ["archive.yml", "archive.yaml"];

    private static readonly HashSet<string> KnownKeys = new(StringComparer.OrdinalIgnoreCase)
    {
        "title", "description", "base_url", "url", "site_url", "language", "speakers", "topics",
    };

    /// <summary>The config file in the input folder, or null when there is none.</summary>
    public static string? Find(string inputDirectory) =>
        FileNames.Select(n => Path.Combine(inputDirectory, n)).FirstOrDefault(File.Exists);

    public static ArchiveConfig Read(string inputDirectory, DiagnosticBag diagnostics, string? displayDirectory = null)
    {
        var file = Find(inputDirectory);
        if (file is null) return new ArchiveConfig();
        var display = Path.Combine(displayDirectory ?? inputDirectory, Path.GetFileName(file)).Replace('\\', '/');
        string text;
        try { text = File.ReadAllText(file); }
        catch (IOException ex)
        {
            diagnostics.Error(display, 1, $"cannot read the archive settings: {ex.Message}");
            return new ArchiveConfig();
        }
        return Parse(text, display, diagnostics);
    }

    public static ArchiveConfig Parse(string text, string path, DiagnosticBag diagnostics)
    {
        var config = new ArchiveConfig();
        var node = FrontMatter.LoadYaml(text, 1, text.AsSpan().TrimEnd().Count('\n') + 1, path, diagnostics, "the archive settings are", "the defaults were used");
        if (node is null) return config;
        if (node is not YamlMappingNode root)
        {
            diagnostics.Error(path, 1, "the archive settings must be 'field: value' lines (title:, description:, base_url:, language:)");
            return config;
        }

        foreach (var (keyNode, value) in root.Children)
        {
            var key = (keyNode as YamlScalarNode)?.Value ?? "";
            int line = (int)Math.Max(1, keyNode.Start.Line);
            switch (key.ToLowerInvariant())
            {
                case "title": config = config with { Title = FrontMatterFields.Scalar(value)?.Trim() is { Length: > 0 } t ? t : config.Title }; break;
                case "description": config = config with { Description = FrontMatterFields.Scalar(value)?.Trim() }; break;
                case "base_url": config = config with { BaseUrl = ArchiveConfig.NormalizeBaseUrl(FrontMatterFields.Scalar(value)) }; break;
                case "url" or "site_url":
                    var url = FrontMatterFields.Scalar(value)?.Trim().TrimEnd('/');
                    if (url is not null && !(Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
                    {
                        diagnostics.Warn(path, line, $"'{key}: {url}' is not an absolute http(s) address; it was ignored");
                        url = null;
                    }
                    config = config with { SiteUrl = url };
                    break;
                case "language": config = config with { Language = FrontMatterFields.Scalar(value)?.Trim() is { Length: > 0 } l ? l : "en" }; break;
                case "speakers": config = config with { SpeakerAliases = ReadAliases(value, path, diagnostics, "speakers") }; break;
                case "topics": config = config with { Topics = ReadTopicRules(value, path, diagnostics) }; break;
                default:
                    if (!KnownKeys.Contains(key))
                        diagnostics.Warn(path, line, $"unknown setting '{key}' was ignored (known: {string.Join(", ", KnownKeys.Order())})");
                    break;
            }
        }
        return config;
    }

    private static Dictionary<string, IReadOnlyList<string>> ReadAliases(YamlNode node, string path, DiagnosticBag diagnostics, string what)
    {
        var result = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        if (node is not YamlMappingNode map)
        {
            diagnostics.Warn(path, (int)node.Start.Line, $"'{what}' must map a name to its other spellings, e.g. 'swyx: [Swyx, Sean Wang]'");
            return result;
        }
        foreach (var (k, v) in map.Children)
        {
            var name = (k as YamlScalarNode)?.Value?.Trim();
            if (string.IsNullOrEmpty(name)) continue;
            result[name] = FrontMatterFields.Strings(v).ToList();
        }
        return result;
    }

    private static TopicRules ReadTopicRules(YamlNode node, string path, DiagnosticBag diagnostics)
    {
        var rules = new TopicRules();
        if (node is not YamlMappingNode map)
        {
            diagnostics.Warn(path, (int)node.Start.Line, "'topics' must have 'add:', 'merge:' or 'ban:' entries");
            return rules;
        }
        foreach (var (k, v) in map.Children)
        {
            var key = (k as YamlScalarNode)?.Value?.ToLowerInvariant();
            switch (key)
            {
                case "add": rules = rules with { Add = FrontMatterFields.Strings(v).ToList() }; break;
                case "ban": rules = rules with { Ban = FrontMatterFields.Strings(v).ToList() }; break;
                case "merge": rules = rules with { Merge = ReadAliases(v, path, diagnostics, "topics.merge") }; break;
                default: diagnostics.Warn(path, (int)k.Start.Line, $"unknown topics rule '{key}' (known: add, merge, ban)"); break;
            }
        }
        return rules;
    }
}
