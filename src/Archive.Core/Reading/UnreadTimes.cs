using Archive.Core.Diagnostics;

namespace Archive.Core.Reading;

/// <summary>
/// Times a reader could not read, reported once per file at the first one's line with a count,
/// rather than once per segment.
/// </summary>
public sealed class UnreadTimes(string where)
{
    private int _count;
    private int _line;
    private string _first = "";

    public void Add(string raw, int line)
    {
        if (_count++ > 0) return;
        _line = line;
        _first = raw;
    }

    public void Report(SourceText source, DiagnosticBag diagnostics)
    {
        if (_count == 0) return;
        diagnostics.Warn(source.Path, _line,
            $"{_count} time{(_count == 1 ? "" : "s")} in the {where} do{(_count == 1 ? "es" : "")} not parse (first: '{CaptionCues.Shorten(_first)}'); " +
            $"{(_count == 1 ? "its" : "their")} text is kept without a time");
    }
}
