using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Normalizing;
using Archive.Core.Reading;
using Archive.Core.Writing;

namespace Archive.Tests.Writing;

public class CanonicalMarkdownWriterTests
{
    private static Episode ReadBack(string markdown)
    {
        var source = new SourceText("e.md", markdown);
        Assert.IsType<CanonicalMarkdownReader>(TranscriptReaders.Detect(source));
        var diagnostics = new DiagnosticBag();
        var e = EpisodeNormalizer.Normalize(Assert.Single(new CanonicalMarkdownReader().Read(source, diagnostics)), diagnostics);
        Assert.Empty(diagnostics.Items);
        return e;
    }

    private static readonly Episode Awkward = new()
    {
        Title = "C# \"Quotes\" & \\ Backslashes: A Title",
        Show = "Show: With Colon",
        Date = new DateOnly(2025, 3, 4),
        Duration = TimeSpan.FromMilliseconds(125_250),
        Speakers = ["Listed But Silent", "Ana Lima", "Ben"],
        Topics = ["c#", "yaml: edge cases"],
        Summary = "Two lines of **Markdown**,\n\n  - one indented item\nand a tab\there.",
        MediaUrl = "https://media.example.org/a.mp3?x=1&y=2",
        Truncated = true,
        RequestedSlug = "awkward",
        Chapters = [new Chapter("Start #1 ##", TimeSpan.Zero, 0), new Chapter("Same place", TimeSpan.FromSeconds(1), 0), new Chapter("Untimed", null, 3)],
        Paragraphs =
        [
            new Paragraph("Ana Lima", TimeSpan.Zero, "**[00:00:01] Fake:** not a label, # not a heading"),
            new Paragraph("Ana Lima", null, "1. not a list, \\* a backslash and a star"),
            new Paragraph(null, TimeSpan.FromSeconds(62.5), "nobody knows who said this"),
            new Paragraph(null, null, "--- and this"),
            new Paragraph("Ben", TimeSpan.FromSeconds(90), "> not a quote <b>not html</b>"),
        ],
        Source = new SourceRef("x", 1),
    };

    [Fact]
    public void Everything_an_episode_holds_survives_the_way_through_canonical_markdown()
    {
        var markdown = CanonicalMarkdownWriter.Write(Awkward);
        Assert.Equal(EpisodeJson.Serialize(Awkward), EpisodeJson.Serialize(ReadBack(markdown)));
        Assert.Equal("awkward", ReadBack(markdown).RequestedSlug);
        Assert.Contains("\n**[00:01:02.500] ?:** nobody knows who said this\n", markdown);
        Assert.Contains("\n## Start \\#1 \\#\\#\n", markdown);
    }

    [Fact]
    public void A_continuing_paragraph_has_no_label_and_the_speaker_list_is_left_out_when_it_is_the_speaking_order()
    {
        var e = new Episode
        {
            Title = "Plain",
            Speakers = ["Ana", "Ben"],
            Paragraphs = [new Paragraph("Ana", TimeSpan.Zero, "One."), new Paragraph("Ana", null, "Two."), new Paragraph("Ben", TimeSpan.FromSeconds(3), "Three.")],
            Source = new SourceRef("x", 1),
        };
        Assert.Equal("""
            ---
            title: "Plain"
            ---

            **[00:00:00] Ana:** One.

            Two.

            **[00:00:03] Ben:** Three.

            """.ReplaceLineEndings("\n"), CanonicalMarkdownWriter.Write(e));
    }

    [Fact]
    public void A_transcript_without_speakers_or_times_still_reads_as_the_canonical_format()
    {
        var e = new Episode
        {
            Title = "Untimed",
            Paragraphs = [new Paragraph(null, null, "First paragraph."), new Paragraph(null, null, "Second paragraph.")],
            Source = new SourceRef("x", 1),
        };
        var markdown = CanonicalMarkdownWriter.Write(e);
        Assert.StartsWith("**?:** First paragraph.", markdown.Split("---\n\n")[1]);
        Assert.Equal(e.Paragraphs, ReadBack(markdown).Paragraphs);
    }

    [Fact]
    public void The_question_mark_label_clears_the_speaker_in_hand_written_files_too()
    {
        var e = ReadBack("---\ntitle: Unknowns\n---\n**[00:00:01] Ana:** Hi.\n\n**?:** Someone in the room.\n\nStill them.\n\n**[00:00:09]** Later, still unknown.\n");
        Assert.Equal(["Ana", null, null, null], e.Paragraphs.Select(p => p.Speaker));
    }
}
