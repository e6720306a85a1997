using System.Globalization;
using System.Text.Json;
using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Text;

namespace Archive.Core.Reading;

/// <summary>
/// Finds the transcript in speech-to-text JSON, whatever tool wrote it: the array of objects that
/// carry text and times (whisper's <c>segments</c>, whisperX's with <c>speaker</c>, Podcasting 2.0's
/// <c>segments[].body</c>, AssemblyAI's <c>utterances</c>, Rev's <c>monologues</c>, Deepgram's
/// <c>paragraphs</c>, AWS's <c>audio_segments</c> or <c>items</c>, whisper.cpp's
/// <c>transcription</c>…), at any depth, with the speaker names the file maps ids to.
/// </summary>
public static class JsonTranscript
{
    // Key names are compared without case, '_' or '-'; earlier names are preferred.
    private static readonly string[] TextKeys = ["text", "body", "transcript", "displayText", "display", "sentence", "utterance", "caption", "punctuated_word", "word", "content", "value", "utf8", "itn", "lexical"];
    private static readonly string[] StartKeys = ["start", "startTime", "start_seconds", "start_sec", "begin", "from", "offset", "ts", "tStartMs", "startMs", "offsetMs", "offsetInTicks"];
    private static readonly string[] EndKeys = ["end", "endTime", "end_seconds", "end_sec", "to", "end_ts", "endMs", "resultEndTime"];
    private static readonly string[] DurationKeys = ["duration", "dur", "dDurationMs", "durationMs", "durationInTicks"];
    private static readonly string[] SpanKeys = ["timestamps", "timestamp", "offsets"];
    private static readonly string[] SpeakerKeys = ["speaker_name", "speakerName", "speaker", "speaker_label", "speakerLabel", "speaker_id", "speakerId", "spk", "speakerTag", "participant"];
    private static readonly string[] AlternativeKeys = ["alternatives", "nBest"];
    private static readonly string[] TokenListKeys = ["elements", "words", "items", "segs", "tokens", "sentences"];
    private static readonly string[] SpeakerMapKeys = ["speakers", "speaker_names", "speaker_map", "speaker_mapping", "participants"];
    private static readonly string[] NameKeys = ["name", "display_name", "full_name", "label", "title"];
    private static readonly string[] IdKeys = ["id", "speaker", "speaker_id", "label", "key", "tag"];
    private static readonly string[] ChapterTitleKeys = ["title", "headline", "gist", "name", "label"];

    /// <summary>A time as the file gives it: a plain number (in a unit still to be decided) or a spelled time.</summary>
    private readonly record struct TimeValue(double? Plain, TimeSpan? Spelled, Unit Hint, string Raw, bool Valid);

    private enum Unit { Unknown, Seconds, Milliseconds, Ticks }

    private sealed record Segment(string Text, TimeValue? Start, TimeValue? End, TimeValue? Duration, string? SpeakerId, int Line);

    private sealed record Candidate(JsonTreeArray Array, List<Segment> Segments, int Rank, List<JsonTreeObject> Path);

