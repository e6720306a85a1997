using Archive.Core.Loading;
using Archive.Core.Model;
using Archive.Site.Exporting;
using Archive.Tests.Support;

namespace Archive.Tests.Exporting;

/// <summary>
/// Every download of an episode, read back by the archive's own readers, gives the same episode:
/// its paragraphs (speaker, start, text) and chapters, and what else the format carries.
/// </summary>
public class ExportRoundTripTests
{
    /// <summary>The transcript formats; the chapters file goes beside each, as the sidecar readers expect.</summary>
    public static TheoryData<string> Exporters() => new(".txt", ".vtt", ".srt", ".json");

    private static readonly Lazy<LoadedArchive> Demo = new(() => ArchiveLoader.Load(new LoadOptions(RepoPaths.DemoInput)));

    [Theory]
    [MemberData(nameof(Exporters))]
    public void Every_demo_episode_reads_back_the_same(string suffix)
    {
        var exporter = TranscriptExporters.All.Single(x => x.Suffix == suffix);
        var chapters = new PodcastChaptersJsonExporter();
        var checkedEpisodes = 0;
        foreach (var original in Demo.Value.Episodes.Select(e => e.Episode).Where(exporter.CanWrite))
        {
            using var temp = new TempFolder("roundtrip");
            var input = temp.Combine("input");
            Directory.CreateDirectory(input);
            File.WriteAllText(Path.Combine(input, "episode" + suffix), exporter.Write(original));
            // Formats without chapters take them from the Podcasting 2.0 chapters file beside them.
            if (suffix != ".txt" && chapters.CanWrite(original))
                File.WriteAllText(Path.Combine(input, "episode" + chapters.Suffix), chapters.Write(original));
            var loaded = ArchiveLoader.Load(new LoadOptions(input));
            Assert.True(loaded.ErrorCount == 0, string.Join("\n", loaded.Diagnostics));
            var back = Assert.Single(loaded.Episodes).Episode;
            AssertSame(original, back, suffix);
            checkedEpisodes++;
        }
        Assert.True(checkedEpisodes >= 5, $"only {checkedEpisodes} demo episodes can be written as {suffix}");
    }

    private static void AssertSame(Episode original, Episode back, string suffix)
    {
        var what = $"{original.Title} as {suffix}";
        Assert.True(Paragraphs(original).SequenceEqual(Paragraphs(back)),
            $"{what}: paragraphs differ\n--- written\n{string.Join("\n", Paragraphs(original))}\n--- read back\n{string.Join("\n", Paragraphs(back))}");
        Assert.True(Chapters(original).SequenceEqual(Chapters(back)),
            $"{what}: chapters differ\n--- written\n{string.Join("\n", Chapters(original))}\n--- read back\n{string.Join("\n", Chapters(back))}");
        if (suffix == ".txt")
        {
            // Plain text is the archive's own format: it carries the metadata too.
            Assert.Equal(original.Title, back.Title);
            Assert.Equal(original.Show, back.Show);
            Assert.Equal(original.Date, back.Date);
            Assert.Equal(original.Duration, back.Duration);
            Assert.Equal(original.Speakers, back.Speakers);
            Assert.Equal(original.Topics, back.Topics);
            Assert.Equal(original.MediaUrl, back.MediaUrl);
            Assert.Equal(original.Summary, back.Summary);
        }
    }

    private static IEnumerable<string> Paragraphs(Episode e) =>
        e.Paragraphs.Select(p => $"{(p.Start is { } t ? Timecode.FormatPrecise(t) : "-")} {p.Speaker}: {p.Text}");

    private static IEnumerable<string> Chapters(Episode e) =>
        e.Chapters.Select(c => $"{c.FirstParagraph} {(PodcastChaptersJsonExporter.StartOf(e, c) is { } t ? Timecode.FormatPrecise(t) : "-")} {c.Title}");
}
