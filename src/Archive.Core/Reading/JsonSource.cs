using System.Runtime.CompilerServices;
using System.Text;
using System.Text.Json;

namespace Archive.Core.Reading;

/// <summary>A JSON value with the line its container starts on (scalars take their container's line).</summary>
public abstract record JsonTreeNode(int Line);

public sealed record JsonTreeObject(int Line, IReadOnlyList<KeyValuePair<string, JsonTreeNode>> Properties) : JsonTreeNode(Line)
{
    /// <summary>
    /// The first property whose name matches one of <paramref name="keys"/>, compared without case,
    /// <c>_</c> or <c>-</c> (<c>start_time</c>, <c>startTime</c> and <c>StartTime</c> are one key).
    /// Keys are tried in order, so the first is preferred.
    /// </summary>
    public JsonTreeNode? Get(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
            foreach (var (name, value) in Properties)
                if (JsonSource.SameKey(name, key)) return value;
        return null;
    }

    /// <summary>The matched key, with <see cref="Get"/>'s rules.</summary>
    public (string Key, JsonTreeNode Value)? Find(params ReadOnlySpan<string> keys)
    {
        foreach (var key in keys)
            foreach (var (name, value) in Properties)
                if (JsonSource.SameKey(name, key)) return (name, value);
        return null;
    }
}

public sealed record JsonTreeArray(int Line, IReadOnlyList<JsonTreeNode> Items) : JsonTreeNode(Line);

/// <summary>A string, number, true, false or null. <see cref="Text"/> is the string, or the number as written.</summary>
public sealed record JsonTreeScalar(int Line, JsonValueKind Kind, string Text, double? Number) : JsonTreeNode(Line)
{
    public string? AsString => Kind switch
    {
        JsonValueKind.String => Text,
        JsonValueKind.Number => Text,
        _ => null,
    };
}

/// <summary>
/// A source parsed as JSON (System.Text.Json), once: readers asking whether a file is theirs and
/// the reader that reads it share the parse. Bad JSON is described with its line. JSON Lines (one
/// object a line) is read as an array of those objects.
/// </summary>
public sealed class JsonSource
{
    private static readonly ConditionalWeakTable<SourceText, JsonSource> Cache = new();

    private static readonly JsonDocumentOptions Options = new()
    {
        AllowTrailingCommas = true,
        CommentHandling = JsonCommentHandling.Skip,
        MaxDepth = 256,
    };

    private JsonSource(JsonTreeNode? root, string? error, int errorLine)
    {
        Root = root;
        Error = error;
        ErrorLine = errorLine;
    }

    public JsonTreeNode? Root { get; }
    /// <summary>Why the text is not JSON, when it is not.</summary>
    public string? Error { get; }
    public int ErrorLine { get; }

    /// <summary>True when the text starts the way a JSON document does (an object or an array of values).</summary>
    public static bool LooksLikeJson(SourceText source)
    {
        var head = source.Head(256);
        if (head.Length == 0) return false;
        if (head[0] == '{') return true;
        if (head[0] != '[') return false;
        // "[00:01] Name: text" is a text transcript; "[{", "[[", "[]" and "[\"" open JSON arrays.
        var rest = head[1..].TrimStart();
        return rest.Length == 0 || rest[0] is '{' or '[' or ']' or '"';
    }

    /// <summary>The parse of this source, made once however often it is asked for.</summary>
    public static JsonSource Of(SourceText source) => Cache.GetValue(source, Parse);

    private static JsonSource Parse(SourceText source)
    {
        var bytes = Encoding.UTF8.GetBytes(source.Text);
        try
        {
            return new JsonSource(Build(bytes), null, 0);
        }
        catch (JsonException ex)
        {
            int line = (int)(ex.LineNumber ?? 0) + 1;
            if (line > 1 && JsonLines(source) is { } lines) return new JsonSource(lines, null, 0);
            return new JsonSource(null, Describe(ex), line);
        }
    }

    private static JsonTreeNode Build(byte[] bytes, int lineOffset = 0)
    {
        using var document = JsonDocument.Parse(bytes, Options);
        // JsonDocument keeps no positions: a reader pass finds where each object and array starts,
        // in document order, which is the order the walk below meets them.
        var starts = ContainerLines(bytes);
        int next = 0;
        return Convert(document.RootElement, starts, ref next, 1, lineOffset);
    }