    /// <summary>
    /// The episode in <paramref name="root"/>, or an error naming what the file holds when no
    /// transcript is there.
    /// </summary>
    /// <param name="segmentsAreShown">True for formats whose segments are written to be shown, like captions (Podcasting 2.0).</param>
    public static IReadOnlyList<RawEpisode> Read(SourceText source, JsonTreeNode root, DiagnosticBag diagnostics, bool segmentsAreShown = false)
    {
        var found = FindSegments(root);
        if (found is null)
        {
            diagnostics.Error(source.Path, root.Line, Describe(root) + "; no transcript segments found. " +
                "The archive reads an array of objects with a text and times (whisper 'segments', Podcasting 2.0 'segments[].body', " +
                "'utterances', 'monologues' and similar) or a top-level 'text' (see docs/formats.md)");
            return [];
        }
        var (segments, path) = found.Value;
        var containers = new List<JsonTreeObject>(path);
        if (root is JsonTreeObject rootObject && !containers.Contains(rootObject)) containers.Insert(0, rootObject);

        var unit = DecideUnit(segments);
        var speakerNames = SpeakerMap(containers, segments);
        var cues = new List<CaptionCue>(segments.Count);
        var unread = new UnreadTimes("segments");
        TimeSpan? previousEnd = null;
        foreach (var s in segments)
        {
            var start = Resolve(s.Start, unit, unread, s.Line);
            var end = Resolve(s.End, unit, unread, s.Line);
            if (end is null && start is { } st && Resolve(s.Duration, unit, unread, s.Line) is { } d)
                end = st + d;
            // Results that give only their end (Google's resultEndTime) start where the one before ended.
            if (start is null && end is not null && s.Start is null) start = previousEnd ?? TimeSpan.Zero;
            if (end is not null) previousEnd = end;
            string? speaker = s.SpeakerId is null ? null : speakerNames.GetValueOrDefault(s.SpeakerId) ?? ShowableLabel(s.SpeakerId);
            cues.Add(new CaptionCue(start, end, [new CueLine(speaker, s.Text)], s.Line));
        }
        unread.Report(source, diagnostics);

        cues = JoinWords(cues);
        var (turns, shape) = CaptionCues.ToTurns(cues, source, diagnostics, rolling: false, unit: "segment", linesAreShort: segmentsAreShown);
        return
        [
            new RawEpisode
            {
                Source = new SourceRef(source.Path, 1),
                Metadata = Metadata(containers, source, diagnostics, speakerNames),
                Turns = turns,
                Chapters = Chapters(containers, unit, source, diagnostics),
                Shape = shape,
            },
        ];
    }

    /// <summary>
    /// The segments: of all arrays whose objects carry text (searched breadth first), timed
    /// phrases win over timed words, which win over untimed phrases; then the shallowest.
    /// Without any, a top-level <c>text</c> is one untimed segment.
    /// </summary>
    private static (List<Segment> Segments, List<JsonTreeObject> Path)? FindSegments(JsonTreeNode root)
    {
        Candidate? best = null;
        var queue = new Queue<(JsonTreeNode Node, int Depth, List<JsonTreeObject> Path)>();
        queue.Enqueue((root, 0, []));
        while (queue.Count > 0)
        {
            var (node, depth, path) = queue.Dequeue();
            if (depth > 12) continue;
            if (node is JsonTreeArray array)
            {
                if (Evaluate(array, path) is { } candidate && (best is null || candidate.Rank < best.Rank)) best = candidate;
                if (best?.Rank == 0) break; // nothing deeper can beat the shallowest timed phrases
                foreach (var item in array.Items)
                    if (item is not JsonTreeScalar) queue.Enqueue((item, depth + 1, path));
            }
            else if (node is JsonTreeObject obj)
            {
                List<JsonTreeObject> inner = [.. path, obj];
                foreach (var (_, value) in obj.Properties)
                    if (value is not JsonTreeScalar) queue.Enqueue((value, depth + 1, inner));
            }
        }
        if (best is not null) return (best.Segments, best.Path);

        // {"text": "..."} (OpenAI's plain JSON), also wrapped: {"result": {"text": "..."}}.
        for (var node = root; node is JsonTreeObject obj;)
        {
            if (obj.Get(TextKeys) is JsonTreeScalar { Kind: JsonValueKind.String } text && text.Text.Trim().Length > 0)
                return ([new Segment(text.Text.Trim(), null, null, null, null, obj.Line)], [obj]);
            var wrapped = obj.Properties.Where(p => p.Value is JsonTreeObject).ToList();
            node = wrapped.Count == 1 ? wrapped[0].Value : null;
        }
        return null;
    }

    private static Candidate? Evaluate(JsonTreeArray array, List<JsonTreeObject> path)
    {
        int objects = 0;
        var segments = new List<Segment>();
        foreach (var item in array.Items)
        {
            if (item is not JsonTreeObject obj) continue;
            objects++;
            var text = TextOf(obj, 0);
            if (text is null) continue;
            segments.Add(new Segment(text, TimeOf(obj, StartKeys, first: true), TimeOf(obj, EndKeys, first: false),
                TimeOf(obj, DurationKeys, first: true), SpeakerOf(obj), obj.Line));
        }
        if (segments.Count == 0 || segments.Count * 2 < objects) return null;
        // Whole-transcript arrays hold nothing but a text ("transcripts": [{"transcript": "…"}]).
        bool timed = segments.Count(s => s.Start is not null || s.End is not null) * 2 >= segments.Count;
        bool words = segments.Average(s => Sentences.CountWords(s.Text)) < 1.6;
        // A single timed phrase is usually the whole transcript with its first word's time
        // (Deepgram's alternatives); the words beside it say more.
        int rank = timed
            ? words ? 1 : segments.Count >= 2 ? 0 : 2
            : words ? 4 : 3;
        return new Candidate(array, segments, rank, path);
    }

