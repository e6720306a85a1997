using System.Text.Json;
using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Reading;
using Archive.Core.Text;
using YamlDotNet.RepresentationModel;

namespace Archive.Core.Loading;

/// <summary>
/// Files beside a transcript that describe it: <c>name.yml</c> (or <c>name.yaml</c>, or
/// <c>name.vtt.yml</c>) adds or overrides metadata and names generic speaker labels;
/// <c>name.chapters.json</c> (Podcasting 2.0 chapters) gives chapters. They are applied to what
/// the reader found, before normalizing, and report their own problems at their own lines.
/// </summary>
public static class TranscriptSidecars
{
    private static readonly string[] MetadataExtensions = [".yml", ".yaml"];

    /// <summary>The sidecars of a transcript that exist, metadata first.</summary>
    public static (string? Metadata, string? Chapters) Find(string transcriptFullPath)
    {
        var folder = Path.GetDirectoryName(transcriptFullPath) ?? ".";
        var name = Path.GetFileName(transcriptFullPath);
        var stem = Path.GetFileNameWithoutExtension(transcriptFullPath);
        string? First(IEnumerable<string> names) => names.Select(n => Path.Combine(folder, n)).FirstOrDefault(File.Exists);
        return (
            First(MetadataExtensions.SelectMany(e => new[] { stem + e, name + e })),
            First([stem + ".chapters.json", name + ".chapters.json"]));
    }

    /// <summary>The sidecars of a transcript as messages name them, for reports.</summary>
    public static IReadOnlyList<string> DisplayPaths(string transcriptFullPath, string transcriptDisplayPath)
    {
        var (metadata, chapters) = Find(transcriptFullPath);
        return new[] { metadata, chapters }.OfType<string>().Select(p => Display(transcriptDisplayPath, p)).ToList();
    }

    /// <summary>
    /// The episodes with their sidecars applied. A file that holds several episodes is described by
    /// no single sidecar: then nothing is applied, with a warning.
    /// </summary>
    public static IReadOnlyList<RawEpisode> Apply(IReadOnlyList<RawEpisode> episodes, string transcriptFullPath, string displayPath, DiagnosticBag diagnostics)
    {
        var (metadataPath, chaptersPath) = Find(transcriptFullPath);
        if (metadataPath is null && chaptersPath is null) return episodes;
        if (episodes.Count != 1)
        {
            if (episodes.Count > 1)
                diagnostics.Warn(Display(displayPath, metadataPath ?? chaptersPath!), 1,
                    $"a sidecar describes one episode, but {displayPath} holds {episodes.Count}; it was not applied");
            return episodes;
        }

        var episode = episodes[0];
        List<RawChapter>? chapters = null;
        if (chaptersPath is not null && Decode(chaptersPath, displayPath, diagnostics) is { } chaptersSource)
            chapters = ReadChaptersJson(chaptersSource, diagnostics);
        if (metadataPath is not null && Decode(metadataPath, displayPath, diagnostics) is { } metadataSource)
        {
            episode = ApplyMetadata(episode, metadataSource, diagnostics, out var yamlChapters);
            if (yamlChapters.Count > 0)
            {
                if (chapters is { Count: > 0 })
                    diagnostics.Warn(metadataSource.Path, yamlChapters[0].Line,
                        $"chapters are given here and in {Path.GetFileName(chaptersPath)}; the ones here were used");
                chapters = yamlChapters;
            }
        }
        // Sidecar chapters are the most trusted: they replace the transcript's own explicit chapters.
        if (chapters is { Count: > 0 })
            episode = episode with { Chapters = [.. episode.Chapters.Where(c => c.Origin != ChapterOrigin.Explicit), .. chapters] };
        return [episode];
    }

    private static string Display(string transcriptDisplayPath, string sidecarFullPath)
    {
        var folder = Path.GetDirectoryName(transcriptDisplayPath);
        var name = Path.GetFileName(sidecarFullPath);
        return string.IsNullOrEmpty(folder) ? name : folder.Replace('\\', '/') + "/" + name;
    }