    private static JsonTreeNode Convert(JsonElement element, List<int> starts, ref int next, int parentLine, int lineOffset)
    {
        switch (element.ValueKind)
        {
            case JsonValueKind.Object:
            {
                int line = (next < starts.Count ? starts[next++] : parentLine) + lineOffset;
                var properties = new List<KeyValuePair<string, JsonTreeNode>>();
                foreach (var p in element.EnumerateObject())
                    properties.Add(new(p.Name, Convert(p.Value, starts, ref next, line - lineOffset, lineOffset)));
                return new JsonTreeObject(line, properties);
            }
            case JsonValueKind.Array:
            {
                int line = (next < starts.Count ? starts[next++] : parentLine) + lineOffset;
                var items = new List<JsonTreeNode>(element.GetArrayLength());
                foreach (var item in element.EnumerateArray())
                    items.Add(Convert(item, starts, ref next, line - lineOffset, lineOffset));
                return new JsonTreeArray(line, items);
            }
            case JsonValueKind.String:
                return new JsonTreeScalar(parentLine + lineOffset, JsonValueKind.String, element.GetString() ?? "", null);
            case JsonValueKind.Number:
                return new JsonTreeScalar(parentLine + lineOffset, JsonValueKind.Number, element.GetRawText(),
                    element.TryGetDouble(out var d) ? d : null);
            default:
                return new JsonTreeScalar(parentLine + lineOffset, element.ValueKind, element.GetRawText(), null);
        }
    }

    /// <summary>The 1-based line of each object and array start, in document order.</summary>
    private static List<int> ContainerLines(byte[] bytes)
    {
        var lines = new List<int>();
        var reader = new Utf8JsonReader(bytes, new JsonReaderOptions
        {
            AllowTrailingCommas = true,
            CommentHandling = JsonCommentHandling.Skip,
            MaxDepth = Options.MaxDepth,
        });
        int line = 1;
        long counted = 0;
        while (reader.Read())
        {
            if (reader.TokenType is not (JsonTokenType.StartObject or JsonTokenType.StartArray)) continue;
            long at = reader.TokenStartIndex;
            for (long i = counted; i < at; i++)
            {
                byte b = bytes[i];
                if (b == (byte)'\n' || (b == (byte)'\r' && (i + 1 >= bytes.Length || bytes[i + 1] != (byte)'\n'))) line++;
            }
            counted = at;
            lines.Add(line);
        }
        return lines;
    }

    /// <summary>JSON Lines: every non-blank line one JSON object.</summary>
    private static JsonTreeNode? JsonLines(SourceText source)
    {
        var items = new List<JsonTreeNode>();
        var lines = source.Lines;
        for (int i = 0; i < lines.Count; i++)
        {
            var line = lines[i].Trim();
            if (line.Length == 0) continue;
            if (line[0] != '{') return null;
            try
            {
                items.Add(Build(Encoding.UTF8.GetBytes(line), i));
            }
            catch (JsonException)
            {
                return null;
            }
        }
        return items.Count >= 2 ? new JsonTreeArray(1, items) : null;
    }

    private static string Describe(JsonException ex)
    {
        var message = ex.Message;
        int cut = message.IndexOf(" LineNumber:", StringComparison.Ordinal);
        if (cut > 0) message = message[..cut];
        message = message.TrimEnd('.', ' ');
        var column = ex.BytePositionInLine is { } c ? $", column {c + 1}" : "";
        return $"the file is not valid JSON{column}: {message}";
    }

    /// <summary>Key names compared without case, <c>_</c>, <c>-</c> or spaces.</summary>
    public static bool SameKey(string name, string key)
    {
        int i = 0, j = 0;
        while (true)
        {
            while (i < name.Length && name[i] is '_' or '-' or ' ') i++;
            while (j < key.Length && key[j] is '_' or '-' or ' ') j++;
            if (i == name.Length || j == key.Length) return i == name.Length && j == key.Length;
            if (char.ToLowerInvariant(name[i]) != char.ToLowerInvariant(key[j])) return false;
            i++;
            j++;
        }
    }
}