    /// <summary>
    /// The text of a segment: its own text field, else the first alternative's (AWS, Google,
    /// Azure), else its words joined (Rev's elements, YouTube's segs, Deepgram's sentences).
    /// </summary>
    private static string? TextOf(JsonTreeObject obj, int depth)
    {
        if (obj.Get(TextKeys) is JsonTreeScalar { Kind: JsonValueKind.String } s)
            return s.Text.Trim().Length > 0 ? s.Text : null;
        if (depth > 2) return null;
        if (obj.Get(AlternativeKeys) is JsonTreeArray { Items.Count: > 0 } alternatives && alternatives.Items[0] is JsonTreeObject first)
            return TextOf(first, depth + 1);
        if (obj.Get(TokenListKeys) is JsonTreeArray tokens && tokens.Items.Count > 0)
        {
            var parts = tokens.Items.OfType<JsonTreeObject>().Select(t => TextOf(t, depth + 1) ?? RawText(t)).ToList();
            var joined = TokenJoiner.Join(parts);
            return joined.Length > 0 ? joined : null;
        }
        return null;
    }

    /// <summary>A token's text even when it is only a space (Rev's punctuation elements).</summary>
    private static string RawText(JsonTreeObject token) =>
        token.Get(TextKeys) is JsonTreeScalar { Kind: JsonValueKind.String } s ? s.Text : "";

    private static TimeValue? TimeOf(JsonTreeObject obj, string[] keys, bool first, int depth = 0)
    {
        if (obj.Find(keys) is { } found && Time(found.Value, found.Key) is { } direct) return direct;
        if (ReferenceEquals(keys, DurationKeys) || depth > 2) return null;
        // {"timestamp": [0.0, 2.5]} (Hugging Face), {"timestamps": {"from": "00:00:01,000", "to": …}} (whisper.cpp).
        if (obj.Find(SpanKeys) is { } span)
        {
            if (span.Value is JsonTreeArray { Items.Count: 2 } pair && Time(pair.Items[first ? 0 : 1], span.Key) is { } p) return p;
            if (span.Value is JsonTreeObject range && range.Find(first ? StartKeys : EndKeys) is { } r && Time(r.Value, span.Key + r.Key) is { } t) return t;
        }
        // The first alternative's time (Google, Speechmatics), or the first or last word's.
        if (obj.Get(AlternativeKeys) is JsonTreeArray { Items.Count: > 0 } alts && alts.Items[0] is JsonTreeObject alt
            && TimeOf(alt, keys, first, depth + 1) is { } at)
            return at;
        if (obj.Get(TokenListKeys) is JsonTreeArray tokens)
        {
            var ordered = first ? tokens.Items : tokens.Items.Reverse();
            foreach (var token in ordered.OfType<JsonTreeObject>())
                if (token.Find(keys) is { } k && Time(k.Value, k.Key) is { } tt) return tt;
        }
        return null;
    }

    private static TimeValue? Time(JsonTreeNode node, string key)
    {
        if (node is not JsonTreeScalar scalar || scalar.AsString is not { } raw || raw.Trim().Length == 0) return null;
        // Under a key that is not only a time ("from": "Alice"), a value without a digit is no time at all.
        if (!raw.Any(char.IsAsciiDigit) && (JsonSource.SameKey(key, "from") || JsonSource.SameKey(key, "to") || JsonSource.SameKey(key, "offset"))) return null;
        var hint = UnitHint(key);
        if (scalar.Number is { } n) return new TimeValue(n, null, hint, raw, !double.IsNaN(n) && n >= 0);
        if (double.TryParse(raw, NumberStyles.Float, CultureInfo.InvariantCulture, out var parsed))
            return new TimeValue(parsed, null, hint, raw, parsed >= 0 && !double.IsInfinity(parsed));
        return Timecode.TryParse(raw, out var spelled)
            ? new TimeValue(null, spelled, hint, raw, true)
            : new TimeValue(null, null, hint, raw, false);
    }