    private static SourceText? Decode(string fullPath, string transcriptDisplayPath, DiagnosticBag diagnostics)
    {
        var display = Display(transcriptDisplayPath, fullPath);
        try
        {
            var info = new FileInfo(fullPath);
            if (info.Length > 4 * 1024 * 1024)
            {
                diagnostics.Error(display, 1, "the sidecar is larger than 4 MB; it was ignored");
                return null;
            }
            var decoded = SourceDecoder.Decode(File.ReadAllBytes(fullPath));
            if (decoded.Problem is not null)
            {
                if (decoded.IsError) { diagnostics.Error(display, decoded.ProblemLine, decoded.Problem + "; the sidecar was ignored"); return null; }
                diagnostics.Warn(display, decoded.ProblemLine, decoded.Problem);
            }
            return decoded.Text is null ? null : new SourceText(display, decoded.Text, decoded.EncodingName, fullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            diagnostics.Error(display, 1, $"cannot read the sidecar: {ex.Message}");
            return null;
        }
    }

    private static readonly HashSet<string> KnownFields = new(
        new[]
        {
            FrontMatterFields.Title, FrontMatterFields.Show, FrontMatterFields.Date, FrontMatterFields.Duration,
            FrontMatterFields.Speakers, FrontMatterFields.Topics, FrontMatterFields.Summary, FrontMatterFields.Media,
            FrontMatterFields.Slug, FrontMatterFields.Chapters, FrontMatterFields.Highlights,
        }.SelectMany(x => x),
        StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// The YAML sidecar: every field it gives replaces the reader's; <c>speakers:</c> is either the list
    /// of speakers or a mapping from the labels in the transcript to names.
    /// </summary>
    private static RawEpisode ApplyMetadata(RawEpisode episode, SourceText source, DiagnosticBag diagnostics, out List<RawChapter> chapters)
    {
        var fm = FrontMatter.ParseFile(source, diagnostics, "the sidecar");
        foreach (var (key, _) in fm.Fields.Children)
            if (key is YamlScalarNode { Value: { } name } && !KnownFields.Contains(name))
                diagnostics.Warn(source.Path, fm.LineOf(key),
                    $"'{name}' is not a field the archive reads; it was ignored (fields: title, show, date, speakers, topics, summary, media, duration, slug, chapters)");

        var given = FrontMatterFields.ReadMetadata(fm, source, diagnostics);
        chapters = FrontMatterFields.ReadChapters(fm, source, diagnostics);
        var meta = episode.Metadata;
        meta = meta with
        {
            Title = given.Title ?? meta.Title,
            Show = given.Show ?? meta.Show,
            Date = given.Date ?? meta.Date,
            Duration = given.Duration ?? meta.Duration,
            Topics = given.Topics.Count > 0 ? given.Topics : meta.Topics,
            Summary = given.Summary ?? meta.Summary,
            MediaUrl = given.MediaUrl ?? meta.MediaUrl,
            Slug = given.Slug ?? meta.Slug,
            Highlights = given.Highlights.Count > 0 ? given.Highlights : meta.Highlights,
            Speakers = given.Speakers.Count > 0 ? given.Speakers : meta.Speakers,
        };
        episode = episode with { Metadata = meta };

        if (fm.Get(FrontMatterFields.Speakers) is YamlMappingNode names)
            episode = NameSpeakers(episode, names, fm, source, diagnostics);
        return episode;
    }

    /// <summary><c>speakers: {SPEAKER_00: Maya Okafor}</c>: labels (compared without case) become names.</summary>
    private static RawEpisode NameSpeakers(RawEpisode episode, YamlMappingNode names, FrontMatter fm, SourceText source, DiagnosticBag diagnostics)
    {
        var map = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase);
        var lines = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        foreach (var (key, value) in names.Children)
        {
            var label = (key as YamlScalarNode)?.Value?.Trim();
            var name = Placeholder.Clean(FrontMatterFields.Scalar(value));
            if (string.IsNullOrEmpty(label)) continue;
            if (name is null)
            {
                diagnostics.Warn(source.Path, fm.LineOf(key), $"speakers: '{label}' has no name; it was left as it is");
                continue;
            }
            map[label] = name;
            lines[label] = fm.LineOf(key);
        }
        var used = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        string? Rename(string? speaker)
        {
            if (speaker is null || !map.TryGetValue(speaker.Trim(), out var name)) return speaker;
            used.Add(speaker.Trim());
            return name;
        }
        var turns = episode.Turns.Select(t => t.Speaker is null ? t : t with { Speaker = Rename(t.Speaker) }).ToList();
        var speakers = episode.Metadata.Speakers.Select(s => Rename(s) ?? s).Distinct(StringComparer.Ordinal).ToList();
        foreach (var (label, line) in lines)
            if (!used.Contains(label))
                diagnostics.Warn(source.Path, line, $"speakers: '{label}' does not speak in {Path.GetFileName(episode.Source.Path)}; check the label");
        return episode with { Turns = turns, Metadata = episode.Metadata with { Speakers = speakers } };
    }

    /// <summary>
    /// Podcasting 2.0 chapters: <c>{"version": "1.2.0", "chapters": [{"startTime": 0, "title": "Intro"}]}</c>.
    /// A chapter with <c>"toc": false</c> is not shown.
    /// </summary>
    private static List<RawChapter> ReadChaptersJson(SourceText source, DiagnosticBag diagnostics)
    {
        var chapters = new List<RawChapter>();
        var json = JsonSource.Of(source);
        if (json.Root is null)
        {
            diagnostics.Error(source.Path, json.ErrorLine, (json.Error ?? "the file is not valid JSON") + "; the chapters were ignored");
            return chapters;
        }
        var list = json.Root switch
        {
            JsonTreeObject o => o.Get("chapters") as JsonTreeArray,
            JsonTreeArray a => a,
            _ => null,
        };
        if (list is null)
        {
            diagnostics.Error(source.Path, json.Root.Line, JsonTranscript.Describe(json.Root) + "; a chapters file holds \"chapters\": [{\"startTime\": 0, \"title\": \"…\"}]");
            return chapters;
        }
        foreach (var item in list.Items)
        {
            if (item is not JsonTreeObject chapter)
            {
                diagnostics.Warn(source.Path, item.Line, "a chapter that is not an object was skipped");
                continue;
            }
            if (chapter.Get("toc") is JsonTreeScalar { Kind: JsonValueKind.False }) continue;
            var title = chapter.Get("title") is JsonTreeScalar { Kind: JsonValueKind.String } t ? Placeholder.Clean(t.Text) : null;
            if (title is null)
            {
                diagnostics.Warn(source.Path, chapter.Line, "a chapter without a title was skipped");
                continue;
            }
            var time = chapter.Get("startTime", "start") is JsonTreeScalar { AsString: { } raw } ? raw : null;
            if (time is null || !Timecode.TryParse(time, out var start))
            {
                diagnostics.Warn(source.Path, chapter.Line, time is null
                    ? $"chapter \"{title}\" has no startTime; it was skipped"
                    : $"chapter \"{title}\": startTime '{time}' is not a time; it was skipped");
                continue;
            }
            chapters.Add(new RawChapter(title, start, null, chapter.Line, ChapterOrigin.Explicit));
        }
        return chapters;
    }
}
