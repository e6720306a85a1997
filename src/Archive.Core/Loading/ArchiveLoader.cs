using System.Diagnostics;
using Archive.Core.Config;
using Archive.Core.Diagnostics;
using Archive.Core.Enriching;
using Archive.Core.Model;
using Archive.Core.Normalizing;
using Archive.Core.Reading;

namespace Archive.Core.Loading;

public sealed record LoadOptions(string InputDirectory)
{
    /// <summary>Overrides <c>base_url</c> from archive.yml (the <c>--base-url</c> option).</summary>
    public string? BaseUrl { get; init; }
    /// <summary>Messages name files relative to this folder (the current directory by default).</summary>
    public string? DisplayRoot { get; init; }
    public IReadOnlyList<ITranscriptReader>? Readers { get; init; }
}

/// <summary>Reports stage progress to whoever shows it (the CLI's progress bar).</summary>
public interface IStageProgress
{
    void StageStarted(string stage, int total);
    void Advance(string stage);
}

/// <summary>
/// The load stage: read → parse → normalize → enrich. Each step returns new values; nothing is
/// written. <c>archive check</c> is this alone.
/// </summary>
public static class ArchiveLoader
{
    public static LoadedArchive Load(LoadOptions options, IStageProgress? progress = null)
    {
        var timings = new List<StageTiming>();
        var clock = Stopwatch.StartNew();
        var displayRoot = Path.GetFullPath(options.DisplayRoot ?? Directory.GetCurrentDirectory());
        var configDiagnostics = new DiagnosticBag();
        var config = ArchiveConfigReader.Read(options.InputDirectory, configDiagnostics, DisplayPath(displayRoot, Path.GetFullPath(options.InputDirectory)));
        if (options.BaseUrl is not null) config = config with { BaseUrl = ArchiveConfig.NormalizeBaseUrl(options.BaseUrl) };

        // read: bytes → text
        var files = InputScanner.Scan(options.InputDirectory);
        var perFile = new FileState[files.Count];
        progress?.StageStarted("read", files.Count);
        Parallel.For(0, files.Count, i =>
        {
            perFile[i] = ReadFile(files[i], DisplayPath(displayRoot, files[i].FullPath));
            progress?.Advance("read");
        });
        timings.Add(Lap("read", clock));

        // parse: text → raw episodes
        var readers = options.Readers ?? TranscriptReaders.All;
        progress?.StageStarted("parse", files.Count);
        Parallel.For(0, files.Count, i =>
        {
            Parse(perFile[i], readers);
            progress?.Advance("parse");
        });
        timings.Add(Lap("parse", clock));

        // normalize: raw episodes → episodes
        progress?.StageStarted("normalize", files.Count);
        Parallel.For(0, files.Count, i =>
        {
            Normalize(perFile[i]);
            progress?.Advance("normalize");
        });
        timings.Add(Lap("normalize", clock));

        // enrich: needs every episode at once
        progress?.StageStarted("enrich", 1);
        var enrichDiagnostics = new DiagnosticBag();
        var loaded = perFile.SelectMany((f, fileIndex) => f.Episodes.Select(e => (Episode: e, File: fileIndex))).ToList();
        var enriched = ArchiveEnricher.Enrich(loaded.Select(l => l.Episode).ToList(), config, enrichDiagnostics);
        progress?.Advance("enrich");
        timings.Add(Lap("enrich", clock));

        var reports = new List<SourceFileReport>(files.Count);
        var diagnostics = new List<Diagnostic>(configDiagnostics.Items);
        for (int f = 0; f < perFile.Length; f++)
        {
            var fileDiagnostics = perFile[f].Diagnostics.Items
                .Concat(enrichDiagnostics.Items.Where(d => d.Path == perFile[f].DisplayPath))
                .ToList();
            var indexes = enriched.InputIndexes
                .Select((file, index) => (file, index))
                .Where(x => loaded[x.file].File == f)
                .Select(x => x.index)
                .ToList();
            reports.Add(new SourceFileReport(perFile[f].DisplayPath, perFile[f].Format, indexes, fileDiagnostics));
            diagnostics.AddRange(fileDiagnostics);
        }
        var filePaths = perFile.Select(f => f.DisplayPath).ToHashSet();
        diagnostics.AddRange(enrichDiagnostics.Items.Where(d => !filePaths.Contains(d.Path)));

        return new LoadedArchive
        {
            Config = config,
            Episodes = enriched.Episodes,
            Files = reports,
            Topics = enriched.Topics,
            People = enriched.People,
            Shows = enriched.Shows,
            Diagnostics = diagnostics,
            Timings = timings,
        };
    }

