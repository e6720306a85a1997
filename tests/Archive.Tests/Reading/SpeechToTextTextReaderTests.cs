using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Normalizing;
using Archive.Core.Reading;

namespace Archive.Tests.Reading;

public class SpeechToTextTextReaderTests
{
    private static (Episode Episode, DiagnosticBag Diagnostics) Read(string text)
    {
        var diagnostics = new DiagnosticBag();
        var raw = new SpeechToTextTextReader().Read(new SourceText("dump.txt", text), diagnostics);
        return (EpisodeNormalizer.Normalize(Assert.Single(raw), diagnostics), diagnostics);
    }

    [Theory]
    [InlineData("[00:00:00.920 --> 00:00:03.980]   Hello there.\n[00:00:03.980 --> 00:00:05.000]   And more.")]
    [InlineData("[00:00.000 --> 00:02.000]  Hello there.\n[00:02.000 --> 00:04.000]  And more.")]
    [InlineData("[12.34 --> 15.00] Hello there.\n[15.00 --> 17.5] And more.")]
    public void Detects_the_segment_lines_of_every_spelling(string text)
    {
        var source = new SourceText("x.txt", text);
        Assert.Equal(90, new SpeechToTextTextReader().Detect(source));
        Assert.Equal("speech-to-text-text", TranscriptReaders.Detect(source)!.Format);
    }

    [Fact]
    public void Says_nothing_about_other_text() =>
        Assert.Equal(0, new SpeechToTextTextReader().Detect(new SourceText("x.txt", "[00:01] Hello.\nMaya: Hi.\nSome --> arrow")));

    [Fact]
    public void A_dash_starts_a_new_speaker_and_sentences_are_joined_across_segments()
    {
        var (e, _) = Read("""
            [00:00:01.000 --> 00:00:03.000]   - So the first thing
            [00:00:03.000 --> 00:00:05.000]   is air. And the second
            [00:00:05.000 --> 00:00:06.000]   is water.
            [00:00:06.000 --> 00:00:08.000]   - Air and water?
            [00:00:08.000 --> 00:00:09.000]   -Yes.
            [00:00:09.000 --> 00:00:10.000]   -5 degrees is too cold, by the way.
            """);
        Assert.Equal(["So the first thing is air. And the second is water.", "Air and water?", "Yes. -5 degrees is too cold, by the way."], e.Paragraphs.Select(p => p.Text));
        Assert.Equal([1, 6, 8], e.Paragraphs.Select(p => (int)p.Start!.Value.TotalSeconds));
        Assert.Equal(TimeSpan.FromSeconds(10), e.Duration);
    }

    [Fact]
    public void Noise_segments_are_dropped_and_a_noise_only_turn_gives_no_paragraph()
    {
        var (e, _) = Read("""
            [00:00:00.000 --> 00:00:02.000]   (upbeat music)
            [00:00:02.000 --> 00:00:04.000]   - Welcome.
            [00:00:04.000 --> 00:00:05.000]   - (laughs)
            [00:00:05.000 --> 00:00:07.000]   Thanks for having me.
            [00:00:07.000 --> 00:00:09.000]   [BLANK_AUDIO]
            """);
        Assert.Equal(["Welcome.", "Thanks for having me."], e.Paragraphs.Select(p => p.Text));
        Assert.Equal(TimeSpan.FromSeconds(5), e.Paragraphs[1].Start);
    }

    [Fact]
    public void Generic_speaker_labels_in_segments_name_the_speaker()
    {
        var (e, _) = Read("""
            [0.0 --> 2.0] SPEAKER_00: Hello.
            [2.0 --> 4.0] SPEAKER_01: Hi there.
            [4.0 --> 6.0] How are you?
            [6.0 --> 8.0] SPEAKER_00: Fine.
            """);
        Assert.Equal(["SPEAKER_00", "SPEAKER_01", "SPEAKER_00"], e.Paragraphs.Select(p => p.Speaker));
        Assert.Equal("Hi there. How are you?", e.Paragraphs[1].Text);
    }

    [Fact]
    public void Unreadable_times_and_leading_tool_output_are_reported_once_each()
    {
        var (e, diagnostics) = Read("""
            Detected language: English
            whisper: done
            [00:00:01.000 --> 00:00:02.000] Hello.
            [00:00:xx --> 00:00:03.000] Still here.
            [yy --> zz] And here.
            """);
        Assert.Equal("Hello. Still here. And here.", Assert.Single(e.Paragraphs).Text);
        Assert.Equal(["dump.txt:1: warning: 2 lines before the first segment are not transcript; skipped",
                      "dump.txt:4: warning: 2 segment times could not be read; the text is kept"],
            diagnostics.Items.Take(2).Select(d => d.ToString()));
    }
}
