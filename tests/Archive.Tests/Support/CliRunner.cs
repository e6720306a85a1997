namespace Archive.Tests.Support;

/// <summary>Runs the <c>archive</c> command line in-process and captures what it prints.</summary>
public static class CliRunner
{
    public sealed record Result(int ExitCode, string Output, string Error);

    private static readonly SemaphoreSlim OneAtATime = new(1, 1);

    public static async Task<Result> Run(params string[] args)
    {
        var output = new StringWriter();
        var error = new StringWriter();
        // The CLI resolves relative paths from the current directory; tests pass absolute ones,
        // but keep runs sequential so console-wide state is never shared.
        await OneAtATime.WaitAsync();
        try
        {
            int code = await Archive.Cli.Program.Run(args, output, error);
            return new Result(code, output.ToString(), error.ToString());
        }
        finally
        {
            OneAtATime.Release();
        }
    }
}
