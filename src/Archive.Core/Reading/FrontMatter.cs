using Archive.Core.Diagnostics;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;
using YamlDotNet.RepresentationModel;

namespace Archive.Core.Reading;

/// <summary>
/// The YAML block between <c>---</c> lines at the top of a Markdown file.
/// </summary>
public sealed class FrontMatter
{
    private FrontMatter(YamlMappingNode fields, int firstLine, int bodyLine)
    {
        Fields = fields;
        FirstLine = firstLine;
        BodyLine = bodyLine;
    }

    public YamlMappingNode Fields { get; }
    /// <summary>Line of the opening <c>---</c>.</summary>
    public int FirstLine { get; }
    /// <summary>First line after the closing <c>---</c> (1-based).</summary>
    public int BodyLine { get; }

    /// <summary>True when the text opens with a front matter fence (after blank lines).</summary>
    public static bool StartsWithFence(SourceText source)
    {
        foreach (var line in source.Lines)
        {
            if (line.Trim().Length == 0) continue;
            return line.TrimEnd() == "---";
        }
        return false;
    }

    /// <summary>The lines after a front matter block (all lines when there is none), for content sniffing.</summary>
    public static IEnumerable<string> BodyLines(SourceText source)
    {
        var lines = source.Lines;
        int open = 0;
        while (open < lines.Count && lines[open].Trim().Length == 0) open++;
        if (open >= lines.Count || lines[open].TrimEnd() != "---") return lines;
        for (int i = open + 1; i < lines.Count; i++)
            if (lines[i].TrimEnd() is "---" or "...") return lines.Skip(i + 1);
        return lines.Skip(open + 1);
    }

    /// <summary>
    /// Splits and parses the front matter. Returns null when there is none. On malformed YAML
    /// reports the line and returns an empty block whose body starts after the fence, so the
    /// transcript itself is still read.
    /// </summary>
    public static FrontMatter? Parse(SourceText source, DiagnosticBag diagnostics)
    {
        var lines = source.Lines;
        int open = 0;
        while (open < lines.Count && lines[open].Trim().Length == 0) open++;
        if (open >= lines.Count || lines[open].TrimEnd() != "---") return null;

        int close = -1;
        for (int i = open + 1; i < lines.Count; i++)
        {
            var t = lines[i].TrimEnd();
            if (t is "---" or "...") { close = i; break; }
        }
        if (close < 0)
        {
            diagnostics.Error(source.Path, open + 1,
                "front matter opened with '---' is never closed; add a '---' line after the last field");
            return new FrontMatter(new YamlMappingNode(), open + 1, open + 2);
        }

        var yaml = string.Join('\n', lines.Skip(open + 1).Take(close - open - 1));
        int yamlFirstLine = open + 2;
        var fields = LoadMapping(yaml, yamlFirstLine, Math.Max(yamlFirstLine, close), source, diagnostics,
            "front matter", "it was ignored and the transcript read without it");
        return new FrontMatter(fields, open + 1, close + 2) { YamlFirstLine = yamlFirstLine };
    }

    /// <summary>
    /// A whole file of <c>field: value</c> lines, such as a sidecar (<c>episode.yml</c>). Malformed YAML
    /// is an error at its line and gives no fields.
    /// </summary>
    public static FrontMatter ParseFile(SourceText source, DiagnosticBag diagnostics, string what)
    {
        var fields = LoadMapping(source.Text, 1, Math.Max(1, source.Lines.Count), source, diagnostics, what, "it was ignored");
        return new FrontMatter(fields, 1, source.Lines.Count + 1) { YamlFirstLine = 1 };
    }

    private static YamlMappingNode LoadMapping(string yaml, int firstLine, int lastLine, SourceText source, DiagnosticBag diagnostics, string what, string consequence)
    {
        var root = LoadYaml(yaml, firstLine, lastLine, source.Path, diagnostics, what + " is", consequence);
        if (root is null or YamlMappingNode) return root as YamlMappingNode ?? new YamlMappingNode();
        diagnostics.Error(source.Path, firstLine, $"{what} is not a list of 'field: value' lines; {consequence}");
        return new YamlMappingNode();
    }

