using System.CommandLine;
using System.Globalization;
using Archive.Cli.Scaffolding;

namespace Archive.Cli.Commands;

/// <summary><c>archive init DIR</c>: a new archive that builds as it is.</summary>
public static class InitCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var directory = new Argument<string>("DIR") { Description = "Folder of the new archive (created; must be empty)" };
        var title = new Option<string?>("--title") { Description = "The archive's title (default: from the folder's name)", HelpName = "TEXT" };
        var generator = new Option<string?>("--generator")
        {
            Description = "owner/repository[@ref] of transcript-archive on GitHub, for the Pages workflow (default: the ARCHIVE_GENERATOR repository variable)",
            HelpName = "REPO",
        };
        var command = new Command("init", "Create a new archive: settings, an example transcript, a theme folder and the GitHub Pages workflow") { directory, title, generator };
        command.SetAction(parse =>
        {
            var report = new ConsoleReport(output, error, quiet: false);
            var target = Path.GetFullPath(parse.GetValue(directory)!);
            if (File.Exists(target) || (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()))
            {
                report.Error($"'{parse.GetValue(directory)}' already exists and is not empty; archive init only writes into a new or empty folder");
                return ExitCodes.Usage;
            }
            var repository = parse.GetValue(generator);
            if (repository is not null && !System.Text.RegularExpressions.Regex.IsMatch(repository, @"^[A-Za-z0-9_.-]+/[A-Za-z0-9_.-]+(@[^\s'""]+)?$"))
            {
                report.Error($"--generator '{repository}' is not owner/repository[@ref]");
                return ExitCodes.Usage;
            }
            var name = parse.GetValue(title) ?? TitleFrom(Path.GetFileName(target.TrimEnd(Path.DirectorySeparatorChar)));
            foreach (var (path, content) in ArchiveScaffold.Files(name, repository))
            {
                var full = Path.Combine(target, path);
                Directory.CreateDirectory(Path.GetDirectoryName(full)!);
                File.WriteAllText(full, content.ReplaceLineEndings("\n"));
                report.Info($"  created {Path.Combine(parse.GetValue(directory)!, path).Replace('\\', '/')}");
            }
            report.Info($"""

                A new archive is in {target}. Next:
                  cd {parse.GetValue(directory)}
                  archive serve        # build, open http://127.0.0.1:8080/ and rebuild on every change
                Put your transcripts in input/. To publish on GitHub Pages, push to GitHub and choose
                "GitHub Actions" as the Pages source (docs/publishing.md of transcript-archive).
                """);
            return ExitCodes.Success;
        });
        return command;
    }

    /// <summary><c>my-podcast_archive</c> → <c>My Podcast Archive</c>.</summary>
    public static string TitleFrom(string folderName)
    {
        var words = folderName.Split(['-', '_', ' ', '.'], StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? "Transcript Archive" : CultureInfo.InvariantCulture.TextInfo.ToTitleCase(string.Join(' ', words));
    }
}
