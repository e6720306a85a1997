namespace Archive.Tests.Support;

/// <summary>Where things are, found from the test binary: the repository root, the demo archive, the seeds.</summary>
public static class RepoPaths
{
    public static string Root { get; } = FindRoot();

    public static string DemoInput => Path.Combine(Root, "input");
    public static string DefaultTheme => Path.Combine(Root, "themes", "default");
    /// <summary>Real transcripts from the wild, beside the project (never copied into it).</summary>
    public static string Seeds => Path.GetFullPath(Path.Combine(Root, "..", "shared", "seeds"));
    public static string Seed(string prefix) =>
        Directory.EnumerateFiles(Seeds, prefix + "_*").Single();

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
            if (File.Exists(Path.Combine(dir.FullName, "Archive.sln"))) return dir.FullName;
        throw new InvalidOperationException("cannot find the repository root (Archive.sln) above " + AppContext.BaseDirectory);
    }
}
