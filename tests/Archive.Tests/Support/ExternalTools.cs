using System.Diagnostics;

namespace Archive.Tests.Support;

/// <summary>Node.js and Chromium, which some tests need: CI always has both.</summary>
public static class ExternalTools
{
    public static readonly Lazy<bool> HasNode = new(() => CanRun("node", "--version"));

    public const string ChromiumPath = "/usr/bin/chromium";
    public static bool HasChromium => File.Exists(ChromiumPath);

    public static bool CanRun(string file, params string[] args)
    {
        try
        {
            var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
            foreach (var a in args) start.ArgumentList.Add(a);
            using var p = Process.Start(start)!;
            p.WaitForExit(20_000);
            return p.ExitCode == 0;
        }
        catch (Exception ex) when (ex is System.ComponentModel.Win32Exception or InvalidOperationException)
        {
            return false;
        }
    }

    /// <summary>Runs a command; returns exit code and stdout (stderr appended on failure).</summary>
    public static (int Exit, string Output) Run(string file, string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo(file) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false, WorkingDirectory = workingDirectory };
        foreach (var a in args) start.ArgumentList.Add(a);
        using var p = Process.Start(start)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        p.WaitForExit();
        return (p.ExitCode, stdout.Result + (p.ExitCode != 0 ? "\n" + stderr.Result : ""));
    }
}
