using Archive.Core.Model;
using Archive.Core.Reading;
using static Archive.Tests.Reading.ReaderTestKit;

namespace Archive.Tests.Reading;

public class SrtReaderTests
{
    private static readonly SrtReader Reader = new();

    [Fact]
    public void Detects_numbered_cues_from_content()
    {
        Assert.Equal(90, Reader.Detect(new SourceText("a.txt", "1\n00:00:01,000 --> 00:00:02,000\nHi\n")));
        Assert.Equal(90, Reader.Detect(new SourceText("a.srt", "00:00:01,000 --> 00:00:02,000\nHi\n")));
        Assert.Equal(0, Reader.Detect(new SourceText("a.srt", "Just text.\n")));
        // A speech-to-text dump has text after its range: not SRT.
        Assert.Equal(0, Reader.Detect(new SourceText("a.txt", "[00:00:00.000 --> 00:00:02.000]  Hello\n[00:00:02.000 --> 00:00:04.000]  there\n")));
    }

    [Fact]
    public void Numbering_gaps_crlf_tags_and_multi_line_cues_are_read()
    {
        var (e, diagnostics) = ReadOne(Reader, "a.srt",
            "3\r\n00:00:01,000 --> 00:00:03,000\r\n<i>The first</i>\r\n<font color=\"red\">line.</font>\r\n\r\n" +
            "17\r\n00:00:03,000 --> 00:00:05,000 X1:10 X2:20 Y1:5 Y2:9\r\n{\\an8}The second.\r\n");
        Assert.DoesNotContain(diagnostics.Items, d => !d.Message.Contains("no title"));
        Assert.Equal("The first line. The second.", AllText(e));
        Assert.Equal(TimeSpan.FromSeconds(5), e.Duration);
    }

    [Fact]
    public void Speaker_labels_are_names_when_capitalised_generic_or_repeated()
    {
        var (e, _) = ReadOne(Reader, "a.srt", """
            1
            00:00:01,000 --> 00:00:02,000
            MAYA OKAFOR: Ready?

            2
            00:00:02,000 --> 00:00:03,000
            Speaker 2: Ready.

            3
            00:00:03,000 --> 00:00:04,000
            Tom: Me too.

            4
            00:00:04,000 --> 00:00:05,000
            Tom: Go.

            5
            00:00:05,000 --> 00:00:06,000
            Warning: this is not a name.
            """);
        Assert.Equal(["Maya Okafor", "Speaker 2", "Tom"], e.Speakers);
        Assert.Equal("Me too. Go. Warning: this is not a name.", string.Join(" ", e.Paragraphs.Where(p => p.Speaker == "Tom").Select(p => p.Text)));
    }

    [Fact]
    public void Where_most_cues_open_with_a_label_a_name_said_once_is_a_speaker_too()
    {
        var (e, _) = ReadOne(Reader, "a.srt", """
            1
            00:00:01,000 --> 00:00:02,000
            Maya Okafor: Our guest today is Lena.

            2
            00:00:02,000 --> 00:00:03,000
            Lena Hoffmann: Hello, everyone.

            3
            00:00:03,000 --> 00:00:04,000
            Maya Okafor: Tell us about: the pipeline.
            """);
        Assert.Equal(["Maya Okafor", "Lena Hoffmann"], e.Speakers);
    }

    [Fact]
    public void Dialogue_dashes_and_chevrons_start_a_new_unnamed_speaker()
    {
        var (e, _) = ReadOne(Reader, "a.srt", "1\n00:00:01,000 --> 00:00:03,000\n- Coffee?\n- Please.\n\n2\n00:00:03,000 --> 00:00:04,000\nBlack. >> Of course.\n");
        Assert.Equal(["Coffee?", "Please. Black.", "Of course."], e.Paragraphs.Select(p => p.Text));
        Assert.All(e.Paragraphs, p => Assert.Null(p.Speaker));
    }

    [Fact]
    public void A_missing_blank_line_and_a_blank_line_inside_a_cue_lose_no_text()
    {
        var (e, diagnostics) = ReadOne(Reader, "a.srt", "1\n00:00:01,000 --> 00:00:02,000\nOne.\n2\n00:00:02,000 --> 00:00:03,000\nTwo.\n\nand a half.\n\n3\n00:00:03,000 --> 00:00:04,000\nThree.\n");
        Assert.Equal("One. Two. and a half. Three.", AllText(e));
        var warning = Assert.Single(diagnostics.Items, d => d.Message.Contains("without a cue timing"));
        Assert.Equal(8, warning.Line);
    }

    [Fact]
    public void Overlapping_cues_are_cut_with_one_warning()
    {
        var (_, diagnostics) = ReadOne(Reader, "a.srt", "1\n00:00:01,000 --> 00:00:05,000\nA.\n\n2\n00:00:02,000 --> 00:00:06,000\nB.\n\n3\n00:00:03,000 --> 00:00:07,000\nC.\n");
        var warning = Assert.Single(diagnostics.Items, d => d.Message.Contains("previous cue ends"));
        Assert.Equal(6, warning.Line);
        Assert.StartsWith("2 cues", warning.Message);
    }
}
