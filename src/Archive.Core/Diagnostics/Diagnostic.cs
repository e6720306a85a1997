namespace Archive.Core.Diagnostics;

public enum Severity { Warning, Error }

/// <summary>A problem found in an input, always tied to a file and a line.</summary>
public sealed record Diagnostic(Severity Severity, string Path, int Line, string Message)
{
    public override string ToString() =>
        $"{Path}:{Line}: {(Severity == Severity.Error ? "error" : "warning")}: {Message}";
}

/// <summary>
/// Collects the diagnostics of one unit of work (one file, one stage). Not thread-safe: each
/// parallel task gets its own and the loader concatenates them in input order, which keeps
/// reports deterministic.
/// </summary>
public sealed class DiagnosticBag
{
    private readonly List<Diagnostic> _items = [];

    public IReadOnlyList<Diagnostic> Items => _items;
    public bool HasErrors => _items.Any(d => d.Severity == Severity.Error);

    public void Warn(string path, int line, string message) =>
        _items.Add(new Diagnostic(Severity.Warning, path, line, message));

    public void Error(string path, int line, string message) =>
        _items.Add(new Diagnostic(Severity.Error, path, line, message));

    public void Add(Diagnostic diagnostic) => _items.Add(diagnostic);

    public void AddRange(IEnumerable<Diagnostic> diagnostics) => _items.AddRange(diagnostics);
}
