using System.CommandLine;
using Archive.Cli.Commands;

namespace Archive.Cli;

public static class Program
{
    public static Task<int> Main(string[] args) => Run(args, Console.Out, Console.Error);

    /// <summary>Parses and runs a command line. Exit codes: 0 success, 1 failed build, 2 bad usage.</summary>
    public static async Task<int> Run(string[] args, TextWriter output, TextWriter error)
    {
        var root = new RootCommand("Builds a searchable static website from a folder of transcripts.")
        {
            BuildCommand.Create(output, error),
            CheckCommand.Create(output, error),
            NormalizeCommand.Create(output, error),
            InitCommand.Create(output, error),
            ServeCommand.Create(output, error),
            BenchCommand.Create(output, error),
        };
        var parse = root.Parse(args);
        if (parse.Errors.Count > 0)
        {
            foreach (var e in parse.Errors) error.WriteLine($"archive: {e.Message}");
            error.WriteLine("Run 'archive --help' for usage.");
            return ExitCodes.Usage;
        }
        return await parse.InvokeAsync(new InvocationConfiguration { Output = output, Error = error });
    }
}

public static class ExitCodes
{
    public const int Success = 0;
    public const int Failed = 1;
    public const int Usage = 2;
}
