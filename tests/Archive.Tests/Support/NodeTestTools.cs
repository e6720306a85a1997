using Archive.Site.Indexing;

namespace Archive.Tests.Support;

/// <summary>
/// The npm tools some tests run (html-validate, axe-core), pinned in <c>tests/package.json</c>
/// with its lock, installed with <c>npm install</c> the first time a test needs them (as the
/// build installs Pagefind: <c>npm ci</c> is refused by the registry for some locks).
/// </summary>
public static class NodeTestTools
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests");
    public static string HtmlValidate => Path.Combine(Folder, "node_modules", "html-validate", "bin", "html-validate.mjs");
    public static string HtmlValidateConfig => Path.Combine(Folder, ".htmlvalidate.json");
    public static string AxeScript => Path.Combine(Folder, "node_modules", "axe-core", "axe.min.js");

    private static readonly Lazy<string?> Installed = new(Install);

    /// <summary>Installs the tools when missing; throws with npm's output when it cannot.</summary>
    public static void EnsureInstalled()
    {
        if (Installed.Value is { } failure) throw new InvalidOperationException(failure);
    }

    private static string? Install()
    {
        if (File.Exists(HtmlValidate) && File.Exists(AxeScript)) return null;
        using var installLock = PagefindRunner.AcquireLock(Path.Combine(Path.GetTempPath(), "transcript-archive-test-tools.lock"));
        if (File.Exists(HtmlValidate) && File.Exists(AxeScript)) return null;
        var (exit, output) = ExternalTools.Run("npm", Folder, "install", "--no-audit", "--no-fund", "--loglevel=error");
        return exit == 0 && File.Exists(HtmlValidate) && File.Exists(AxeScript) ? null : $"npm install in {Folder} failed (exit {exit}):\n{output}";
    }
}
