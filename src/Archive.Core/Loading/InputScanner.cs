using Archive.Core.Config;

namespace Archive.Core.Loading;

/// <summary>
/// Lists the transcripts in the input folder, in a stable order (ordinal by relative path).
/// Settings, sidecars and hidden files are not transcripts.
/// </summary>
public static class InputScanner
{
    public sealed record InputFile(string FullPath, string RelativePath);

    public static IReadOnlyList<InputFile> Scan(string inputDirectory)
    {
        var root = Path.GetFullPath(inputDirectory);
        var files = new List<InputFile>();
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
            if (IsNotTranscript(relative)) continue;
            files.Add(new InputFile(full, relative));
        }
        files.Sort((a, b) => string.CompareOrdinal(a.RelativePath, b.RelativePath));
        return files;
    }

    /// <summary>The settings file, and sidecars that describe a transcript beside them.</summary>
    public static bool IsNotTranscript(string relativePath)
    {
        var name = Path.GetFileName(relativePath).ToLowerInvariant();
        if (!relativePath.Contains('/') && ArchiveConfigReader.FileNames.Contains(name)) return true;
        return name.EndsWith(".yml", StringComparison.Ordinal)
            || name.EndsWith(".yaml", StringComparison.Ordinal)
            || name.EndsWith(".chapters.json", StringComparison.Ordinal)
            || name is "readme.md" or "readme.txt" or "readme";
    }
}
