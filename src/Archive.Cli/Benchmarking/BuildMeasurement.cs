using System.Diagnostics;
using System.Globalization;
using System.Text.Json;

namespace Archive.Cli.Benchmarking;

/// <summary>What one build reports about itself (<c>archive build --report FILE</c>, for the benchmark).</summary>
public sealed record BuildReport(
    IReadOnlyList<BuildReport.Stage> Stages,
    int Episodes, int Transcripts, int CachedTranscripts,
    int Files, int Written, int Unchanged, int Removed,
    double CpuSeconds, long PeakWorkingSet, BuildReport.Collector Gc, double JitSeconds)
{
    public sealed record Stage(string Name, double Seconds);

    /// <summary>The garbage collector's share of a build: time with every thread paused, and collections of each generation.</summary>
    public sealed record Collector(double PauseSeconds, int Gen0, int Gen1, int Gen2)
    {
        public static Collector OfThisProcess() =>
            new(GC.GetTotalPauseDuration().TotalSeconds, GC.CollectionCount(0), GC.CollectionCount(1), GC.CollectionCount(2));

        public override string ToString() => $"{PauseSeconds:0.00} s ({Gen0}/{Gen1}/{Gen2})";
    }

    public static readonly JsonSerializerOptions Json = new() { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase };
}

/// <summary>
/// Runs <c>archive build</c> as a child process and measures it from outside: wall time, and
/// memory as the operating system sees it. Memory is sampled every 50 ms over the whole process
/// tree (the build and Pagefind, which runs under Node): the peak of the tree's summed resident
/// size, and each process's own high-water mark (<c>VmHWM</c>), the largest of which is exact.
/// </summary>
public static class BuildMeasurement
{
    public sealed record Result(TimeSpan Wall, long TreePeakRss, long ArchivePeakRss, long ToolPeakRss, BuildReport Report, int ExitCode, string Output);

    public static Result Run(IReadOnlyList<string> buildArguments, string workingDirectory)
    {
        var reportFile = Path.Combine(Path.GetTempPath(), $"archive-bench-report-{Environment.ProcessId}-{Guid.NewGuid():N}.json");
        var start = ArchiveProcess(["build", .. buildArguments, "--report", reportFile], workingDirectory);

        var clock = Stopwatch.StartNew();
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        long treePeak = 0, archivePeak = 0, toolPeak = 0;
        using var done = new ManualResetEventSlim();
        var sampler = new Thread(() =>
        {
            while (!done.IsSet)
            {
                long sum = 0;
                foreach (var pid in Tree(process.Id))
                {
                    var (rss, hwm) = Memory(pid);
                    sum += rss;
                    if (pid == process.Id) archivePeak = Math.Max(archivePeak, hwm);
                    else toolPeak = Math.Max(toolPeak, hwm);
                }
                treePeak = Math.Max(treePeak, sum);
                done.Wait(50);
            }
        }) { IsBackground = true };
        sampler.Start();
        process.WaitForExit();
        clock.Stop();
        done.Set();
        sampler.Join();
        var text = output.Result + error.Result;
        BuildReport report;
        try
        {
            report = JsonSerializer.Deserialize<BuildReport>(File.ReadAllText(reportFile), BuildReport.Json)!;
            File.Delete(reportFile);
        }
        catch (Exception ex) when (ex is IOException or JsonException)
        {
            throw new InvalidOperationException($"the build failed (exit {process.ExitCode}):\n{text}");
        }
        return new Result(clock.Elapsed, treePeak, archivePeak, toolPeak, report, process.ExitCode, text);
    }

    /// <summary>This program run as a child process with <paramref name="arguments"/>, its output read by the caller.</summary>
    internal static ProcessStartInfo ArchiveProcess(IReadOnlyList<string> arguments, string workingDirectory)
    {
        var start = new ProcessStartInfo(Environment.ProcessPath!)
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        // Run as `dotnet archive.dll` or as the apphost, whichever this is.
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
            start.ArgumentList.Add(typeof(BuildMeasurement).Assembly.Location);
        foreach (var a in arguments) start.ArgumentList.Add(a);
        return start;
    }

    /// <summary>A process and all its descendants, from /proc (empty where there is no /proc).</summary>
    private static IEnumerable<int> Tree(int root)
    {
        var pending = new Stack<int>([root]);
        while (pending.Count > 0)
        {
            int pid = pending.Pop();
            yield return pid;
            // Each thread lists the children it started (the build starts Pagefind runs from several).
            var children = new List<string>();
            try
            {
                foreach (var task in Directory.EnumerateDirectories($"/proc/{pid}/task"))
                    try { children.Add(File.ReadAllText(Path.Combine(task, "children"))); }
                    catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { /* the thread ended */ }
            }
            catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { continue; }
            foreach (var child in children.SelectMany(text => text.Split(' ', StringSplitOptions.RemoveEmptyEntries)))
                if (int.TryParse(child, CultureInfo.InvariantCulture, out var c)) pending.Push(c);
        }
    }

    /// <summary>Resident size now and its high-water mark, in bytes.</summary>
    internal static (long Rss, long Hwm) Memory(int pid)
    {
        long rss = 0, hwm = 0;
        try
        {
            foreach (var line in File.ReadLines($"/proc/{pid}/status"))
            {
                if (line.StartsWith("VmRSS:", StringComparison.Ordinal)) rss = Kilobytes(line);
                else if (line.StartsWith("VmHWM:", StringComparison.Ordinal)) hwm = Kilobytes(line);
            }
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException) { }
        return (rss, hwm);
    }

    private static long Kilobytes(string line) =>
        long.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1], CultureInfo.InvariantCulture) * 1024;
}
