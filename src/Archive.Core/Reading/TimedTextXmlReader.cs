using System.Globalization;
using System.Net;
using System.Text.RegularExpressions;
using System.Xml;
using System.Xml.Linq;
using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Text;

namespace Archive.Core.Reading;

/// <summary>
/// Captions as XML: TTML/DFXP (<c>&lt;tt&gt;</c>, with <c>ttm:agent</c> speakers) and YouTube's
/// timed text (<c>&lt;transcript&gt;&lt;text start dur&gt;</c>, and <c>&lt;timedtext format="3"&gt;</c>).
/// It takes every other XML file too, so that one in a shape the archive does not know gets an
/// error naming its root element.
/// </summary>
public sealed partial class TimedTextXmlReader : ITranscriptReader
{
    public string Format => "timed-text-xml";

    private static readonly XNamespace TtmlMetadata = "http://www.w3.org/ns/ttml#metadata";
    private static readonly XNamespace TtmlParameter = "http://www.w3.org/ns/ttml#parameter";
    private static readonly XNamespace Xml = XNamespace.Xml;

    // The first element's name, after an XML declaration, comments and a doctype.
    [GeneratedRegex(@"^(?:<\?xml[^>]*\?>\s*)?(?:(?:<!--.*?-->|<!DOCTYPE[^>]*>)\s*)*<(?<name>[A-Za-z_][\w.:-]*)", RegexOptions.Singleline)]
    private static partial Regex RootElement();

    public int Detect(SourceText source)
    {
        var m = RootElement().Match(source.Head(4096).ToString());
        if (!m.Success) return 0;
        var name = m.Groups["name"].Value;
        var local = name.Contains(':') ? name[(name.IndexOf(':') + 1)..] : name;
        if (local is "tt" or "transcript" or "timedtext") return 95;
        // HTML is the HTML reader's; anything else that starts with a declaration or a namespace is XML.
        if (local.Equals("html", StringComparison.OrdinalIgnoreCase)) return 0;
        bool declared = source.Head(8).StartsWith("<?xml", StringComparison.Ordinal);
        return declared || source.Text.Contains("xmlns", StringComparison.Ordinal) ? 40 : 0;
    }

    public IReadOnlyList<RawEpisode> Read(SourceText source, DiagnosticBag diagnostics)
    {
        XDocument document;
        try
        {
            using var reader = XmlReader.Create(new StringReader(source.Text), new XmlReaderSettings
            {
                DtdProcessing = DtdProcessing.Ignore, // no entity expansion, no external fetches
                XmlResolver = null,
                MaxCharactersFromEntities = 1_000_000,
            });
            document = XDocument.Load(reader, LoadOptions.SetLineInfo);
        }
        catch (XmlException ex)
        {
            diagnostics.Error(source.Path, Math.Max(1, ex.LineNumber), $"the file is not well-formed XML: {ex.Message.Split(" Line ")[0].TrimEnd('.')}");
            return [];
        }
        var root = document.Root!;
        var unread = new UnreadTimes("captions");
        var cues = root.Name.LocalName switch
        {
            "tt" => Ttml(root, unread),
            "transcript" => YouTubeTranscript(root, unread),
            "timedtext" => YouTubeFormat3(root, unread),
            _ => null,
        };
        if (cues is null)
        {
            diagnostics.Error(source.Path, LineOf(root), Describe(root) +
                "; the archive reads XML captions as TTML (<tt>) or YouTube timed text (<transcript>, <timedtext>) (see docs/formats.md)");
            return [];
        }
        unread.Report(source, diagnostics);
        var (turns, shape) = CaptionCues.ToTurns(cues, source, diagnostics, rolling: null);
        string? ttmlTitle = root.Name.LocalName == "tt"
            ? root.Descendants(TtmlMetadata + "title").Select(t => Spacing.Collapse(t.Value)).FirstOrDefault(t => t.Length > 0)
            : null;
        return
        [
            new RawEpisode
            {
                Source = new SourceRef(source.Path, 1),
                Metadata = new RawMetadata { Title = ttmlTitle },
                Turns = turns,
                Shape = shape,
            },
        ];
    }

    private static int LineOf(XObject node) => node is IXmlLineInfo info && info.HasLineInfo() ? info.LineNumber : 1;

    private static string Describe(XElement root)
    {
        var children = root.Elements().Select(e => e.Name.LocalName).Distinct().Take(6).ToList();
        var name = root.Name.LocalName;
        var what = name switch
        {
            "rss" or "feed" => $"the file is {(name == "rss" ? "an RSS" : "an Atom")} feed, a list of episodes, not a transcript",
            _ => $"the file is an XML document with root element <{name}>" + (children.Count > 0 ? " holding " + string.Join(", ", children.Select(c => $"<{c}>")) : ""),
        };
        return what;
    }

