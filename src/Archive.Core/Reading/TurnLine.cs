using System.Text.RegularExpressions;
using Archive.Core.Model;
using Archive.Core.Text;

namespace Archive.Core.Reading;

/// <summary>How a transcript export marks the start of a turn on a line.</summary>
public enum TurnLayout
{
    /// <summary><c>**Name:** text</c>, <c>**Name**: text</c>, <c>**[00:01:02] Name:** text</c>, <c>**Name** [00:01:02] text</c>.</summary>
    Bold,
    /// <summary><c>[00:01:02] Name: text</c>, <c>00:01:02 Name: text</c>.</summary>
    TimeThenName,
    /// <summary><c>[Speaker 1] [01:02] text</c>, <c>[Maya Okafor] 10:02:03</c>.</summary>
    BracketedName,
    /// <summary>A header line <c>Name  0:03</c>, <c>Name (00:03):</c>, <c>Name: (00:03)</c>; the text follows on the next lines (Otter, Rev, Temi).</summary>
    NameThenTime,
    /// <summary><c>00:01:02 text</c>, <c>[01:02] text</c>, or a time alone on its line: timed text without a name.</summary>
    Time,
    /// <summary><c>Name: text</c>, or <c>Name:</c> alone on its line.</summary>
    Name,
    /// <summary>A name alone on its line, the text on the next.</summary>
    NameAlone,
}

/// <summary>
/// One line read as the start of a turn: who, when, and the text on the same line (empty when
/// the text follows on the next lines). <see cref="Parse"/> only says what the line could be;
/// <see cref="LabelledTextReader"/> decides from the whole document which lines really are turns.
/// </summary>
public sealed partial record TurnLine(TurnLayout Layout, string? Name, TimeSpan? Start, string Text)
{
    private const string T = @"\d{1,2}:\d{2}(?::\d{2})?(?:[.,]\d{1,3})?";

    [GeneratedRegex(@"^\*\*\[(?<time>" + T + @")\]\s*(?<name>[^*\[\]]+?):\*\*\s*(?<text>.*)$")]
    private static partial Regex BoldTimedName();

    [GeneratedRegex(@"^\*\*(?<name>[^*\[\]()]+?)\s*(?:[\[(](?<time>" + T + @")[\])])?\s*(?::\*\*|\*\*\s*:)\s*(?<text>.*)$")]
    private static partial Regex BoldName();

    [GeneratedRegex(@"^\*\*(?<name>[^*\[\]()]+?)\*\*\s*[\[(]?(?<time>" + T + @")[\])]?\s*:?\s*(?<text>.*)$")]
    private static partial Regex BoldNameTime();

    [GeneratedRegex(@"^\*\*(?<name>[^*\[\]():]+?)\*\*$")]
    private static partial Regex BoldNameAlone();

    [GeneratedRegex(@"^[\[(]?(?<time>" + T + @")[\])]?\s*[-–—|]?\s*(?<name>[^:\[\]()]{2,60}?)\s*:(?:\s+(?<text>.*))?$")]
    private static partial Regex TimeThenName();

    [GeneratedRegex(@"^\[(?<name>[^\[\]:]{2,60})\]\s*:?\s*(?:[\[(]?(?<time>" + T + @")[\])]?)?\s*:?\s*(?<text>.*)$")]
    private static partial Regex BracketedName();

    // Name  0:03 | Name 0:03 | Name (00:03): | Name [00:03] | Name: (00:03) | Name - 00:03
    [GeneratedRegex(@"^(?<name>[^:\[\]()]{2,60}?)\s*(?::\s*)?(?:\s|[-–—|]\s*)?[\[(]?(?<time>" + T + @")[\])]?\s*:?$")]
    private static partial Regex NameThenTime();

    [GeneratedRegex(@"^(?:[-*]\s+)?[\[(]?(?<time>" + T + @")[\])]?(?:\s*[-–—|:]\s*|\s+)(?<text>\S.*)$")]
    private static partial Regex TimedText();

    [GeneratedRegex(@"^[\[(]?(?<time>" + T + @")[\])]?$")]
    private static partial Regex TimeAlone();

    [GeneratedRegex(@"^(?<name>[^:]{2,60}?)\s*:(?:\s+(?<text>.*))?$")]
    private static partial Regex NameLabel();

    /// <summary>What the line could be, or null for ordinary text.</summary>
    public static TurnLine? Parse(string line)
    {
        var s = line.Trim();
        if (s.Length < 2) return null;
        Match m;
        if (s.StartsWith("**", StringComparison.Ordinal))
        {
            if ((m = BoldTimedName().Match(s)).Success || (m = BoldName().Match(s)).Success || (m = BoldNameTime().Match(s)).Success)
                if (Make(TurnLayout.Bold, m) is { } bold) return bold;
            if ((m = BoldNameAlone().Match(s)).Success && SpeakerNameShape.IsPlausible(m.Groups["name"].Value))
                return new TurnLine(TurnLayout.NameAlone, SpeakerNameShape.Clean(m.Groups["name"].Value), null, "");
        }
        if (s[0] == '[' && (m = BracketedName().Match(s)).Success && Make(TurnLayout.BracketedName, m) is { } bracketed) return bracketed;
        if ((char.IsAsciiDigit(s[0]) || s[0] is '[' or '(' or '-' or '*'))
        {
            if ((m = TimeThenName().Match(s)).Success && Make(TurnLayout.TimeThenName, m) is { } timedName) return timedName;
            if ((m = TimedText().Match(s)).Success || (m = TimeAlone().Match(s)).Success)
                if (Make(TurnLayout.Time, m, nameRequired: false) is { } timed) return timed;
        }
        if ((m = NameThenTime().Match(s)).Success && Make(TurnLayout.NameThenTime, m) is { } header) return header;
        if ((m = NameLabel().Match(s)).Success && !m.Groups["name"].Value.Contains("//", StringComparison.Ordinal) && Make(TurnLayout.Name, m) is { } named) return named;
        if (s.Length <= SpeakerNameShape.MaxLength && s[^1] is not ('.' or '?' or '!' or ',' or ';') && SpeakerNameShape.IsPlausible(s))
            return new TurnLine(TurnLayout.NameAlone, SpeakerNameShape.Clean(s), null, "");
        return null;
    }

    private static TurnLine? Make(TurnLayout layout, Match m, bool nameRequired = true)
    {
        string? name = null;
        if (m.Groups["name"].Success)
        {
            if (!SpeakerNameShape.IsPlausible(m.Groups["name"].Value)) return null;
            name = SpeakerNameShape.Clean(m.Groups["name"].Value);
        }
        else if (nameRequired) return null;
        TimeSpan? start = null;
        if (m.Groups["time"].Success)
        {
            if (!Timecode.TryParse(m.Groups["time"].Value, out var t)) return null;
            start = t;
        }
        return new TurnLine(layout, name, start, m.Groups["text"].Success ? m.Groups["text"].Value.Trim() : "");
    }
}