    /// <summary>
    /// The first document's root node of <paramref name="yaml"/>, whose first line is line
    /// <paramref name="firstLine"/> of <paramref name="path"/>; null when it is empty or not valid
    /// YAML, which is reported as "<paramref name="whatIs"/> not valid YAML (why); <paramref name="consequence"/>"
    /// at the line where the mistake is: for an unclosed bracket or quote the line it opens on.
    /// </summary>
    internal static YamlNode? LoadYaml(string yaml, int firstLine, int lastLine, string path, DiagnosticBag diagnostics, string whatIs, string consequence)
    {
        if (yaml.Trim().Length == 0) return null;
        try
        {
            var stream = new YamlStream();
            stream.Load(new StringReader(yaml));
            return stream.Documents.Count > 0 ? stream.Documents[0].RootNode : null;
        }
        catch (YamlException ex)
        {
            // A parser that gave up at the end of the text was still inside a '[' or '{': the
            // mistake is where that opens, not where the text ends.
            if (ex.Start.Index >= yaml.TrimEnd().Length && UnclosedFlow(yaml) is { } open)
                diagnostics.Error(path, firstLine + open.Line - 1, $"{whatIs} not valid YAML (the '{open.Bracket}' opened on this line is never closed); {consequence}");
            // YamlDotNet's error about a quoted value starts at its quote; with no quote after it, that is the mistake.
            else if (UnclosedQuote(yaml, ex.Start) is { } quote)
                diagnostics.Error(path, firstLine + (int)ex.Start.Line - 1, $"{whatIs} not valid YAML (the {(quote == '"' ? "double" : "single")} quote opened on this line is never closed); {consequence}");
            else
            {
                // Keep the line inside the block.
                int line = Math.Min(firstLine + (int)Math.Max(0, ex.Start.Line - 1), lastLine);
                diagnostics.Error(path, line, $"{whatIs} not valid YAML ({FirstSentence(ex.Message)}); {consequence}");
            }
        }
        catch (InvalidOperationException)
        {
            // YamlDotNet's scanner fails this way, without a position, on some unclosed brackets.
            if (UnclosedFlow(yaml) is { } open)
                diagnostics.Error(path, firstLine + open.Line - 1, $"{whatIs} not valid YAML (the '{open.Bracket}' opened on this line is never closed); {consequence}");
            else
                diagnostics.Error(path, lastLine, $"{whatIs} not valid YAML (it ends inside an unclosed bracket or quote); {consequence}");
        }
        return null;
    }

    /// <summary>The quote at <paramref name="at"/> when no quote of its kind follows it to close it (an escaped <c>\"</c> does not); else null.</summary>
    private static char? UnclosedQuote(string yaml, Mark at)
    {
        if (at.Index >= yaml.Length || yaml[(int)at.Index] is not ('"' or '\'')) return null;
        char quote = yaml[(int)at.Index];
        for (int i = (int)at.Index + 1; i < yaml.Length; i++)
            if (yaml[i] == quote && !(quote == '"' && yaml[i - 1] == '\\')) return null;
        return quote;
    }

    /// <summary>
    /// The outermost '[' or '{' still open where YamlDotNet's parser stops on <paramref name="yaml"/>
    /// (its line in the YAML, 1-based), or null when it stops outside one. Read event by event,
    /// only for YAML already known to be broken.
    /// </summary>
    private static (int Line, char Bracket)? UnclosedFlow(string yaml)
    {
        // Every collection open at the point reached, with where its flow ('[' or '{') begins; null for a block one.
        var open = new Stack<Mark?>();
        var parser = new Parser(new StringReader(yaml));
        try
        {
            while (parser.MoveNext())
                switch (parser.Current)
                {
                    case SequenceStart s: open.Push(s.Style == SequenceStyle.Flow ? s.Start : null); break;
                    case MappingStart m: open.Push(m.Style == MappingStyle.Flow ? m.Start : null); break;
                    case SequenceEnd or MappingEnd: if (open.Count > 0) open.Pop(); break;
                }
        }
        catch (Exception ex) when (ex is YamlException or InvalidOperationException)
        {
        }
        // The stack's bottom is its first element last: the outermost flow is the last one listed.
        var outermost = open.LastOrDefault(m => m is not null);
        if (outermost is not { } at || at.Index >= yaml.Length || yaml[(int)at.Index] is not ('[' or '{')) return null;
        return ((int)at.Line, yaml[(int)at.Index]);
    }

    /// <summary>Line of the first YAML line, to turn node positions into file lines.</summary>
    public int YamlFirstLine { get; private init; }

    /// <summary>The file line of a node.</summary>
    public int LineOf(YamlNode node) => YamlFirstLine + (int)Math.Max(0, node.Start.Line - 1);

    public YamlNode? Get(params string[] names)
    {
        foreach (var name in names)
            foreach (var (key, value) in Fields.Children)
                if (key is YamlScalarNode k && string.Equals(k.Value, name, StringComparison.OrdinalIgnoreCase))
                    return value;
        return null;
    }

    public IEnumerable<string> Keys =>
        Fields.Children.Keys.OfType<YamlScalarNode>().Select(k => k.Value ?? "");

    private static string FirstSentence(string message)
    {
        var m = message;
        int paren = m.IndexOf("): ", StringComparison.Ordinal);
        if (m.StartsWith('(') && paren > 0) m = m[(paren + 3)..];
        return m.TrimEnd('.');
    }
}
