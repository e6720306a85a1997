using Archive.Core.Config;

namespace Archive.Core.Loading;

/// <summary>
/// Lists the transcripts in the input folder, in a stable order (ordinal by relative path).
/// Settings, sidecars and hidden files are not transcripts.
/// </summary>
public static class InputScanner
{
    /// <param name="Sidecars">
    /// Full paths of the files beside it that may describe it (<c>name.yml</c>,
    /// <c>name.chapters.json</c>, any non-transcript <c>name.*</c>), in ordinal order: the load
    /// cache keys a transcript by these too, so editing a sidecar reads the transcript again.
    /// </param>
    public sealed record InputFile(string FullPath, string RelativePath, IReadOnlyList<string> Sidecars);

    /// <param name="unclaimed">
    /// When given, receives the full paths of sidecar files that no transcript claims (a
    /// <c>name.yml</c> whose transcript was renamed or removed), so they can be reported.
    /// </param>
    public static IReadOnlyList<InputFile> Scan(string inputDirectory, ICollection<string>? unclaimed = null)
    {
        var root = Path.GetFullPath(inputDirectory);
        var files = new List<(string Full, string Relative)>();
        var others = new List<(string Full, string Relative)>();
        var options = new EnumerationOptions
        {
            RecurseSubdirectories = true,
            AttributesToSkip = FileAttributes.Hidden | FileAttributes.System,
            IgnoreInaccessible = true,
            ReturnSpecialDirectories = false,
        };
        foreach (var full in Directory.EnumerateFiles(root, "*", options))
        {
            var relative = Path.GetRelativePath(root, full).Replace('\\', '/');
            if (relative.Split('/').Any(segment => segment.StartsWith('.'))) continue;
            if (IsNotTranscript(relative)) others.Add((full, relative));
            else files.Add((full, relative));
        }
        files.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        others.Sort((a, b) => string.CompareOrdinal(a.Relative, b.Relative));
        // A sidecar belongs to the transcript whose name, less its extension, starts its own name
        // up to a dot: ep1.yml and ep1.chapters.json belong to ep1.vtt.
        var sidecarsByStem = new Dictionary<string, List<string>>(StringComparer.OrdinalIgnoreCase);
        foreach (var (full, relative) in others)
        {
            for (int dot = relative.IndexOf('.', relative.LastIndexOf('/') + 1); dot > 0; dot = relative.IndexOf('.', dot + 1))
            {
                var key = relative[..dot];
                if (!sidecarsByStem.TryGetValue(key, out var list)) sidecarsByStem[key] = list = [];
                list.Add(full);
            }
        }
        var result = files.Select(f =>
        {
            var extension = Path.GetExtension(f.Relative);
            var stem = f.Relative[..^extension.Length];
            return new InputFile(f.Full, f.Relative, sidecarsByStem.TryGetValue(stem, out var list) ? list : []);
        }).ToList();
        if (unclaimed is not null)
        {
            var claimed = result.SelectMany(f => f.Sidecars).ToHashSet(StringComparer.Ordinal);
            foreach (var (full, relative) in others)
                if (!claimed.Contains(full) && !IsSettingsOrReadme(relative)) unclaimed.Add(full);
        }
        return result;
    }

    private static bool IsSettingsOrReadme(string relativePath)
    {
        var name = Path.GetFileName(relativePath).ToLowerInvariant();
        return (!relativePath.Contains('/') && ArchiveConfigReader.FileNames.Contains(name)) || name is "readme.md" or "readme.txt" or "readme";
    }

    /// <summary>The settings file, and sidecars that describe a transcript beside them.</summary>
    public static bool IsNotTranscript(string relativePath)
    {
        var name = Path.GetFileName(relativePath).ToLowerInvariant();
        return IsSettingsOrReadme(relativePath)
            || name.EndsWith(".yml", StringComparison.Ordinal)
            || name.EndsWith(".yaml", StringComparison.Ordinal)
            || name.EndsWith(".chapters.json", StringComparison.Ordinal);
    }
}
