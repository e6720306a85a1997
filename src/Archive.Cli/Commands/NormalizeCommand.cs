using System.CommandLine;
using System.Text;
using Archive.Core.Config;
using Archive.Core.Loading;
using Archive.Core.Writing;

namespace Archive.Cli.Commands;

/// <summary>
/// <c>archive normalize --to DIR</c>: writes every episode as canonical Markdown, named by its slug,
/// so what was guessed can be corrected and the corrected files kept as the archive's input.
/// </summary>
public static class NormalizeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var input = CommonOptions.Input();
        var to = new Option<string>("--to") { Description = "Folder the canonical Markdown files are written to (created if missing)", Required = true, HelpName = "DIR" };
        var strict = CommonOptions.Strict();
        var quiet = CommonOptions.Quiet();
        var command = new Command("normalize", "Write every episode as a canonical Markdown file, to correct and keep") { input, to, strict, quiet };
        command.SetAction(parse =>
        {
            var report = new ConsoleReport(output, error, parse.GetValue(quiet));
            return Execute(report, parse.GetValue(input)!, parse.GetValue(to)!, parse.GetValue(strict));
        });
        return command;
    }

    public static int Execute(ConsoleReport report, string inputPath, string toPath, bool strict)
    {
        if (!Directory.Exists(inputPath))
        {
            report.Error($"the input folder '{inputPath}' does not exist (use --input DIR)");
            return ExitCodes.Usage;
        }
        var input = Path.GetFullPath(inputPath).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        var target = Path.GetFullPath(toPath).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        // Files written into the input would be read as more transcripts by the next build.
        if (target.StartsWith(input, StringComparison.Ordinal))
        {
            report.Error($"--to '{toPath}' is inside the input folder '{inputPath}'; choose a folder outside it");
            return ExitCodes.Usage;
        }

        var archive = report.WithProgress(p => ArchiveLoader.Load(new LoadOptions(inputPath), p));
        report.Diagnostics(archive.Diagnostics);
        if (archive.Episodes.Count == 0)
        {
            report.Error($"nothing to write: no episode could be read from '{inputPath}' ({archive.Files.Count} file(s) found)");
            return ExitCodes.Failed;
        }
        if (strict && archive.ErrorCount > 0)
        {
            report.Error($"{archive.ErrorCount} error(s); --strict stops before anything is written");
            return ExitCodes.Failed;
        }

        try
        {
            Directory.CreateDirectory(target);
            var utf8 = new UTF8Encoding(encoderShouldEmitUTF8Identifier: false);
            foreach (var e in archive.Episodes)
                File.WriteAllText(Path.Combine(target, e.Slug + ".md"), CanonicalMarkdownWriter.Write(e.Episode, e.Slug), utf8);
            // The settings come along, so the folder is an archive of its own.
            if (ArchiveConfigReader.Find(inputPath) is { } settings)
                File.Copy(settings, Path.Combine(target, Path.GetFileName(settings)), overwrite: true);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            report.Error($"cannot write to '{toPath}': {ex.Message}");
            return ExitCodes.Failed;
        }
        report.Info($"Wrote {archive.Episodes.Count} episode(s) as canonical Markdown to {target.TrimEnd(Path.DirectorySeparatorChar)}");
        return ExitCodes.Success;
    }
}
