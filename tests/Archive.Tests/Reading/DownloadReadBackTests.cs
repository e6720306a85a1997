using Archive.Core.Diagnostics;
using Archive.Core.Loading;
using Archive.Core.Model;
using Archive.Core.Normalizing;
using Archive.Core.Reading;
using Archive.Site.Exporting;
using Archive.Tests.Support;

namespace Archive.Tests.Reading;

/// <summary>
/// The site offers each episode as WebVTT, SRT and Podcasting 2.0 JSON; the archive's own readers
/// must read those downloads back into the episode they came from.
/// </summary>
public class DownloadReadBackTests
{
    public static TheoryData<string, string> Cases()
    {
        var data = new TheoryData<string, string>();
        foreach (var file in InputScanner.Scan(RepoPaths.DemoInput))
            foreach (var exporter in new ITranscriptExporter[] { new WebVttExporter(), new SrtExporter(), new PodcastTranscriptJsonExporter() })
                data.Add(file.RelativePath, exporter.Suffix);
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void A_download_reads_back_into_the_same_paragraphs(string input, string suffix)
    {
        // A listing holds several episodes; each has its downloads.
        var episodes = TranscriptFile.Load(Path.Combine(RepoPaths.DemoInput, input), input).Episodes;
        Assert.NotEmpty(episodes);
        foreach (var original in episodes) ReadsBack(original, suffix);
    }

    private static void ReadsBack(Episode original, string suffix)
    {
        var exporter = TranscriptExporters.All.Single(x => x.Suffix == suffix);
        if (!exporter.CanWrite(original)) return; // untimed episodes have no caption downloads

        var download = new SourceText("episode" + suffix, exporter.Write(original));
        var reader = TranscriptReaders.Detect(download);
        Assert.NotNull(reader);
        var diagnostics = new DiagnosticBag();
        var read = EpisodeNormalizer.Normalize(Assert.Single(reader.Read(download, diagnostics)), diagnostics);

        Assert.DoesNotContain(diagnostics.Items, d => d.Severity == Severity.Error || !d.Message.StartsWith("no title", StringComparison.Ordinal));
        Assert.Equal(original.Paragraphs.Select(Shown), read.Paragraphs.Select(Shown));
    }

    /// <summary>What a download carries of a paragraph: speaker, time to the millisecond, one-line text.</summary>
    private static string Shown(Paragraph p) =>
        $"{p.Speaker} [{(p.Start is { } t ? Timecode.FormatPrecise(t) : "-")}] {string.Join(' ', p.Text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries))}";
}
