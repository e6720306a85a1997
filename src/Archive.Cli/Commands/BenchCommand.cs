using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using Archive.Cli.Benchmarking;
using Spectre.Console;

namespace Archive.Cli.Commands;

/// <summary>
/// <c>archive bench</c>: generates synthetic archives (seeded) and measures, for each size, a
/// clean build stage by stage, its peak memory, the output and index sizes, a rebuild with
/// nothing changed and a rebuild after adding one episode. Builds run as child processes so
/// their memory is theirs alone. The figures are printed, never asserted: docs/performance.md
/// records them.
/// </summary>
public static class BenchCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var episodes = new Option<int[]>("--episodes", "-n") { Description = "Archive sizes to measure", DefaultValueFactory = _ => [1000, 10000], AllowMultipleArgumentsPerToken = true, HelpName = "N" };
        var seed = new Option<int>("--seed") { Description = "Seed of the synthetic archives", DefaultValueFactory = _ => 1 };
        var minutes = new Option<string>("--minutes") { Description = "Length of the episodes' speech, MIN-MAX or one value", DefaultValueFactory = _ => "20-120", HelpName = "MIN-MAX" };
        var dir = new Option<string?>("--dir") { Description = "Folder for the archives and their builds, kept and reused (default: a temporary folder, deleted)", HelpName = "DIR" };
        var runs = new Option<int>("--runs") { Description = "Clean builds, and rebuilds after one new episode, per size; the median of each is shown", DefaultValueFactory = _ => 1, HelpName = "N" };
        var noSearch = new Option<bool>("--no-search") { Description = "Measure without the Pagefind search index" };
        var generateOnly = new Option<bool>("--generate-only") { Description = "Only write the synthetic archives (into --dir)" };
        var command = new Command("bench", "Generate synthetic archives and measure clean builds and rebuilds")
        {
            episodes, seed, minutes, dir, runs, noSearch, generateOnly,
        };
        command.SetAction(parse => WithInvariantCulture(() =>
        {
            var report = new ConsoleReport(output, error, quiet: false);
            var range = parse.GetValue(minutes)!.Split('-', 2);
            if (!int.TryParse(range[0], CultureInfo.InvariantCulture, out var min) || !int.TryParse(range[^1], CultureInfo.InvariantCulture, out var max) || min < 1 || max < min)
            {
                report.Error("--minutes must be MIN-MAX (or one number) with 1 ≤ MIN ≤ MAX");
                return ExitCodes.Usage;
            }
            var root = parse.GetValue(dir);
            bool temporary = root is null;
            root = Path.GetFullPath(root ?? Path.Combine(Path.GetTempPath(), "archive-bench-" + Environment.ProcessId));
            try
            {
                foreach (var n in parse.GetValue(episodes)!)
                {
                    var options = new SyntheticArchive.Options(n, parse.GetValue(seed), min, max);
                    var folder = Path.Combine(root, $"n{n}-seed{options.Seed}-{min}-{max}");
                    var corpus = new SyntheticArchive(options);
                    Generate(report, corpus, options, folder);
                    if (parse.GetValue(generateOnly)) continue;
                    Measure(report, corpus, options, folder, Math.Max(1, parse.GetValue(runs)), parse.GetValue(noSearch));
                }
            }
            catch (InvalidOperationException ex)
            {
                report.Error(ex.Message);
                return ExitCodes.Failed;
            }
            finally
            {
                if (temporary && Directory.Exists(root)) Directory.Delete(root, recursive: true);
            }
            return ExitCodes.Success;
        }));
        return command;
    }

    /// <summary>
    /// Runs the command with figures printed the same on every machine, so runs can be compared and
    /// quoted; the caller's culture is back after (the command may run inside another process's thread).
    /// </summary>
    private static int WithInvariantCulture(Func<int> run)
    {
        var culture = CultureInfo.CurrentCulture;
        CultureInfo.CurrentCulture = CultureInfo.InvariantCulture;
        try { return run(); }
        finally { CultureInfo.CurrentCulture = culture; }
    }

    private static void Generate(ConsoleReport report, SyntheticArchive corpus, SyntheticArchive.Options options, string folder)
    {
        var input = Path.Combine(folder, "input");
        var stamp = Path.Combine(folder, "generated.txt");
        var description = $"{options}";
        if (File.Exists(stamp) && File.ReadAllText(stamp) == description)
        {
            report.Info($"{options.Episodes:N0} episodes already generated in {input}");
            return;
        }
        if (Directory.Exists(folder)) Directory.Delete(folder, recursive: true);
        var clock = Stopwatch.StartNew();
        var bytes = corpus.WriteAll(input);
        File.WriteAllText(stamp, description);
        report.Info($"generated {options.Episodes:N0} episodes ({Megabytes(bytes)}) in {ConsoleReport.Seconds(clock.Elapsed)} into {input}");
    }

    private static void Measure(ConsoleReport report, SyntheticArchive corpus, SyntheticArchive.Options options, string folder, int runs, bool noSearch)
    {
        var input = Path.Combine(folder, "input");
        var outputDir = Path.Combine(folder, "output");
        string[] Args(bool clean) => ["--input", input, "--output", outputDir, "--quiet", .. clean ? new[] { "--clean" } : [], .. noSearch ? new[] { "--no-search" } : []];

        var cleanRuns = new List<BuildMeasurement.Result>();
        for (int r = 0; r < runs; r++)
        {
            report.Info($"clean build {r + 1}/{runs} of {options.Episodes:N0} episodes…");
            cleanRuns.Add(BuildMeasurement.Run(Args(clean: true), folder));
        }
        var clean = Median(cleanRuns, m => m.Wall.TotalSeconds);
        long siteBytes = FolderBytes(outputDir, except: "pagefind");
        long indexBytes = FolderBytes(Path.Combine(outputDir, "pagefind"));
        int indexFiles = Directory.Exists(Path.Combine(outputDir, "pagefind")) ? Directory.EnumerateFiles(Path.Combine(outputDir, "pagefind"), "*", SearchOption.AllDirectories).Count() : 0;

        report.Info("rebuild with nothing changed…");
        var unchanged = BuildMeasurement.Run(Args(clean: false), folder);
        // A new episode is the newest: dated the day after the latest one (files are named by date).
        var newest = Directory.EnumerateFiles(input, "*.md", SearchOption.AllDirectories)
            .Select(f => DateOnly.ParseExact(Path.GetFileName(f)[..10], "yyyy-MM-dd", CultureInfo.InvariantCulture)).Max();
        var oneMoreRuns = new List<BuildMeasurement.Result>();
        for (int r = 0; r < runs; r++)
        {
            report.Info($"rebuild after adding one episode {r + 1}/{runs}…");
            var added = corpus.WriteEpisode(input, options.Episodes, newest.AddDays(1)).Path;
            try { oneMoreRuns.Add(BuildMeasurement.Run(Args(clean: false), folder)); }
            finally { File.Delete(added); } // the corpus stays as generated
            // Back to the archive without it, for the next run (not measured).
            if (r + 1 < runs) BuildMeasurement.Run(Args(clean: false), folder);
        }
        var oneMore = Median(oneMoreRuns, BeforeIndex);

        // The rebuild a user of `archive serve` waits for: in a process that built the site and keeps what it loaded.
        report.Info($"archive serve: rebuild after adding one episode, {runs} time(s)…");
        var serve = ServeMeasurement.Run([.. Args(clean: false).Where(a => a != "--quiet")], folder, runs,
            () => corpus.WriteEpisode(input, options.Episodes, newest.AddDays(1)).Path, TimeSpan.FromMinutes(30));
        var serveRebuild = Median(serve.Rebuilds, BeforeIndex);

        var table = new Table().Border(TableBorder.Rounded)
            .Title($"{options.Episodes:N0} episodes, {options.MinMinutes}–{options.MaxMinutes} min (seed {options.Seed}), {FolderBytes(input) / 1e6:0} MB of transcripts{(runs > 1 ? $", medians of {runs} runs" : "")}")
            .AddColumn("").AddColumn(new TableColumn("clean build").RightAligned())
            .AddColumn(new TableColumn("rebuild, nothing changed").RightAligned()).AddColumn(new TableColumn("rebuild, one episode added").RightAligned())
            .AddColumn(new TableColumn("archive serve: one episode added").RightAligned());
        var all = new[] { clean, unchanged, oneMore };
        var reports = all.Select(m => m.Report).Append(serveRebuild).ToArray();
        foreach (var stage in clean.Report.Stages.Select(s => s.Name))
            Row(table, "  " + stage, reports.Select(r => r.Stages.FirstOrDefault(s => s.Name == stage) is { } s ? Seconds(s.Seconds) : "").ToArray());
        Row(table, "before the index", reports.Select(r => Seconds(BeforeIndex(r))).ToArray());
        Row(table, "wall (process)", [.. all.Select(m => Seconds(m.Wall.TotalSeconds)), "–"]);
        Row(table, "CPU of archive", reports.Select(r => Seconds(r.CpuSeconds)).ToArray());
        Row(table, "GC pauses of archive (collections 0/1/2)", reports.Select(r => r.Gc.ToString()).ToArray());
        Row(table, "peak RSS, archive", [.. all.Select(m => Megabytes(m.ArchivePeakRss)), Megabytes(serve.PeakRss) + " (all its builds)"]);
        Row(table, "peak RSS, Pagefind", [.. all.Select(m => noSearch ? "–" : Megabytes(m.ToolPeakRss)), "–"]);
        Row(table, "peak RSS, both at once", [.. all.Select(m => Megabytes(m.TreePeakRss)), "–"]);
        Row(table, "transcripts parsed", reports.Select(r => (r.Transcripts - r.CachedTranscripts).ToString("N0", CultureInfo.InvariantCulture)).ToArray());
        Row(table, "files written / kept / deleted", reports.Select(r => $"{r.Written:N0} / {r.Unchanged:N0} / {r.Removed:N0}").ToArray());
        report.Console.Write(table);
        report.Console.WriteLine($"site {Megabytes(siteBytes)} without the index; index {Megabytes(indexBytes)} in {indexFiles:N0} files");
        // Of the medians of each: a single run spreads by a fifth or more on a shared machine.
        double beforeIndex = BeforeIndex(Median(cleanRuns, BeforeIndex)), rebuildBeforeIndex = BeforeIndex(oneMore);
        report.Console.WriteLine($"one-episode rebuild before the index: {rebuildBeforeIndex / beforeIndex:P0} of a clean build's ({Seconds(rebuildBeforeIndex)} of {Seconds(beforeIndex)}"
            + (runs > 1 ? $"; medians of {runs}: clean {Spread(cleanRuns.Select(m => m.Report))}, rebuild {Spread(oneMoreRuns.Select(m => m.Report))})" : ")"));
        report.Console.WriteLine($"in archive serve: {BeforeIndex(serveRebuild) / beforeIndex:P0} ({Seconds(BeforeIndex(serveRebuild))}"
            + (runs > 1 ? $"; median of {runs}: {Spread(serve.Rebuilds)})" : ")"));
    }

    private static double BeforeIndex(BuildMeasurement.Result m) => BeforeIndex(m.Report);

    private static double BeforeIndex(BuildReport r) => r.Stages.Where(s => s.Name != "index").Sum(s => s.Seconds);

    private static T Median<T>(IReadOnlyList<T> runs, Func<T, double> by) => runs.OrderBy(by).ElementAt(runs.Count / 2);

    /// <summary>The fastest and slowest of some runs, before the index.</summary>
    private static string Spread(IEnumerable<BuildReport> runs) => $"{Seconds(runs.Min(BeforeIndex))}–{Seconds(runs.Max(BeforeIndex))}";

    private static void Row(Table table, string label, string[] values) => table.AddRow([label, .. values]);

    private static long FolderBytes(string folder, string? except = null) =>
        !Directory.Exists(folder) ? 0 : Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .Where(f => except is null || !Path.GetRelativePath(folder, f).StartsWith(except, StringComparison.Ordinal))
            .Sum(f => new FileInfo(f).Length);

    private static string Seconds(double s) => ConsoleReport.Seconds(TimeSpan.FromSeconds(s));

    private static string Megabytes(long bytes) => bytes >= 1e9 ? $"{bytes / 1e9:0.00} GB" : $"{bytes / 1e6:0} MB";
}
