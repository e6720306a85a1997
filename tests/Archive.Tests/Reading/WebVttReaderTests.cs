using Archive.Core.Model;
using Archive.Core.Reading;
using static Archive.Tests.Reading.ReaderTestKit;

namespace Archive.Tests.Reading;

public class WebVttReaderTests
{
    private static readonly WebVttReader Reader = new();

    [Fact]
    public void Detects_the_header_from_content_whatever_the_extension()
    {
        Assert.Equal(100, Reader.Detect(new SourceText("talk.txt", "WEBVTT\n\n00:01.000 --> 00:02.000\nHi")));
        Assert.Equal(100, Reader.Detect(new SourceText("talk.txt", "\n\nWEBVTT - Some title\n")));
        Assert.Equal(0, Reader.Detect(new SourceText("talk.txt", "WEBVTTX\n")));
        Assert.Equal(0, Reader.Detect(new SourceText("talk.txt", "1\n00:00:01,000 --> 00:00:02,000\nHi\n")));
        Assert.Equal(70, Reader.Detect(new SourceText("talk.vtt", "00:00:01.000 --> 00:00:02.000\nHi\n")));
    }

    [Fact]
    public void Notes_styles_regions_ids_and_settings_never_reach_the_text()
    {
        var (e, diagnostics) = ReadOne(Reader, "a.vtt", """
            WEBVTT
            Kind: captions

            NOTE this is a comment
            spanning two lines

            STYLE
            ::cue { color: lime }

            REGION
            id:fred

            cue-one
            00:01.000 --> 00:02.500 align:start line:0 region:fred
            <v Priya Raman>Hello from the region.

            NOTE
            another note

            2
            01:00:03.000 --> 01:00:04.000
            <v Priya Raman>An hour later.
            """);
        Assert.Equal("Hello from the region. An hour later.", AllText(e));
        Assert.Equal(["Priya Raman"], e.Speakers);
        Assert.Equal(TimeSpan.FromSeconds(1), e.Paragraphs[0].Start);
        Assert.DoesNotContain(diagnostics.Items, d => d.Message.Contains("cue"));
    }

    [Fact]
    public void Youtube_auto_captions_give_each_word_once()
    {
        var (e, _) = ReadOne(Reader, "yt.vtt", """
            WEBVTT
            Kind: captions
            Language: en

            00:00:00.000 --> 00:00:02.000 align:start position:0%
             
            open<00:00:00.500><c> source</c><00:00:01.000><c> needs</c>

            00:00:02.000 --> 00:00:02.010 align:start position:0%
            open source needs
             

            00:00:02.010 --> 00:00:04.000 align:start position:0%
            open source needs
            maintainers<00:00:02.500><c> who</c><00:00:03.000><c> sleep</c>

            00:00:04.000 --> 00:00:04.010 align:start position:0%
            maintainers who sleep
             

            00:00:04.010 --> 00:00:06.000 align:start position:0%
            maintainers who sleep
            at<00:00:04.500><c> night</c>
            """);
        Assert.Equal("open source needs maintainers who sleep at night", AllText(e));
        Assert.Equal(TimeSpan.Zero, e.Paragraphs[0].Start);
        Assert.Equal(TimeSpan.FromSeconds(6), e.Duration);
    }

    [Fact]
    public void Consecutive_cues_are_joined_into_sentences_and_voices_start_paragraphs()
    {
        var (e, _) = ReadOne(Reader, "a.vtt", """
            WEBVTT

            00:01.000 --> 00:03.000
            <v Maya Okafor>We kept the old

            00:03.000 --> 00:05.000
            <v Maya Okafor>index for a week.

            00:05.000 --> 00:06.000
            <v Tom Brandt>Why a week?
            """);
        Assert.Equal(
        [
            new Paragraph("Maya Okafor", TimeSpan.FromSeconds(1), "We kept the old index for a week."),
            new Paragraph("Tom Brandt", TimeSpan.FromSeconds(5), "Why a week?"),
        ], e.Paragraphs);
    }

    [Fact]
    public void Cues_running_backwards_are_put_in_order_with_one_warning_at_the_first()
    {
        var (e, diagnostics) = ReadOne(Reader, "a.vtt", """
            WEBVTT

            00:10.000 --> 00:12.000
            <v Ana>One.

            00:05.000 --> 00:06.000
            <v Ben>Two.

            00:04.000 --> 00:05.000
            <v Ana>Three.

            00:20.000 --> 00:21.000
            <v Ben>Four.
            """);
        Assert.Equal(["One.", "Two.", "Three.", "Four."], e.Paragraphs.Select(p => p.Text));
        var starts = e.Paragraphs.Select(p => p.Start!.Value).ToList();
        Assert.Equal(starts.Order(), starts);
        var warning = Assert.Single(diagnostics.Items, d => d.Message.Contains("backwards"));
        Assert.Equal(6, warning.Line);
        Assert.Contains("2 cue starts moved forward", warning.Message);
    }

    [Fact]
    public void A_timing_that_does_not_parse_keeps_the_text_and_names_the_line()
    {
        var (e, diagnostics) = ReadOne(Reader, "a.vtt", "WEBVTT\n\n00:01.000 --> 00:02.000\nFine.\n\n00:0x.000 --> 00:04.000\nStill here.\n");
        Assert.Contains("Still here.", AllText(e));
        var warning = Assert.Single(diagnostics.Items, d => d.Message.Contains("does not parse"));
        Assert.Equal(6, warning.Line);
    }

    [Fact]
    public void Long_cues_ending_sentences_are_kept_as_paragraphs()
    {
        var sentence = "This sentence has exactly ten words in it, you see. ";
        var cue1 = string.Concat(Enumerable.Repeat(sentence, 4)).Trim();
        var (e, _) = ReadOne(Reader, "a.vtt", $"WEBVTT\n\n00:00.000 --> 00:30.000\n<v Ana>{cue1}\n\n00:30.000 --> 01:00.000\n<v Ana>{cue1}\n");
        Assert.Equal(2, e.Paragraphs.Count);
        Assert.Equal(TimeSpan.FromSeconds(30), e.Paragraphs[1].Start);
    }
}
