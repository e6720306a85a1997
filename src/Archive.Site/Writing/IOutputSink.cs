namespace Archive.Site.Writing;

/// <summary>Where the render stage puts files as it makes them, so the whole site is never held in memory.</summary>
public interface IOutputSink
{
    /// <summary>Takes one file; safe to call from several threads. <paramref name="key"/> names what the bytes were made from (see <see cref="TryKeep"/>).</summary>
    void Write(OutputFile file, string? key = null);

    /// <summary>
    /// True when the previous build wrote <paramref name="path"/> from the same
    /// <paramref name="key"/> and the file is still as it was written: it is kept, and the caller
    /// need not make it again. A key must cover everything the file's bytes depend on.
    /// </summary>
    bool TryKeep(string path, string key);
}

/// <summary>Collects files in memory (tests, tools); keeps nothing from earlier builds.</summary>
public sealed class OutputCollector : IOutputSink
{
    private readonly List<OutputFile> _files = [];

    public IReadOnlyList<OutputFile> Files
    {
        get { lock (_files) return [.. _files]; }
    }

    public void Write(OutputFile file, string? key = null)
    {
        lock (_files) _files.Add(file);
    }

    public bool TryKeep(string path, string key) => false;
}
