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
        var input = CommonOptions.Input();
        var outputDir = new Option<string>("--output", "-o") { Description = "Folder the site is written to (replaced on success)", DefaultValueFactory = _ => "output", HelpName = "DIR" };
        var baseUrl = new Option<string?>("--base-url") { Description = "Path the site is served under, e.g. /archive/ (default: base_url in archive.yml, else /)", HelpName = "PATH" };
        var theme = new Option<string>("--theme") { Description = "Theme folder; its files override the default theme's", DefaultValueFactory = _ => "themes/default", HelpName = "DIR" };
        var noSearch = new Option<bool>("--no-search") { Description = "Skip the Pagefind search index" };
        var clean = new Option<bool>("--clean") { Description = "Ignore the build cache: parse every transcript and write every file anew" };
        var strict = CommonOptions.Strict();
        var quiet = CommonOptions.Quiet();

        var command = new Command("build", "Build the site from the transcripts") { input, outputDir, baseUrl, theme, noSearch, clean, strict, quiet };
        command.SetAction((parse, cancellation) =>
        {
            var report = new ConsoleReport(output, error, parse.GetValue(quiet));
            var inputPath = parse.GetValue(input)!;
            var themePath = parse.GetValue(theme)!;
            bool themeGiven = parse.GetResult(theme) is { Implicit: false };
            if (!Directory.Exists(inputPath))
            {
                report.Error($"the input folder '{inputPath}' does not exist (use --input DIR)");
                return Task.FromResult(ExitCodes.Usage);
            }
            if (!Directory.Exists(themePath))
            {
                if (themeGiven)
                {
                    report.Error($"the theme folder '{themePath}' does not exist");
                    return Task.FromResult(ExitCodes.Usage);
                }
                themePath = null!; // the built-in default theme alone
            }
            var outputPath = parse.GetValue(outputDir)!;
            bool isClean = parse.GetValue(clean);
            return Task.FromResult(Execute(report,
                new LoadOptions(inputPath)
                {
                    BaseUrl = parse.GetValue(baseUrl),
                    CacheDirectory = SiteWriter.CacheDirectoryFor(outputPath),
                    IgnoreCache = isClean,
                },
                new BuildOptions(outputPath)
                {
                    ThemeDirectory = themePath,
                    SkipSearchIndex = parse.GetValue(noSearch),
                    Generator = CommonOptions.Generator,
                    Clean = isClean,
                },
                parse.GetValue(strict), cancellation));
        });
        return command;
    }

    public static int Execute(ConsoleReport report, LoadOptions loadOptions, BuildOptions buildOptions, bool strict, CancellationToken cancellation)
    {
        var total = Stopwatch.StartNew();
        LoadedArchive archive;
        try
        {
            archive = report.WithProgress(progress => ArchiveLoader.Load(loadOptions, progress, cancellation));
        }
        catch (OperationCanceledException)
        {
            report.Error("the build was interrupted; the previous site was left as it was");
            return ExitCodes.Failed;
        }
        report.Diagnostics(archive.Diagnostics);
        if (archive.Episodes.Count == 0)
        {
            report.Error($"nothing to build: no episode could be read from '{loadOptions.InputDirectory}' ({archive.Files.Count} file(s) found)");
            return ExitCodes.Failed;
        }
        var failedFiles = archive.Files.Count(f => f.Failed);
        if (strict && archive.ErrorCount > 0)
        {
            report.Error($"{archive.ErrorCount} error(s) in {failedFiles} file(s); --strict stops the build before anything is written");
            return ExitCodes.Failed;
        }

        if (!buildOptions.SkipSearchIndex)
        {
            try { new PagefindRunner(report.Info).EnsureInstalled(); }
            catch (PagefindException ex)
            {
                report.Error(ex.Message + "\n(use --no-search to build without a search index)");
                return ExitCodes.Failed;
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
            return ExitCodes.Failed;
        }
        catch (Exception ex) when (ex is PagefindException or ThemeException or IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            report.Error(ex.Message + "\nThe previous site was left as it was.");
            return ExitCodes.Failed;
        }

        if (!report.Quiet) PrintSummary(report, archive, result, buildOptions.OutputDirectory, total.Elapsed);
        return ExitCodes.Success;
    }

    private static void PrintSummary(ConsoleReport report, LoadedArchive archive, BuildResult result, string outputDirectory, TimeSpan elapsed)
    {
        var table = new Table().Border(TableBorder.Rounded).HideHeaders().AddColumn("").AddColumn(new TableColumn("").RightAligned());
        table.AddRow("Transcripts read", archive.CachedFiles > 0 ? $"{archive.Files.Count} ({archive.CachedFiles} unchanged, from the cache)" : archive.Files.Count.ToString());
        table.AddRow("Episodes", archive.Episodes.Count.ToString());
        table.AddRow("Pages written", result.Pages.ToString());
        table.AddRow("Files", result.Files.ToString());
        table.AddRow("  written (changed)", result.Written.ToString());
        table.AddRow("  kept (unchanged)", result.Unchanged.ToString());
        table.AddRow("  deleted", result.Removed.ToString());
        table.AddRow("Warnings", archive.WarningCount.ToString());
        table.AddRow("Errors", archive.ErrorCount.ToString());
        table.AddRow("Search index", result.SearchIndexed ? "built" : "skipped");
        foreach (var t in archive.Timings.Concat(result.Timings))
            table.AddRow($"  {t.Stage}", ConsoleReport.Seconds(t.Elapsed));
        table.AddRow("Total", ConsoleReport.Seconds(elapsed));
        report.Console.Write(table);
        report.Console.WriteLine($"Site written to {Path.GetFullPath(outputDirectory)}");
    }
}
