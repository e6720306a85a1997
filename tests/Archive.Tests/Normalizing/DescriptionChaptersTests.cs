using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Normalizing;
using Archive.Core.Reading;

namespace Archive.Tests.Normalizing;

public class DescriptionChaptersTests
{
    private static RawEpisode Raw(RawMetadata meta, params (int Seconds, string Text)[] turns) => new()
    {
        Source = new SourceRef("talk.txt", 1),
        Metadata = meta,
        Turns = turns.Select((t, i) => new RawTurn("Ada", TimeSpan.FromSeconds(t.Seconds), null, t.Text, i + 2) { ParagraphBreak = true }).ToList(),
    };

    [Fact]
    public void A_chapter_list_in_the_summary_becomes_the_chapters_and_leaves_the_summary()
    {
        var raw = Raw(new RawMetadata { Title = "Caches", Summary = "Ada on caches. Recorded on 05/23/2025.\n\nChapters:\n0:00 Hello\n1:30 Eviction\n3:00 Goodbye" },
            (0, "Hello."), (95, "Eviction is hard."), (181, "Bye."));
        var episode = EpisodeNormalizer.Normalize(raw, new DiagnosticBag());
        Assert.Equal([("Hello", 0), ("Eviction", 1), ("Goodbye", 2)], episode.Chapters.Select(c => (c.Title, c.FirstParagraph)));
        Assert.Equal("Ada on caches. Recorded on 05/23/2025.", episode.Summary);
        Assert.Equal(new DateOnly(2025, 5, 23), episode.Date);
    }

    [Fact]
    public void A_description_list_comes_after_explicit_chapters_in_trust()
    {
        var raw = Raw(new RawMetadata { Title = "Caches", Description = "Chapters: 00:00 – One 01:00 – Two 02:00 – Three" }, (0, "Hello."), (65, "More."), (130, "End."))
            with { Chapters = [new RawChapter("Given", TimeSpan.Zero, null, 1, ChapterOrigin.Explicit)] };
        Assert.Equal(["Given"], EpisodeNormalizer.Normalize(raw, new DiagnosticBag()).Chapters.Select(c => c.Title));
    }

    [Fact]
    public void Show_notes_without_a_transcript_keep_their_chapter_list()
    {
        var raw = Raw(new RawMetadata { Title = "Caches", Summary = "Chapters: 00:00 – One 01:00 – Two 02:00 – Three" });
        var episode = EpisodeNormalizer.Normalize(raw, new DiagnosticBag());
        Assert.Equal([("One", "00:00"), ("Two", "01:00"), ("Three", "02:00")], episode.Chapters.Select(c => (c.Title, Timecode.Format(c.Start!.Value))));
        Assert.Null(episode.Summary);
    }

    [Fact]
    public void A_truncated_transcript_lists_the_chapters_it_does_not_reach_after_its_end_without_a_duration()
    {
        var raw = Raw(new RawMetadata { Title = "Caches", Description = "Chapters: 00:00 – One 01:00 – Two 09:00 – Three" }, (0, "Hello."), (65, "More, and then the text stops mid"))
            with { Truncated = true };
        var diagnostics = new DiagnosticBag();
        var episode = EpisodeNormalizer.Normalize(raw, diagnostics);
        Assert.Equal([("One", 0), ("Two", 1), ("Three", 2)], episode.Chapters.Select(c => (c.Title, c.FirstParagraph)));
        Assert.Null(episode.Duration);
        Assert.Empty(diagnostics.Items);
    }
}
