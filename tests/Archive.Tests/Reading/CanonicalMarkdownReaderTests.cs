using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Normalizing;
using Archive.Core.Reading;

namespace Archive.Tests.Reading;

public class CanonicalMarkdownReaderTests
{
    private const string Sample = """
        ---
        title: "A Talk About Tests"
        show: The Workbench
        date: 2025-03-14
        speakers: [Ada Park, Ben Ortiz]
        topics: [testing, golden files]
        summary: |
          Ada and Ben talk about **golden** tests.
        media: https://media.example.org/wb/7.mp3
        duration: "00:10:00"
        chapters:
          - time: "00:00:00"
            title: Hello
          - time: "00:04:55"
            title: Golden files
        ---

        ## Hello

        **[00:00:00] Ada Park:** Welcome to the Workbench.
        This line continues the same paragraph.

        **[00:00:07] Ben Ortiz:** Thanks, Ada.

        A second paragraph by Ben, without its own time.

        ## Golden files

        **[00:05:02] Ada Park:** Let's talk about \*golden\* files.
        """;

    private static (Episode Episode, DiagnosticBag Diagnostics) Read(string text)
    {
        var diagnostics = new DiagnosticBag();
        var raw = new CanonicalMarkdownReader().Read(new SourceText("talk.md", text), diagnostics);
        return (EpisodeNormalizer.Normalize(Assert.Single(raw), diagnostics), diagnostics);
    }

    [Fact]
    public void Detects_its_own_format_with_certainty()
    {
        Assert.True(new CanonicalMarkdownReader().Detect(new SourceText("x.txt", Sample)) >= 90);
        Assert.Equal(0, new CanonicalMarkdownReader().Detect(new SourceText("x.md", "Just some text.\nAnd more.")));
    }

    [Fact]
    public void Gives_the_episode_the_file_describes_exactly()
    {
        var (e, diagnostics) = Read(Sample);
        Assert.Empty(diagnostics.Items);
        Assert.Equal("A Talk About Tests", e.Title);
        Assert.Equal("The Workbench", e.Show);
        Assert.Equal(new DateOnly(2025, 3, 14), e.Date);
        Assert.Equal(TimeSpan.FromMinutes(10), e.Duration);
        Assert.Equal(["Ada Park", "Ben Ortiz"], e.Speakers);
        Assert.Equal(["testing", "golden files"], e.Topics);
        Assert.Equal("Ada and Ben talk about **golden** tests.", e.Summary);
        Assert.Equal("https://media.example.org/wb/7.mp3", e.MediaUrl);

        Assert.Equal(
        [
            new Paragraph("Ada Park", TimeSpan.Zero, "Welcome to the Workbench. This line continues the same paragraph."),
            new Paragraph("Ben Ortiz", TimeSpan.FromSeconds(7), "Thanks, Ada."),
            new Paragraph("Ben Ortiz", null, "A second paragraph by Ben, without its own time."),
            new Paragraph("Ada Park", TimeSpan.FromSeconds(302), "Let's talk about *golden* files."),
        ], e.Paragraphs);

        // The front matter gives each chapter its time; the heading gives its place.
        Assert.Equal(
        [
            new Chapter("Hello", TimeSpan.Zero, 0),
            new Chapter("Golden files", TimeSpan.FromSeconds(295), 3),
        ], e.Chapters);
    }

    [Fact]
    public void Headings_without_front_matter_chapters_take_their_first_paragraph_time()
    {
        var (e, _) = Read("""
            **[00:00:00] Ada:** Hi.

            ## Part two

            **[00:02:10] Ben:** Hello.
            """);
        Assert.Equal([new Chapter("Part two", TimeSpan.FromSeconds(130), 1)], e.Chapters);
    }

    [Fact]
    public void Front_matter_chapters_without_headings_are_placed_by_time()
    {
        var (e, _) = Read("""
            ---
            chapters:
              - { time: "00:01:00", title: Later }
            ---
            **[00:00:00] Ada:** Hi.

            **[00:00:59.500] Ben:** Still early.

            **[00:01:30] Ada:** Later now.
            """);
        Assert.Equal([new Chapter("Later", TimeSpan.FromMinutes(1), 1)], e.Chapters);
    }

    [Fact]
    public void Malformed_yaml_is_reported_at_its_line_and_the_transcript_still_read()
    {
        var (e, diagnostics) = Read("""
            ---
            title: Fine
            speakers: [unclosed
            ---
            **[00:00:01] Ada:** The words survive.
            """);
        var error = Assert.Single(diagnostics.Items, d => d.Severity == Severity.Error);
        Assert.Equal("talk.md", error.Path);
        Assert.Equal(3, error.Line);
        Assert.Contains("not valid YAML (the '[' opened on this line is never closed)", error.Message);
        Assert.Equal("The words survive.", Assert.Single(e.Paragraphs).Text);
    }

    [Fact]
    public void An_unclosed_front_matter_is_an_error_naming_line_one()
    {
        var diagnostics = new DiagnosticBag();
        new CanonicalMarkdownReader().Read(new SourceText("t.md", "---\ntitle: x\n**[00:00:01] A:** hi"), diagnostics);
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(1, error.Line);
        Assert.Contains("never closed", error.Message);
    }

    [Fact]
    public void Bad_times_and_dates_are_warned_about_with_their_line()
    {
        var (e, diagnostics) = Read("""
            ---
            date: someday
            ---
            **[00:99:00] Ada:** Broken time.
            """);
        Assert.Null(e.Date);
        Assert.Contains(diagnostics.Items, d => d.Line == 2 && d.Message.Contains("someday"));
        Assert.Contains(diagnostics.Items, d => d.Line == 4 && d.Message.Contains("00:99:00"));
        Assert.Null(Assert.Single(e.Paragraphs).Start);
    }

    [Fact]
    public void Times_running_backwards_are_repaired_with_a_warning()
    {
        var (e, diagnostics) = Read("""
            **[00:01:00] Ada:** One.

            **[00:00:30] Ben:** Two, earlier by mistake.

            **[00:02:00] Ada:** Three.
            """);
        Assert.Equal([TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(1), TimeSpan.FromMinutes(2)], e.Paragraphs.Select(p => p.Start!.Value));
        var warning = Assert.Single(diagnostics.Items, d => d.Message.Contains("backwards"));
        Assert.Equal(3, warning.Line);
        Assert.Contains("backwards", warning.Message);
    }

    [Fact]
    public void A_title_comes_from_a_top_heading_when_front_matter_has_none()
    {
        var (e, _) = Read("""
            # The Heading Title

            **[00:00:00] Ada:** Hi.

            **[00:00:02] Ben:** Hello.
            """);
        Assert.Equal("The Heading Title", e.Title);
        Assert.Empty(e.Chapters);
    }
}
