using System.Diagnostics;
using System.Text.Json;

namespace Archive.Cli.Benchmarking;

/// <summary>
/// Runs <c>archive serve</c> as a child process and measures what its user waits for when an
/// episode arrives: the rebuild of a process that built the site before and keeps what it
/// loaded (see <see cref="Core.Loading.LoadCacheMemory"/>). Each rebuild's figures come from the
/// report serve writes after every build (the hidden <c>--report</c>); CPU time and the
/// collector's figures, which a process counts from its start, are the differences between two
/// reports.
/// </summary>
public static class ServeMeasurement
{
    /// <param name="Rebuilds">One per run: the rebuild after the episode was added.</param>
    /// <param name="PeakRss">The serve process's high-water mark of resident memory at the end.</param>
    public sealed record Result(IReadOnlyList<BuildReport> Rebuilds, long PeakRss);

    /// <param name="addEpisode">Writes the new episode and gives its path; it is deleted after each run, and serve rebuilds without it (unmeasured).</param>
    public static Result Run(IReadOnlyList<string> serveArguments, string workingDirectory, int runs, Func<string> addEpisode, TimeSpan timeout)
    {
        var reportFile = Path.Combine(Path.GetTempPath(), $"archive-bench-serve-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        var start = BuildMeasurement.ArchiveProcess(["serve", .. serveArguments, "--port", "0", "--quiet", "--report", reportFile], workingDirectory);

        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            var before = NextReport(process, reportFile, timeout, output, error);
            var rebuilds = new List<BuildReport>();
            for (int r = 0; r < runs; r++)
            {
                var added = addEpisode();
                BuildReport after;
                try { after = NextReport(process, reportFile, timeout, output, error); }
                finally { File.Delete(added); }
                rebuilds.Add(after with
                {
                    CpuSeconds = after.CpuSeconds - before.CpuSeconds,
                    Gc = new BuildReport.Collector(after.Gc.PauseSeconds - before.Gc.PauseSeconds,
                        after.Gc.Gen0 - before.Gc.Gen0, after.Gc.Gen1 - before.Gc.Gen1, after.Gc.Gen2 - before.Gc.Gen2),
                    JitSeconds = after.JitSeconds - before.JitSeconds,
                });
                before = NextReport(process, reportFile, timeout, output, error);
            }
            return new Result(rebuilds, BuildMeasurement.Memory(process.Id).Hwm);
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
            process.WaitForExit();
            File.Delete(reportFile);
        }
    }

    /// <summary>Waits for serve's next report (the file appears when a build finished), reads it and deletes it.</summary>
    private static BuildReport NextReport(Process process, string reportFile, TimeSpan timeout, Task<string> output, Task<string> error)
    {
        var clock = Stopwatch.StartNew();
        while (clock.Elapsed < timeout)
        {
            if (process.HasExited)
                throw new InvalidOperationException($"archive serve stopped (exit {process.ExitCode}):\n{output.Result}{error.Result}");
            if (File.Exists(reportFile))
            {
                try
                {
                    var report = JsonSerializer.Deserialize<BuildReport>(File.ReadAllText(reportFile), BuildReport.Json)!;
                    File.Delete(reportFile);
                    return report;
                }
                catch (Exception ex) when (ex is IOException or JsonException)
                {
                    // Being written: read it again in a moment.
                }
            }
            Thread.Sleep(50);
        }
        throw new InvalidOperationException($"archive serve did not finish a build within {timeout.TotalMinutes:0} minutes");
    }
}
