using System.CommandLine;
using System.Diagnostics;
using Archive.Core.Loading;
using Archive.Site;
using Archive.Site.Indexing;
using Archive.Site.Theme;
using Archive.Site.Writing;
using Spectre.Console;

namespace Archive.Cli.Commands;

/// <summary><c>archive build</c>: load, then render, write and index into the output folder.</summary>
public static class BuildCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var options = new BuildSettings.Options();
        var quiet = CommonOptions.Quiet();
        var command = new Command("build", "Build the site from the transcripts");
        options.AddTo(command);
        command.Options.Add(quiet);
        command.SetAction((parse, cancellation) =>
        {
            var report = new ConsoleReport(output, error, parse.GetValue(quiet));
            var settings = options.Resolve(parse, report);
            return Task.FromResult(settings is null ? ExitCodes.Usage : Execute(report, settings, cancellation));
        });
        return command;
    }

    public static int Execute(ConsoleReport report, BuildSettings settings, CancellationToken cancellation)
    {
        var total = Stopwatch.StartNew();
        var (exit, archive, result) = Run(report, settings.Load, settings.Build, settings.Strict, cancellation);
        if (exit != ExitCodes.Success) return exit;
        if (!report.Quiet) PrintSummary(report, archive!, result!, settings.Build.OutputDirectory, total.Elapsed);
        if (settings.ReportFile is { } reportFile) WriteReport(reportFile, archive!, result!);
        return exit;
    }

    /// <summary>The build's figures for <c>archive bench</c> (<see cref="BuildSettings.ReportFile"/>).</summary>
    public static void WriteReport(string path, LoadedArchive archive, BuildResult result)
    {
        using var self = Process.GetCurrentProcess();
        var figures = new Benchmarking.BuildReport(
            archive.Timings.Concat(result.Timings).Select(t => new Benchmarking.BuildReport.Stage(t.Stage, t.Elapsed.TotalSeconds)).ToList(),
            archive.Episodes.Count, archive.Files.Count, archive.CachedFiles,
            result.Files, result.Written, result.Unchanged, result.Removed,
            self.TotalProcessorTime.TotalSeconds, self.PeakWorkingSet64, Benchmarking.BuildReport.Collector.OfThisProcess(),
            System.Runtime.JitInfo.GetCompilationTime().TotalSeconds);
        File.WriteAllText(path, System.Text.Json.JsonSerializer.Serialize(figures, Benchmarking.BuildReport.Json));
    }

    /// <summary>Loads and builds, reporting problems; the archive and result are set on success.</summary>
    public static (int Exit, LoadedArchive? Archive, BuildResult? Result) Run(ConsoleReport report, LoadOptions loadOptions, BuildOptions buildOptions, bool strict, CancellationToken cancellation)
    {
        LoadedArchive archive;
        try
        {
            archive = report.WithProgress(progress => ArchiveLoader.Load(loadOptions, progress, cancellation));
        }
        catch (OperationCanceledException)
        {
            report.Error("the build was interrupted; the previous site was left as it was");
            return (ExitCodes.Failed, null, null);
        }
        report.Diagnostics(archive.Diagnostics);
        if (archive.Episodes.Count == 0)
        {
            report.Error($"nothing to build: no episode could be read from '{loadOptions.InputDirectory}' ({archive.Files.Count} file(s) found)");
            return (ExitCodes.Failed, null, null);
        }
        var failedFiles = archive.Files.Count(f => f.Failed);
        if (strict && archive.ErrorCount > 0)
        {
            report.Error($"{archive.ErrorCount} error(s) in {failedFiles} file(s); --strict stops the build before anything is written");
            return (ExitCodes.Failed, null, null);
        }

        if (!buildOptions.SkipSearchIndex)
        {
            try { new PagefindRunner(report.Info).EnsureInstalled(); }
            catch (PagefindException ex)
            {
                report.Error(ex.Message + "\n(use --no-search to build without a search index)");
                return (ExitCodes.Failed, null, null);
            }
        }

        BuildResult result;
        try
        {
            result = report.WithProgress(progress => SiteBuilder.Build(archive, buildOptions, progress, report.Info, cancellation));
        }
        catch (OperationCanceledException)
        {
            report.Error("the build was interrupted; the previous site was left as it was");
            return (ExitCodes.Failed, null, null);
        }
        catch (Exception ex) when (ex is PagefindException or ThemeException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            report.Error(ex.Message + "\nThe previous site was left as it was.");
            return (ExitCodes.Failed, null, null);
        }

        return (ExitCodes.Success, archive, result);
    }

    private static void PrintSummary(ConsoleReport report, LoadedArchive archive, BuildResult result, string outputDirectory, TimeSpan elapsed)
    {
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("Transcripts read", archive.CachedFiles > 0 ? $"{archive.Files.Count} ({archive.CachedFiles} unchanged, from the cache)" : archive.Files.Count.ToString());
        table.AddRow("Episodes", archive.Episodes.Count.ToString());
        table.AddRow("Pages written", result.Pages.ToString());
        table.AddRow("Files", result.Files.ToString());
        table.AddRow("  written (changed)", result.Written.ToString());
        table.AddRow("  kept (unchanged)", result.NotRemade > 0 ? $"{result.Unchanged} ({result.NotRemade} not even rendered)" : result.Unchanged.ToString());
        table.AddRow("  deleted", result.Removed.ToString());
        table.AddRow("Warnings", archive.WarningCount.ToString());
        table.AddRow("Errors", archive.ErrorCount.ToString());
        table.AddRow("Search index", result.Search is { } search
            ? search.Kept == 0 ? "built" : $"{search.Indexed} of {search.Indexed + search.Kept} indexes built, {search.Kept} unchanged"
            : "skipped");
        foreach (var t in archive.Timings.Concat(result.Timings))
            table.AddRow($"  {t.Stage}", ConsoleReport.Seconds(t.Elapsed) + (t.Stage == "enrich" && archive.EnrichCached ? " (unchanged, from the cache)" : ""));
        table.AddRow("Total", ConsoleReport.Seconds(elapsed));
        report.Console.Write(table);
        report.Console.WriteLine($"Site written to {Path.GetFullPath(outputDirectory)}");
    }
}