    /// <summary>TTML: every <c>&lt;p&gt;</c> with a <c>begin</c>; <c>ttm:agent</c> ids are named by <c>&lt;ttm:agent&gt;&lt;ttm:name&gt;</c>.</summary>
    private static List<CaptionCue> Ttml(XElement root, UnreadTimes unread)
    {
        var clock = new TtmlClock(
            Number(root.Attribute(TtmlParameter + "frameRate")?.Value) ?? 30,
            Number(root.Attribute(TtmlParameter + "tickRate")?.Value));
        var agents = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var agent in root.Descendants(TtmlMetadata + "agent"))
        {
            var id = agent.Attribute(Xml + "id")?.Value;
            var name = agent.Elements(TtmlMetadata + "name").Select(n => Spacing.Collapse(n.Value)).FirstOrDefault(n => n.Length > 0);
            if (id is not null && name is not null) agents[id] = name;
        }
        var cues = new List<CaptionCue>();
        foreach (var p in root.Descendants().Where(e => e.Name.LocalName == "p"))
        {
            int line = LineOf(p);
            TimeSpan? start = Time(p.Attribute("begin"), clock.Read, unread, line);
            TimeSpan? end = Time(p.Attribute("end"), clock.Read, unread, line);
            if (end is null && start is { } s && Time(p.Attribute("dur"), clock.Read, unread, line) is { } d) end = s + d;
            var agentId = p.Attribute(TtmlMetadata + "agent")?.Value
                ?? p.Descendants().Select(e => e.Attribute(TtmlMetadata + "agent")?.Value).FirstOrDefault(a => a is not null);
            string? voice = agentId is null ? null : agents.GetValueOrDefault(agentId.Split(' ')[0]) ?? agentId.Split(' ')[0];
            var lines = TextLines(p).Select(l => new CueLine(voice, l)).ToList();
            cues.Add(new CaptionCue(start, end, lines, line));
        }
        return cues;
    }

    /// <summary>The text of a caption element, split at <c>&lt;br/&gt;</c>.</summary>
    private static IEnumerable<string> TextLines(XElement element)
    {
        var current = new System.Text.StringBuilder();
        foreach (var node in element.DescendantNodes())
        {
            if (node is XElement { Name.LocalName: "br" })
            {
                yield return CueMarkup.Clean(current.ToString());
                current.Clear();
            }
            else if (node is XText text) current.Append(text.Value);
        }
        yield return CueMarkup.Clean(current.ToString());
    }

    /// <summary>The time in an attribute; one that is there but does not parse is noted.</summary>
    private static TimeSpan? Time(XAttribute? attribute, Func<string?, TimeSpan?> read, UnreadTimes unread, int line)
    {
        if (attribute is null) return null;
        var time = read(attribute.Value);
        if (time is null) unread.Add(attribute.Value, line);
        return time;
    }

    private static TimeSpan? Seconds(string? text) => Timecode.TryParse(text, out var t) ? t : null;

    private static TimeSpan? Milliseconds(string? text) =>
        Number(text) is { } ms && Timecode.FromSeconds(ms / 1000, out var t) ? t : null;

    /// <summary>YouTube's <c>&lt;transcript&gt;&lt;text start="1.2" dur="2.5"&gt;</c>; the text is HTML-escaped a second time.</summary>
    private static List<CaptionCue> YouTubeTranscript(XElement root, UnreadTimes unread) =>
        root.Elements().Where(e => e.Name.LocalName == "text").Select(e =>
        {
            TimeSpan? start = Time(e.Attribute("start"), Seconds, unread, LineOf(e));
            TimeSpan? end = start is not null && Time(e.Attribute("dur"), Seconds, unread, LineOf(e)) is { } d ? start + d : null;
            var lines = WebUtility.HtmlDecode(e.Value).Split('\n').Select(CueMarkup.Clean).Select(l => new CueLine(null, l)).ToList();
            return new CaptionCue(start, end, lines, LineOf(e));
        }).ToList();

    /// <summary>YouTube's format 3: <c>&lt;p t="1200" d="2000"&gt;</c> in milliseconds, words in <c>&lt;s&gt;</c>.</summary>
    private static List<CaptionCue> YouTubeFormat3(XElement root, UnreadTimes unread) =>
        root.Descendants().Where(e => e.Name.LocalName == "p").Select(p =>
        {
            TimeSpan? start = Time(p.Attribute("t"), Milliseconds, unread, LineOf(p));
            TimeSpan? end = start is not null && Time(p.Attribute("d"), Milliseconds, unread, LineOf(p)) is { } d ? start + d : null;
            var lines = string.Concat(p.DescendantNodes().OfType<XText>().Select(x => x.Value)).Split('\n')
                .Select(l => CueMarkup.Clean(WebUtility.HtmlDecode(l))).Select(l => new CueLine(null, l)).ToList();
            return new CaptionCue(start, end, lines, LineOf(p));
        }).ToList();

    private static double? Number(string? text) =>
        double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out var n) && double.IsFinite(n) ? n : null;

    /// <summary>TTML time expressions: clock times (with frames), and offsets in h, m, s, ms, f (frames) or t (ticks).</summary>
    private sealed partial class TtmlClock(double frameRate, double? tickRate)
    {
        [GeneratedRegex(@"^(?<h>[0-9]+):(?<m>[0-9]{2}):(?<s>[0-9]{2}):(?<f>[0-9]+(?:\.[0-9]+)?)$")]
        private static partial Regex ClockWithFrames();

        [GeneratedRegex(@"^(?<n>[0-9]+(?:\.[0-9]+)?)(?<unit>f|t)$")]
        private static partial Regex FramesOrTicks();

        public TimeSpan? Read(string? text)
        {
            if (string.IsNullOrWhiteSpace(text)) return null;
            var s = text.Trim();
            var frames = ClockWithFrames().Match(s);
            if (frames.Success && Timecode.TryParse($"{frames.Groups["h"].Value}:{frames.Groups["m"].Value}:{frames.Groups["s"].Value}", out var whole))
                return whole + TimeSpan.FromSeconds(double.Parse(frames.Groups["f"].Value, CultureInfo.InvariantCulture) / frameRate);
            var unit = FramesOrTicks().Match(s);
            if (unit.Success)
            {
                double n = double.Parse(unit.Groups["n"].Value, CultureInfo.InvariantCulture);
                double seconds = unit.Groups["unit"].Value == "f" ? n / frameRate : n / (tickRate ?? 1);
                return Timecode.FromSeconds(seconds, out var t) ? t : null;
            }
            return Timecode.TryParse(s, out var time) ? time : null;
        }
    }
}
