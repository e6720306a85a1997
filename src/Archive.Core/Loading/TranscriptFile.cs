using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Normalizing;
using Archive.Core.Reading;

namespace Archive.Core.Loading;

/// <summary>
/// One input file on its way through read → parse → normalize. The loader runs each step over all
/// files in parallel; golden tests and tools run the steps for a single file with <see cref="Load"/>.
/// Each step fills in its part and drops what the next steps no longer need.
/// </summary>
public sealed class TranscriptFile(string fullPath, string displayPath)
{
    public string FullPath { get; } = fullPath;
    /// <summary>The path messages show.</summary>
    public string DisplayPath { get; } = displayPath;
    public DiagnosticBag Diagnostics { get; } = new();
    /// <summary>The decoded text, between read and parse.</summary>
    public SourceText? Source { get; private set; }
    /// <summary>The reader that recognized the file, once parsed.</summary>
    public string? Format { get; private set; }
    /// <summary>What the reader found, between parse and normalize.</summary>
    public IReadOnlyList<RawEpisode> Raw { get; private set; } = [];
    public IReadOnlyList<Episode> Episodes { get; private set; } = [];

    /// <summary>All three steps for one file.</summary>
    public static TranscriptFile Load(string fullPath, string displayPath, IReadOnlyList<ITranscriptReader>? readers = null)
    {
        var file = new TranscriptFile(fullPath, displayPath);
        file.Read();
        file.Parse(readers ?? TranscriptReaders.All);
        file.Normalize();
        return file;
    }

    /// <summary>The file's bytes, between <see cref="ReadBytes"/> and <see cref="Decode"/> or <see cref="Restore"/>, which give their buffer back.</summary>
    private PooledFileBytes? _bytes;

    /// <summary>
    /// The load-cache key of the bytes <see cref="ReadBytes"/> read, or null when there are none (unreadable,
    /// too large, or already decoded). The bytes stay in here: they are in a pooled buffer, which a
    /// span handed out could outlive.
    /// </summary>
    public string? CacheKey(LoadCache cache, IReadOnlyList<string> sidecars) =>
        _bytes is null ? null : cache.KeyOf(_bytes.Span, DisplayPath, sidecars);

    /// <summary>read: bytes → text, refusing what is not a transcript's text.</summary>
    public void Read()
    {
        ReadBytes();
        Decode();
    }

    /// <summary>The first half of read: the bytes, which the load cache hashes before anything is decoded.</summary>
    public void ReadBytes()
    {
        try
        {
            _bytes = PooledFileBytes.Read(FullPath, SourceDecoder.MaxBytes, out long length);
            if (_bytes is null)
                Diagnostics.Error(DisplayPath, 1,
                    $"the file is {length / (1024 * 1024)} MB; transcripts are read up to {SourceDecoder.MaxBytes / (1024 * 1024)} MB, so it was skipped");
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            Diagnostics.Error(DisplayPath, 1, $"cannot read the file: {ex.Message}");
        }
    }

    /// <summary>The second half of read: bytes → text.</summary>
    public void Decode()
    {
        if (_bytes is null) return;
        var decoded = SourceDecoder.Decode(_bytes.Span);
        ReleaseBytes();
        if (decoded.Problem is not null)
        {
            if (decoded.IsError) Diagnostics.Error(DisplayPath, decoded.ProblemLine, decoded.Problem);
            else Diagnostics.Warn(DisplayPath, decoded.ProblemLine, decoded.Problem);
        }
        if (decoded.Text is not null)
            Source = new SourceText(DisplayPath, decoded.Text, decoded.EncodingName, FullPath);
    }

    /// <summary>What the three steps made of the file, for the load cache.</summary>
    public LoadedFile Result => new(Format, Episodes, Diagnostics.Items.ToList());

    /// <summary>Takes the result of an earlier load of the same bytes instead of parsing them again.</summary>
    public void Restore(LoadedFile cached)
    {
        ReleaseBytes();
        Format = cached.Format;
        Episodes = cached.Episodes;
        Diagnostics.AddRange(cached.Diagnostics);
    }

    private void ReleaseBytes()
    {
        _bytes?.Dispose();
        _bytes = null;
    }

    /// <summary>parse: text → raw episodes, with the reader that recognizes the content.</summary>
    public void Parse(IReadOnlyList<ITranscriptReader> readers)
    {
        if (Source is null) return;
        try
        {
            if (Source.Text.Trim().Length == 0)
            {
                Diagnostics.Error(DisplayPath, 1, "the file holds only whitespace; there is no transcript to read");
                return;
            }
            var reader = TranscriptReaders.Detect(Source, readers);
            if (reader is null)
            {
                Diagnostics.Error(DisplayPath, 1,
                    $"cannot tell what kind of transcript this is; the formats read are: {string.Join(", ", readers.Select(r => r.Format))} (see docs/formats.md)");
                return;
            }
            Format = reader.Format;
            Raw = reader.Read(Source, Diagnostics);
            Raw = TranscriptSidecars.Apply(Raw, FullPath, DisplayPath, Diagnostics);
        }
        catch (Exception ex)
        {
            // Readers must not throw; if one does, the other files still build.
            Diagnostics.Error(DisplayPath, 1, $"the {Format ?? "format"} reader failed unexpectedly ({ex.GetType().Name}: {ex.Message}); please report this with the file");
            Raw = [];
        }
        finally
        {
            Source = null;
        }
    }

    /// <summary>normalize: raw episodes → episodes.</summary>
    public void Normalize()
    {
        var episodes = new List<Episode>(Raw.Count);
        foreach (var raw in Raw)
        {
            try
            {
                episodes.Add(EpisodeNormalizer.Normalize(raw, Diagnostics));
            }
            catch (Exception ex)
            {
                Diagnostics.Error(DisplayPath, raw.Source.Line, $"normalizing this episode failed unexpectedly ({ex.GetType().Name}: {ex.Message}); please report this with the file");
            }
        }
        Episodes = episodes;
        Raw = [];
        NotesOnlyEpisodes.Report(episodes, DisplayPath, Diagnostics);
    }
}
