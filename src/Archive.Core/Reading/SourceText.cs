namespace Archive.Core.Reading;

/// <summary>
/// The decoded text of one input file. Line numbers are 1-based and count CRLF, CR and LF
/// alike, so messages point at the line an editor shows.
/// </summary>
public sealed class SourceText
{
    private string[]? _lines;
    private int[]? _lineStarts;

    public SourceText(string path, string text, string? encodingName = null, string? fullPath = null)
    {
        Path = path;
        Text = text;
        EncodingName = encodingName ?? "utf-8";
        FullPath = fullPath;
    }

    /// <summary>The path shown in messages (relative to where the user ran the command).</summary>
    public string Path { get; }
    /// <summary>The path on disk, when the text came from a file (sidecars are found beside it).</summary>
    public string? FullPath { get; }
    public string Text { get; }
    public string EncodingName { get; }

    /// <summary>Lower-case extension with its dot (<c>.vtt</c>), only ever a hint.</summary>
    public string Extension => System.IO.Path.GetExtension(Path).ToLowerInvariant();

    /// <summary>File name without extension: the last resort for a title.</summary>
    public string Stem => System.IO.Path.GetFileNameWithoutExtension(Path);

    public IReadOnlyList<string> Lines => _lines ??= SplitLines(Text);

    /// <summary>The 1-based line on which the character at <paramref name="index"/> stands.</summary>
    public int LineAt(int index)
    {
        _lineStarts ??= ComputeLineStarts(Text);
        int found = Array.BinarySearch(_lineStarts, Math.Clamp(index, 0, Math.Max(0, Text.Length)));
        return found >= 0 ? found + 1 : ~found;
    }

    /// <summary>The first non-blank characters of the text, for content sniffing.</summary>
    public ReadOnlySpan<char> Head(int length = 4096) =>
        Text.AsSpan(0, Math.Min(length, Text.Length)).TrimStart();

    public static string[] SplitLines(string text)
    {
        var lines = new List<string>();
        int start = 0;
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c != '\n' && c != '\r') continue;
            lines.Add(text[start..i]);
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return [.. lines];
    }

    private static int[] ComputeLineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = 0; i < text.Length; i++)
        {
            char c = text[i];
            if (c == '\r' && i + 1 < text.Length && text[i + 1] == '\n') i++;
            if (c == '\n' || c == '\r') starts.Add(i + 1);
        }
        return [.. starts];
    }
}
