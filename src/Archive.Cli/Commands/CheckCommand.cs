using System.CommandLine;
using System.Text.Json;
using Archive.Core.Diagnostics;
using Archive.Core.Loading;
using Archive.Core.Model;
using Spectre.Console;

namespace Archive.Cli.Commands;

/// <summary><c>archive check</c>: the load stage alone. Reads every input and reports; writes nothing.</summary>
public static class CheckCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = CommonOptions.Input();
        var json = new Option<bool>("--json") { Description = "Print the report as JSON" };
        var strict = CommonOptions.Strict();
        var quiet = CommonOptions.Quiet();
        var command = new Command("check", "Read every transcript and report what was found, without writing anything") { input, json, strict, quiet };
        command.SetAction(parse =>
        {
            var report = new ConsoleReport(output, error, parse.GetValue(quiet));
            var inputPath = parse.GetValue(input)!;
            if (!Directory.Exists(inputPath))
            {
                report.Error($"the input folder '{inputPath}' does not exist (use --input DIR)");
                return ExitCodes.Usage;
            }
            bool asJson = parse.GetValue(json);
            var archive = asJson
                ? ArchiveLoader.Load(new LoadOptions(inputPath))
                : report.WithProgress(p => ArchiveLoader.Load(new LoadOptions(inputPath), p));
            if (asJson) output.WriteLine(ToJson(archive));
            else
            {
                report.Diagnostics(archive.Diagnostics);
                if (!report.Quiet) PrintTable(report, archive);
            }
            if (archive.Episodes.Count == 0) return ExitCodes.Failed;
            return parse.GetValue(strict) && archive.ErrorCount > 0 ? ExitCodes.Failed : ExitCodes.Success;
        });
        return command;
    }

    private static void PrintTable(ConsoleReport report, LoadedArchive archive)
    {
        var table = new Table().Border(TableBorder.Rounded)
            .AddColumns("File", "Format", "Episodes", "Title", "Speakers", "Chapters", "Duration", "Warnings");
        foreach (var file in archive.Files)
        {
            var episodes = file.Episodes.Select(i => archive.Episodes[i].Episode).ToList();
            var first = episodes.FirstOrDefault();
            var title = first is null ? "" : first.Title + (episodes.Count > 1 ? $" (+{episodes.Count - 1} more)" : "");
            table.AddRow(
                Markup.Escape(file.Path),
                Markup.Escape((file.Format ?? (file.Failed ? "error" : "?")) + SidecarNote(file)),
                episodes.Count.ToString(),
                Markup.Escape(Shorten(title, 60)),
                Markup.Escape(Shorten(string.Join(", ", episodes.SelectMany(e => e.Speakers).Distinct()), 40)),
                episodes.Sum(e => e.Chapters.Count).ToString(),
                first?.Duration is { } d ? Timecode.Format(d) : "",
                file.Diagnostics.Count(d => d.Severity == Severity.Warning) + (file.Failed ? " + errors" : ""));
        }
        report.Console.Write(table);
        report.Console.WriteLine($"{archive.Files.Count} file(s), {archive.Episodes.Count} episode(s), {archive.WarningCount} warning(s), {archive.ErrorCount} error(s)");
    }

    /// <summary>" + yml, chapters.json": the sidecars read with the file, named by what follows the transcript's name.</summary>
    private static string SidecarNote(SourceFileReport file)
    {
        if (file.Sidecars.Count == 0) return "";
        var stem = Path.GetFileNameWithoutExtension(file.Path) + ".";
        return " + " + string.Join(", ", file.Sidecars.Select(s => Path.GetFileName(s) is var name && name.StartsWith(stem, StringComparison.Ordinal) ? name[stem.Length..] : name));
    }

    private static string Shorten(string text, int max) => text.Length <= max ? text : text[..(max - 1)] + "…";

    private static string ToJson(LoadedArchive archive)
    {
        var files = archive.Files.Select(f => new
        {
            path = f.Path,
            format = f.Format,
            sidecars = f.Sidecars,
            episodes = f.Episodes.Select(i => new
            {
                slug = archive.Episodes[i].Slug,
                episode = EpisodeJson.ToRecord(archive.Episodes[i].Episode),
            }),
            diagnostics = f.Diagnostics.Select(DiagnosticJson),
        });
        var document = new
        {
            files,
            diagnostics = archive.Diagnostics.Select(DiagnosticJson),
            summary = new { files = archive.Files.Count, episodes = archive.Episodes.Count, warnings = archive.WarningCount, errors = archive.ErrorCount },
        };
        return JsonSerializer.Serialize(document, EpisodeJson.Options);
    }

    private static object DiagnosticJson(Diagnostic d) => new
    {
        severity = d.Severity == Severity.Error ? "error" : "warning",
        path = d.Path,
        line = d.Line,
        message = d.Message,
        text = d.ToString(),
    };
}
