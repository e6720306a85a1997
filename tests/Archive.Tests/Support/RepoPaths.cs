namespace Archive.Tests.Support;

/// <summary>Where things are, found from the test binary: the repository root, the demo archive, the seeds.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string DemoInput => Path.Combine(Root, "input");
    public static string DefaultTheme => Path.Combine(Root, "themes", "default");
    /// <summary>
    /// Real transcripts from the wild, beside the project (never copied into it): <c>../shared/seeds</c>
    /// from the repository root, or <c>shared/seeds</c> in a folder above it, or <c>$ARCHIVE_SEEDS</c>.
    /// </summary>
    public static string Seeds { get; } = FindSeeds();
    public static string Seed(string prefix) =>
        Directory.EnumerateFiles(Seeds, prefix + "_*").Single();

    private static string FindSeeds()
    {
        if (Environment.GetEnvironmentVariable("ARCHIVE_SEEDS") is { Length: > 0 } configured) return configured;
        for (var dir = new DirectoryInfo(Root); dir is not null; dir = dir.Parent)
        {
            var candidate = Path.Combine(dir.FullName, "shared", "seeds");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new DirectoryNotFoundException($"the seeds are not at ../shared/seeds from {Root} nor above it; set ARCHIVE_SEEDS");
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Archive.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (Archive.sln) above " + AppContext.BaseDirectory);
    }
}
