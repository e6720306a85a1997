using System.Diagnostics;
using System.Text;

namespace Archive.Site.Indexing;

/// <summary>
/// Finds Pagefind (the npm package pinned in package.json), installs it with npm when it is
/// missing, and runs it over a built site.
/// </summary>
public sealed class PagefindRunner
{
    public const string Version = "1.6.0";
    private const string RunnerScript = "node_modules/pagefind/lib/runner/bin.cjs";

    private readonly Action<string> _log;

    public PagefindRunner(Action<string> log) => _log = log;

    /// <summary>
    /// Indexes the HTML files in <paramref name="siteDirectory"/> into the Pagefind bundle folder
    /// <paramref name="bundleDirectory"/>. Throws <see cref="PagefindException"/> on failure.
    /// </summary>
    public string Index(string siteDirectory, string bundleDirectory, CancellationToken cancellation = default)
    {
        var (file, args) = EnsureInstalled();
        var arguments = new List<string>(args) { "--site", Path.GetFullPath(siteDirectory), "--output-path", Path.GetFullPath(bundleDirectory), "--quiet" };
        var (exit, output) = Run(file, arguments, siteDirectory, cancellation);
        if (exit != 0)
            throw new PagefindException($"pagefind failed (exit {exit}):\n{output.Trim()}");
        return output;
    }

    /// <summary>The command that runs Pagefind, installing Pagefind first when it is missing.</summary>
    public (string File, string[] Args) EnsureInstalled()
    {
        if (Locate() is { } found) return found;
        // Builds started together (parallel tests, two terminals) install once: the others wait.
        var lockPath = Path.Combine(Path.GetTempPath(), "transcript-archive-pagefind-install.lock");
        using var installLock = AcquireLock(lockPath);
        return Locate() ?? Install();
    }

    /// <summary>An exclusive lock file, waited for up to ten minutes: one install at a time across processes.</summary>
    internal static FileStream AcquireLock(string path)
    {
        var deadline = DateTime.UtcNow + TimeSpan.FromMinutes(10);
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None, 1, FileOptions.DeleteOnClose);
            }
            catch (IOException) when (DateTime.UtcNow < deadline)
            {
                Thread.Sleep(250);
            }
        }
    }

    /// <summary>The command that runs Pagefind, without installing anything; null when it is not installed.</summary>
    public static (string File, string[] Args)? Locate()
    {
        if (Environment.GetEnvironmentVariable("ARCHIVE_PAGEFIND") is { Length: > 0 } overridden)
            return (overridden, []);
        foreach (var root in ToolRoots())
        {
            var script = Path.Combine(root, RunnerScript);
            if (File.Exists(script)) return ("node", [script]);
        }
        return null;
    }

    /// <summary>Folders where a package.json with Pagefind may live: here and up, and the program's folder and up.</summary>
    public static IEnumerable<string> ToolRoots()
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var start in new[] { Directory.GetCurrentDirectory(), AppContext.BaseDirectory })
        {
            for (var dir = new DirectoryInfo(start); dir is not null; dir = dir.Parent)
                if (seen.Add(dir.FullName)) yield return dir.FullName;
        }
        yield return CacheRoot;
    }

    /// <summary>Where Pagefind is installed for archives that have no package.json of their own.</summary>
    public static string CacheRoot =>
        Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.LocalApplicationData, Environment.SpecialFolderOption.DoNotVerify) is { Length: > 0 } local
            ? local : Path.GetTempPath(), "transcript-archive", "pagefind-" + Version);

    private (string File, string[] Args) Install()
    {
        var root = ToolRoots().FirstOrDefault(r => File.Exists(Path.Combine(r, "package.json"))
            && File.ReadAllText(Path.Combine(r, "package.json")).Contains("\"pagefind\"", StringComparison.Ordinal));
        if (root is null)
        {
            root = CacheRoot;
            Directory.CreateDirectory(root);
            File.WriteAllText(Path.Combine(root, "package.json"),
                $"{{\n  \"name\": \"transcript-archive-tools\",\n  \"private\": true,\n  \"dependencies\": {{ \"pagefind\": \"{Version}\" }}\n}}\n");
        }
        _log($"Pagefind is not installed yet: installing pagefind {Version} with npm in {root} (first build only)…");
        // npm ci would reject a lock made where only some platforms' binaries exist; npm install accepts it.
        var (exit, output) = Run("npm", ["install", "--no-audit", "--no-fund", "--loglevel=error"], root);
        if (exit != 0)
            throw new PagefindException($"could not install Pagefind with npm in {root} (exit {exit}). Is Node.js installed?\n{output.Trim()}");
        return Locate() ?? throw new PagefindException($"npm install finished but {RunnerScript} is still missing in {root}");
    }

    private static (int Exit, string Output) Run(string file, IEnumerable<string> args, string workingDirectory, CancellationToken cancellation = default)
    {
        var start = new ProcessStartInfo(file)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var a in args) start.ArgumentList.Add(a);
        var output = new StringBuilder();
        try
        {
            using var process = new Process { StartInfo = start };
            process.OutputDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            process.ErrorDataReceived += (_, e) => { if (e.Data is not null) lock (output) output.AppendLine(e.Data); };
            process.Start();
            process.BeginOutputReadLine();
            process.BeginErrorReadLine();
            // Ctrl+C stops Pagefind too (and what it started), not only the build.
            using (cancellation.Register(() => { try { process.Kill(entireProcessTree: true); } catch (InvalidOperationException) { } }))
                process.WaitForExit();
            cancellation.ThrowIfCancellationRequested();
            return (process.ExitCode, output.ToString());
        }
        catch (System.ComponentModel.Win32Exception ex)
        {
            throw new PagefindException($"cannot run '{file}': {ex.Message}. The search index needs Node.js (https://nodejs.org) on the PATH.");
        }
    }
}

public sealed class PagefindException(string message) : Exception(message);
