using System.CommandLine;
using Archive.Cli.Serving;

namespace Archive.Cli.Commands;

/// <summary><c>archive serve</c>: build, serve on 127.0.0.1, rebuild and reload on every change.</summary>
public static class ServeCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var options = new BuildSettings.Options();
        var port = new Option<int>("--port", "-p") { Description = "Port to serve on (0: any free port)", DefaultValueFactory = _ => 8080, HelpName = "N" };
        var quiet = CommonOptions.Quiet();
        var command = new Command("serve", "Build, serve the site on 127.0.0.1 and rebuild it when the transcripts, archive.yml or the theme change");
        options.AddTo(command);
        command.Options.Add(port);
        command.Options.Add(quiet);
        command.SetAction(async (parse, cancellation) =>
        {
            var report = new ConsoleReport(output, error, parse.GetValue(quiet));
            var settings = options.Resolve(parse, report);
            if (settings is null) return ExitCodes.Usage;
            if (parse.GetValue(port) is < 0 or > 65535)
            {
                report.Error("--port must be between 0 and 65535");
                return ExitCodes.Usage;
            }
            ServeSession session;
            try
            {
                session = await ServeSession.Start(settings, parse.GetValue(port), report, TimeSpan.FromMilliseconds(300), cancellation);
            }
            catch (IOException ex)
            {
                report.Error($"cannot serve on port {parse.GetValue(port)}: {ex.Message} (choose another with --port)");
                return ExitCodes.Failed;
            }
            catch (OperationCanceledException)
            {
                return ExitCodes.Success;
            }
            await using (session)
            {
                // Info is hidden by --quiet; where to look is not.
                output.WriteLine($"Serving {session.Server.Address} (Ctrl+C stops); watching {settings.Load.InputDirectory}{(settings.ThemeDirectory is { } t ? " and " + t : "")}");
                try { await Task.Delay(Timeout.Infinite, cancellation); }
                catch (OperationCanceledException) { }
            }
            return ExitCodes.Success;
        });
        return command;
    }
}
