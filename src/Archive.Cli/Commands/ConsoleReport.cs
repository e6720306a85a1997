using Archive.Core.Diagnostics;
using Archive.Core.Loading;
using Spectre.Console;

namespace Archive.Cli.Commands;

/// <summary>
/// What the commands print: diagnostics as <c>path:line: severity: message</c> on the error
/// stream (one per line, for editors and CI logs), summaries and progress on the output stream.
/// </summary>
public sealed class ConsoleReport
{
    private readonly TextWriter _error;

    public ConsoleReport(TextWriter output, TextWriter error, bool quiet)
    {
        _error = error;
        Quiet = quiet;
        Interactive = ReferenceEquals(output, System.Console.Out) && !System.Console.IsOutputRedirected;
        Console = AnsiConsole.Create(new AnsiConsoleSettings
        {
            Out = new AnsiConsoleOutput(output),
            Ansi = Interactive ? AnsiSupport.Detect : AnsiSupport.No,
            ColorSystem = Interactive ? ColorSystemSupport.Detect : ColorSystemSupport.NoColors,
            Interactive = Interactive ? InteractionSupport.Yes : InteractionSupport.No,
        });
        if (!Interactive) Console.Profile.Width = 160;
    }

    public IAnsiConsole Console { get; }
    public bool Quiet { get; }
    /// <summary>True on a terminal: progress bars are drawn only there.</summary>
    public bool Interactive { get; }

    public void Diagnostics(IEnumerable<Diagnostic> diagnostics)
    {
        foreach (var d in diagnostics) _error.WriteLine(d.ToString());
    }

    public void Error(string message) => _error.WriteLine($"archive: error: {message}");

    public void Info(string message)
    {
        if (!Quiet) Console.WriteLine(message);
    }

    /// <summary>Runs <paramref name="work"/> with a progress bar on a terminal, plainly elsewhere.</summary>
    public T WithProgress<T>(Func<IStageProgress?, T> work)
    {
        if (Quiet || !Interactive) return work(null);
        T result = default!;
        Console.Progress()
            .AutoClear(true)
            .HideCompleted(false)
            .Columns(new TaskDescriptionColumn(), new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn())
            .Start(ctx => result = work(new SpectreStageProgress(ctx)));
        return result;
    }

    public static string Seconds(TimeSpan t) =>
        t.TotalSeconds >= 1 ? $"{t.TotalSeconds:0.00} s" : $"{t.TotalMilliseconds:0} ms";

    private sealed class SpectreStageProgress(ProgressContext context) : IStageProgress
    {
        private readonly Dictionary<string, ProgressTask> _tasks = new();

        public void StageStarted(string stage, int total)
        {
            lock (_tasks) _tasks[stage] = context.AddTask(stage, maxValue: Math.Max(1, total));
        }

        public void Advance(string stage)
        {
            ProgressTask? task;
            lock (_tasks) _tasks.TryGetValue(stage, out task);
            task?.Increment(1);
        }
    }
}