    private static Unit UnitHint(string key)
    {
        var k = key.ToLowerInvariant().Replace("_", "").Replace("-", "");
        if (k.Contains("ticks")) return Unit.Ticks;
        if (k.EndsWith("ms", StringComparison.Ordinal) || k.Contains("millis") || k.StartsWith("offsets", StringComparison.Ordinal)) return Unit.Milliseconds;
        return Unit.Unknown;
    }

    private static string? SpeakerOf(JsonTreeObject obj)
    {
        if (obj.Get(SpeakerKeys) is JsonTreeScalar { AsString: { } direct } && direct.Trim().Length > 0) return direct.Trim();
        if (obj.Get(AlternativeKeys) is JsonTreeArray { Items.Count: > 0 } alts && alts.Items[0] is JsonTreeObject alt
            && alt.Get(SpeakerKeys) is JsonTreeScalar { AsString: { } inAlt } && inAlt.Trim().Length > 0)
            return inAlt.Trim();
        if (obj.Get(TokenListKeys) is JsonTreeArray tokens)
            foreach (var token in tokens.Items.OfType<JsonTreeObject>())
                if (token.Get(SpeakerKeys) is JsonTreeScalar { AsString: { } inToken } && inToken.Trim().Length > 0)
                    return inToken.Trim();
        return null;
    }

    /// <summary>
    /// Plain numbers are seconds unless the key says otherwise (<c>startMs</c>, <c>offsetInTicks</c>)
    /// or the numbers are whole and far too large for seconds (AssemblyAI's milliseconds): speech
    /// runs at a few words a second, never one word in twenty seconds.
    /// </summary>
    private static Unit DecideUnit(List<Segment> segments)
    {
        var plain = segments.SelectMany(s => new[] { s.Start, s.End }).Where(t => t is { Plain: not null, Hint: Unit.Unknown }).Select(t => t!.Value.Plain!.Value).ToList();
        if (plain.Count == 0) return Unit.Seconds;
        double max = plain.Max();
        int words = Math.Max(1, segments.Sum(s => Sentences.CountWords(s.Text)));
        if (!plain.All(p => Math.Abs(p - Math.Round(p)) < 1e-9)) return Unit.Seconds;
        if (max / words <= 20) return Unit.Seconds;
        return max / 1000 / words <= 20 ? Unit.Milliseconds : Unit.Ticks;
    }

    private static TimeSpan? Resolve(TimeValue? value, Unit unit, UnreadTimes unread, int line)
    {
        if (value is not { } v) return null;
        if (v.Valid && v.Spelled is { } spelled) return spelled;
        if (v.Valid && v.Plain is { } plain)
        {
            var u = v.Hint != Unit.Unknown ? v.Hint : unit;
            double seconds = u switch { Unit.Milliseconds => plain / 1000, Unit.Ticks => plain / 10_000_000, _ => plain };
            if (Timecode.FromSeconds(seconds, out var time)) return time;
        }
        unread.Add(v.Raw, line);
        return null;
    }

