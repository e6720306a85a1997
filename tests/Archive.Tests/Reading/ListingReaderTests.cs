using System.Text;
using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Normalizing;
using Archive.Core.Reading;

namespace Archive.Tests.Reading;

public class ListingReaderTests
{
    private const string ShowA = "Harbour Lights: Stories From the Waterfront | Culture | History";
    private const string ShowB = "The Night Shift Podcast";

    private static string Notes(string opening) =>
        opening + " We talk about lighthouses, keepers and the ships they guided through storms along the northern coast. " +
        "Chapters: 00:00 – Welcome 04:10 – The first keeper 19:30 – Storm season 33:00 – Goodbye";

    private static string Listing(params string[] lines) => string.Join('\n', lines) + "\n";

    private static (IReadOnlyList<RawEpisode> Raw, DiagnosticBag Diagnostics) Read(string text)
    {
        var diagnostics = new DiagnosticBag();
        return (new ListingReader().Read(new SourceText("listing.txt", text), diagnostics), diagnostics);
    }

    [Fact]
    public void Detects_episode_lines_with_podcast_names_between_them()
    {
        var text = Listing("NEWEST", ShowA, Notes("A keeper's diary is found."), Notes("The last keeper retires."), ShowB, Notes("A ghost story at the pier."));
        Assert.True(new ListingReader().Detect(new SourceText("x.txt", text)) >= 70);
        Assert.Equal("listing", TranscriptReaders.Detect(new SourceText("x.txt", text))?.Format);
    }

    [Theory]
    [InlineData("Ada: Hello there, this is a long turn about many things that goes on for a while.\nBen: And I reply with another long turn about the same things.\nAda: Then I say more.\nBen: And so do I.")]
    [InlineData("My Essay\n\nA first paragraph that is long enough to look like a description of something.\n\nA second paragraph, also long enough to look like a description of something else.")]
    [InlineData("Title line\n- first highlight of the talk\n- second highlight of the talk\n- third highlight of the talk\nOne more line.")]
    [InlineData("---\ntitle: x\n---\nSome text.")]
    [InlineData("{\n  \"title\": \"A Talk\",\n  \"segments\": [\n    { \"text\": \"Hello there, and welcome to the show.\" },\n    { \"text\": \"Thanks, it is good to be here today.\" }\n  ]\n}")]
    public void Does_not_take_transcripts_or_articles_for_listings(string text) =>
        Assert.Equal(0, new ListingReader().Detect(new SourceText("x.txt", text)));

    [Fact]
    public void No_fixture_of_another_format_is_taken_for_a_listing()
    {
        var others = Directory.EnumerateFiles(Golden.GoldenTests.Folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal) && !f.Contains($"{Path.DirectorySeparatorChar}listing{Path.DirectorySeparatorChar}"))
            .Where(f => !Archive.Core.Loading.InputScanner.IsNotTranscript(Path.GetFileName(f)))
            .ToList();
        Assert.NotEmpty(others);
        foreach (var file in others)
        {
            var decoded = SourceDecoder.Decode(File.ReadAllBytes(file));
            if (decoded.Text is null) continue;
            Assert.True(new ListingReader().Detect(new SourceText(file, decoded.Text)) == 0, file);
        }
        foreach (var seed in new[] { "000", "003", "004" })
            Assert.Equal(0, new ListingReader().Detect(new SourceText(seed, File.ReadAllText(Support.RepoPaths.Seed(seed)))));
    }

    [Fact]
    public void Every_episode_line_is_an_episode_of_the_show_named_before_it()
    {
        var (raw, _) = Read(Listing("POPULARITY", ShowA, Notes("A keeper's diary is found."), Notes("The last keeper retires."), ShowB, Notes("A ghost story at the pier.")));
        Assert.Equal([3, 4, 6], raw.Select(r => r.Source.Line));
        Assert.Equal(["Harbour Lights", "Harbour Lights", "The Night Shift Podcast"], raw.Select(r => r.Metadata.Show));
        Assert.Equal(["A keeper's diary is found", "The last keeper retires", "A ghost story at the pier"], raw.Select(r => TitleText.Clean(r.Metadata.Title!)));
        Assert.All(raw, r => Assert.Equal(["Welcome", "The first keeper", "Storm season", "Goodbye"], r.Chapters.Select(c => c.Title)));
        Assert.All(raw, r => Assert.All(r.Chapters, c => Assert.Equal(ChapterOrigin.Description, c.Origin)));
        Assert.All(raw, r => Assert.DoesNotContain("00:00", r.Metadata.Summary));
    }

    [Fact]
    public void A_line_cut_at_65535_bytes_is_kept_and_marked_truncated_with_a_warning()
    {
        // Multi-byte characters make the cut land a byte or two short of the limit.
        var filler = new StringBuilder(Notes("A very long episode."));
        while (Encoding.UTF8.GetByteCount(filler.ToString()) < ListingReader.FieldLimitBytes - 3) filler.Append(" Ångström");
        var cut = filler.ToString();
        while (Encoding.UTF8.GetByteCount(cut) > ListingReader.FieldLimitBytes) cut = cut[..^1];
        int bytes = Encoding.UTF8.GetByteCount(cut);
        Assert.InRange(bytes, ListingReader.FieldLimitBytes - 3, ListingReader.FieldLimitBytes);

        var (raw, diagnostics) = Read(Listing(ShowA, Notes("A short one."), cut, ShowB, Notes("Another short one.")));
        Assert.Equal([false, true, false], raw.Select(r => r.Truncated));
        var warning = Assert.Single(diagnostics.Items, d => d.Message.Contains("cut off"));
        Assert.Equal(3, warning.Line);
        Assert.Contains($"{bytes:N0} bytes", warning.Message);

        var episode = EpisodeNormalizer.Normalize(raw[1], new DiagnosticBag());
        Assert.True(episode.Truncated);
        Assert.EndsWith(cut[^30..].Trim(), episode.Summary);
    }

    [Fact]
    public void A_transcript_glued_to_the_notes_becomes_speaker_paragraphs()
    {
        var line = Notes("The keeper's logbook is found.") + "TranscriptIris [00:00:00]: Welcome aboard.Olaf [00:00:04]: Glad to be here. [00:01:00] It is windy today.Iris [00:01:10]: It always is.Olaf [00:01:15]: True.";
        var (raw, _) = Read(Listing(ShowA, line, Notes("Another story.")));
        var episode = EpisodeNormalizer.Normalize(raw[0], new DiagnosticBag());
        Assert.Equal(["Iris", "Olaf"], episode.Speakers);
        Assert.Equal(
            [("Iris", "00:00", "Welcome aboard."), ("Olaf", "00:04", "Glad to be here."), ("Olaf", "01:00", "It is windy today."), ("Iris", "01:10", "It always is."), ("Olaf", "01:15", "True.")],
            episode.Paragraphs.Select(p => (p.Speaker, Timecode.Format(p.Start!.Value), p.Text)));
        Assert.DoesNotContain("Transcript", episode.Summary);
        Assert.Equal("The keeper's logbook is found", episode.Title);
    }
}