    /// <summary>The path as the user would type it from where they are; '/' separated.</summary>
    public static string DisplayPath(string displayRoot, string fullPath)
    {
        var relative = Path.GetRelativePath(displayRoot, fullPath);
        return (relative.StartsWith("..", StringComparison.Ordinal) ? fullPath : relative).Replace('\\', '/');
    }

    private static StageTiming Lap(string stage, Stopwatch clock)
    {
        var t = new StageTiming(stage, clock.Elapsed);
        clock.Restart();
        return t;
    }

    /// <summary>One file's way through the stages; each stage fills in its part.</summary>
    private sealed class FileState(InputScanner.InputFile file, string displayPath)
    {
        public InputScanner.InputFile File { get; } = file;
        public string DisplayPath { get; } = displayPath;
        public DiagnosticBag Diagnostics { get; } = new();
        public SourceText? Source { get; set; }
        public string? Format { get; set; }
        public IReadOnlyList<RawEpisode> Raw { get; set; } = [];
        public IReadOnlyList<Episode> Episodes { get; set; } = [];
    }

    private static FileState ReadFile(InputScanner.InputFile file, string displayPath)
    {
        var state = new FileState(file, displayPath);
        try
        {
            var info = new FileInfo(file.FullPath);
            if (info.Length > SourceDecoder.MaxBytes)
            {
                state.Diagnostics.Error(displayPath, 1,
                    $"the file is {info.Length / (1024 * 1024)} MB; transcripts are read up to {SourceDecoder.MaxBytes / (1024 * 1024)} MB, so it was skipped");
                return state;
            }
            var bytes = File.ReadAllBytes(file.FullPath);
            var decoded = SourceDecoder.Decode(bytes);
            if (decoded.Problem is not null)
            {
                if (decoded.IsError) state.Diagnostics.Error(displayPath, decoded.ProblemLine, decoded.Problem);
                else state.Diagnostics.Warn(displayPath, decoded.ProblemLine, decoded.Problem);
            }
            if (decoded.Text is not null)
                state.Source = new SourceText(displayPath, decoded.Text, decoded.EncodingName, file.FullPath);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            state.Diagnostics.Error(displayPath, 1, $"cannot read the file: {ex.Message}");
        }
        return state;
    }

    private static void Parse(FileState state, IReadOnlyList<ITranscriptReader> readers)
    {
        if (state.Source is null) return;
        try
        {
            if (state.Source.Text.Trim().Length == 0)
            {
                state.Diagnostics.Error(state.DisplayPath, 1, "the file holds only whitespace; there is no transcript to read");
                return;
            }
            var reader = TranscriptReaders.Detect(state.Source, readers);
            if (reader is null)
            {
                state.Diagnostics.Error(state.DisplayPath, 1,
                    $"cannot tell what kind of transcript this is; the formats read are: {string.Join(", ", readers.Select(r => r.Format))} (see docs/formats.md)");
                return;
            }
            state.Format = reader.Format;
            state.Raw = reader.Read(state.Source, state.Diagnostics);
        }
        catch (Exception ex)
        {
            // Readers must not throw; if one does, the other files still build.
            state.Diagnostics.Error(state.DisplayPath, 1, $"the {state.Format ?? "format"} reader failed unexpectedly ({ex.GetType().Name}: {ex.Message}); please report this with the file");
            state.Raw = [];
        }
        finally
        {
            state.Source = null; // the text is not needed past this stage
        }
    }

    private static void Normalize(FileState state)
    {
        var episodes = new List<Episode>(state.Raw.Count);
        foreach (var raw in state.Raw)
        {
            try
            {
                episodes.Add(EpisodeNormalizer.Normalize(raw, state.Diagnostics));
            }
            catch (Exception ex)
            {
                state.Diagnostics.Error(state.DisplayPath, raw.Source.Line, $"normalizing this episode failed unexpectedly ({ex.GetType().Name}: {ex.Message}); please report this with the file");
            }
        }
        state.Episodes = episodes;
        state.Raw = [];
    }
}