    /// <summary>
    /// Speaker ids to names: <c>"speakers": {"SPEAKER_00": "Maya"}</c>,
    /// <c>"speakers": [{"id": "A", "name": "Maya"}]</c>, or a list of names the numeric ids index.
    /// </summary>
    private static Dictionary<string, string> SpeakerMap(List<JsonTreeObject> containers, List<Segment> segments)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        foreach (var container in containers)
        {
            if (container.Get(SpeakerMapKeys) is not { } node) continue;
            if (node is JsonTreeObject byId)
            {
                foreach (var (id, value) in byId.Properties)
                    if (NameOf(value) is { } name) map.TryAdd(id, name);
            }
            else if (node is JsonTreeArray list)
            {
                var names = list.Items.OfType<JsonTreeScalar>().Select(s => s.AsString?.Trim()).ToList();
                if (names.Count == list.Items.Count && names.All(n => !string.IsNullOrEmpty(n)))
                {
                    // A list of names: numeric ids index it, from 0 or from 1.
                    var ids = segments.Select(s => s.SpeakerId).Where(id => id is not null).Distinct().ToList();
                    var numbers = ids.Select(id => int.TryParse(id, NumberStyles.None, CultureInfo.InvariantCulture, out var n) ? n : -1).ToList();
                    if (numbers.Count > 0 && numbers.All(n => n >= 0))
                    {
                        int offset = numbers.Min() >= 1 && numbers.Max() == names.Count ? 1 : 0;
                        foreach (var n in numbers)
                            if (n - offset < names.Count) map.TryAdd(n.ToString(CultureInfo.InvariantCulture), names[n - offset]!);
                    }
                    continue;
                }
                foreach (var entry in list.Items.OfType<JsonTreeObject>())
                {
                    var id = entry.Get(IdKeys) is JsonTreeScalar { AsString: { } i } ? i.Trim() : null;
                    var name = entry.Get(NameKeys) is JsonTreeScalar { Kind: JsonValueKind.String } n ? n.Text.Trim() : null;
                    if (!string.IsNullOrEmpty(id) && !string.IsNullOrEmpty(name) && !Placeholder.IsPlaceholderName(name)) map.TryAdd(id, name);
                }
            }
        }
        return map;
    }

    private static string? NameOf(JsonTreeNode value)
    {
        var name = value switch
        {
            JsonTreeScalar { Kind: JsonValueKind.String } s => s.Text.Trim(),
            JsonTreeObject o when o.Get(NameKeys) is JsonTreeScalar { Kind: JsonValueKind.String } n => n.Text.Trim(),
            _ => null,
        };
        return string.IsNullOrEmpty(name) || Placeholder.IsPlaceholderName(name) ? null : name;
    }

    /// <summary>An id that is a number or one letter (<c>0</c>, <c>A</c>) says nothing alone: <c>Speaker 0</c>, <c>Speaker A</c>.</summary>
    public static string ShowableLabel(string id) =>
        id.All(char.IsAsciiDigit) || (id.Length == 1 && char.IsLetter(id[0])) ? "Speaker " + id : id;

    /// <summary>
    /// Word-level segments (one word each, as Podcasting 2.0 files may be) become sentence-sized
    /// cues: punctuation joins the word before it, and a cue ends at a sentence end or a new speaker.
    /// </summary>
    private static List<CaptionCue> JoinWords(List<CaptionCue> cues)
    {
        if (cues.Count == 0 || cues.Average(c => Sentences.CountWords(c.Lines[0].Text)) >= 1.6) return cues;
        var result = new List<CaptionCue>();
        var words = new List<string>();
        CaptionCue? first = null;
        TimeSpan? lastEnd = null;
        void Flush()
        {
            if (first is null) return;
            result.Add(first with { End = lastEnd ?? first.End, Lines = [new CueLine(first.Lines[0].Voice, TokenJoiner.Join(words))] });
            words.Clear();
            first = null;
        }
        foreach (var cue in cues)
        {
            var line = cue.Lines[0];
            bool punctuation = TokenJoiner.IsPunctuation(line.Text) || TokenJoiner.AttachesToPrevious(line.Text);
            if (first is not null && !punctuation && (line.Voice != first.Lines[0].Voice || words.Count >= 40 || EndsSentence(words[^1])))
                Flush();
            if (first is null && punctuation && result.Count > 0)
            {
                // Punctuation after a sentence was closed belongs to it.
                var last = result[^1];
                result[^1] = last with { Lines = [last.Lines[0] with { Text = TokenJoiner.Join([last.Lines[0].Text, line.Text]) }] };
                continue;
            }
            first ??= cue;
            words.Add(line.Text);
            lastEnd = cue.End ?? cue.Start ?? lastEnd;
        }
        Flush();
        return result;
    }

    private static bool EndsSentence(string word)
    {
        var t = word.TrimEnd('"', '\'', '”', '’', ')');
        return t.Length > 0 && t[^1] is '.' or '?' or '!' or '…';
    }

    private static RawMetadata Metadata(List<JsonTreeObject> containers, SourceText source, DiagnosticBag diagnostics, Dictionary<string, string> speakerNames)
    {
        string? Field(string[] keys)
        {
            foreach (var c in containers)
                if (c.Get(keys) is JsonTreeScalar { AsString: { } v } && Placeholder.Clean(v) is { } clean) return clean;
            return null;
        }
        DateOnly? date = null;
        if (Field(FrontMatterFields.Date) is { } dateText)
        {
            if (DateParser.TryParse(dateText, out var d)) date = d;
            else diagnostics.Warn(source.Path, containers[0].Line, $"date '{dateText}' is not a date the archive can read; write it as YYYY-MM-DD");
        }
        TimeSpan? duration = null;
        if (Field(FrontMatterFields.Duration) is { } durationText && Timecode.TryParse(durationText, out var dur)) duration = dur;
        var topics = new List<string>();
        foreach (var c in containers)
            if (c.Get(FrontMatterFields.Topics) is JsonTreeArray list)
                topics.AddRange(list.Items.OfType<JsonTreeScalar>().Select(s => s.AsString?.Trim()).Where(s => !Placeholder.IsPlaceholder(s))!);
        var media = Field(FrontMatterFields.Media);
        return new RawMetadata
        {
            Title = Field(FrontMatterFields.Title),
            Show = Field(FrontMatterFields.Show),
            Date = date,
            Duration = duration,
            Speakers = speakerNames.Values.Distinct().ToList(),
            Topics = topics,
            Summary = Field(FrontMatterFields.Summary),
            MediaUrl = media is not null && Uri.TryCreate(media, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? media : null,
        };
    }

    /// <summary><c>"chapters": [{"startTime": 0, "title": "…"}]</c> in the file itself (AssemblyAI writes <c>headline</c>).</summary>
    private static List<RawChapter> Chapters(List<JsonTreeObject> containers, Unit unit, SourceText source, DiagnosticBag diagnostics)
    {
        var chapters = new List<RawChapter>();
        foreach (var container in containers)
        {
            if (container.Get(FrontMatterFields.Chapters) is not JsonTreeArray list) continue;
            foreach (var item in list.Items.OfType<JsonTreeObject>())
            {
                var title = item.Get(ChapterTitleKeys) is JsonTreeScalar { Kind: JsonValueKind.String } t ? Placeholder.Clean(t.Text) : null;
                if (title is null) continue;
                var time = TimeOf(item, StartKeys, first: true);
                var unread = new UnreadTimes("chapters");
                var start = Resolve(time, unit, unread, item.Line);
                if (time is not null && start is null) diagnostics.Warn(source.Path, item.Line, $"chapter '{title}': '{time.Value.Raw}' is not a time; the chapter was left out");
                else chapters.Add(new RawChapter(title, start, null, item.Line, ChapterOrigin.Explicit));
            }
            if (chapters.Count > 0) break;
        }
        return chapters;
    }

    /// <summary>What a JSON document holds, in a few words: "a JSON object with keys id, items, meta".</summary>
    public static string Describe(JsonTreeNode root) => root switch
    {
        JsonTreeObject o when o.Properties.Count == 0 => "the file is an empty JSON object",
        JsonTreeObject o => "the file is a JSON object with keys " + string.Join(", ", o.Properties.Take(8).Select(p => p.Key)) + (o.Properties.Count > 8 ? $" and {o.Properties.Count - 8} more" : ""),
        JsonTreeArray { Items.Count: 0 } => "the file is an empty JSON array",
        JsonTreeArray a => $"the file is a JSON array of {a.Items.Count} {KindName(a.Items)}",
        JsonTreeScalar s => $"the file is a single JSON {s.Kind.ToString().ToLowerInvariant()}",
        _ => "the file is JSON",
    };

    private static string KindName(IReadOnlyList<JsonTreeNode> items)
    {
        var kinds = items.Select(i => i switch
        {
            JsonTreeObject => "objects",
            JsonTreeArray => "arrays",
            JsonTreeScalar { Kind: JsonValueKind.String } => "strings",
            JsonTreeScalar { Kind: JsonValueKind.Number } => "numbers",
            _ => "values",
        }).Distinct().ToList();
        return kinds.Count == 1 ? kinds[0] : "mixed values";
    }
}
