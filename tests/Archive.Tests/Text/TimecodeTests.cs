using Archive.Core.Model;

namespace Archive.Tests.Text;

public class TimecodeTests
{
    [Theory]
    [InlineData("12:34", 754)]
    [InlineData("1:02:03", 3723)]
    [InlineData("01:02:03.456", 3723.456)]
    [InlineData("00:00:01,500", 1.5)]
    [InlineData("02:03.250", 123.25)]
    [InlineData("0h00m44s", 44)]
    [InlineData("1h2m3s", 3723)]
    [InlineData("90s", 90)]
    [InlineData("12.34", 12.34)]
    [InlineData("15", 15)]
    [InlineData("[00:01:00]", 60)]
    [InlineData(" 7:05 ", 425)]
    [InlineData("00:00:00.123", 0.123)]
    [InlineData("05:07.5", 307.5)]
    [InlineData("1500ms", 1.5)]
    [InlineData("1.200s", 1.2)]
    [InlineData("PT1M2.5S", 62.5)]
    [InlineData("PT1H", 3600)]
    public void Reads_the_spellings_transcripts_use(string text, double seconds)
    {
        Assert.True(Timecode.TryParse(text, out var time), text);
        Assert.Equal(seconds, time.TotalSeconds, 3);
    }

    [Theory]
    [InlineData("")]
    [InlineData("abc")]
    [InlineData("12:61")]
    [InlineData("1:75:00")]
    [InlineData("-5")]
    [InlineData("99999999999")]
    [InlineData("PT")]
    [InlineData("00:00:01.\u19D5")]
    [InlineData("\u0661:\u0662\u0663")]
    [InlineData("\u0661\u0662s")]
    [InlineData("NaN")]
    [InlineData("Infinity")]
    public void Refuses_what_is_not_a_time(string text) => Assert.False(Timecode.TryParse(text, out _));

    [Fact]
    public void Fractions_are_exact_to_the_millisecond()
    {
        for (int ms = 0; ms < 1000; ms++)
        {
            Assert.True(Timecode.TryParse($"00:00:01.{ms:000}", out var t));
            Assert.Equal(ms, t.Milliseconds);
            Assert.Equal($"00:00:01.{ms:000}", ms == 0 ? "00:00:01.000" : Timecode.FormatPrecise(t));
        }
    }

    [Theory]
    [InlineData("00:01:02.500 --> 00:01:05.000", 62.5, 65)]
    [InlineData("[12.34 --> 15.00]", 12.34, 15)]
    [InlineData("[00:00:00.000 --> 00:00:04.120]", 0, 4.12)]
    [InlineData("1:02 - 1:10", 62, 70)]
    public void Reads_spans(string text, double start, double end)
    {
        Assert.True(Timecode.TryParseRange(text, out var s, out var e), text);
        Assert.Equal(start, s.TotalSeconds, 3);
        Assert.Equal(end, e.TotalSeconds, 3);
    }

    [Theory]
    [InlineData("12.34")]
    [InlineData("a --> b")]
    [InlineData("00:01 --> ")]
    public void Refuses_what_is_not_a_span(string text) => Assert.False(Timecode.TryParseRange(text, out _, out _));

    [Fact]
    public void Formats_short_for_readers_and_long_for_anchors()
    {
        var t = TimeSpan.FromSeconds(754.9);
        Assert.Equal("12:34", Timecode.Format(t));
        Assert.Equal("00:12:34", Timecode.FormatLong(t));
        Assert.Equal("t-00-12-34", Timecode.Anchor(t));
        Assert.Equal("1:02:03", Timecode.Format(TimeSpan.FromSeconds(3723)));
        Assert.Equal("PT1H2M3S", Timecode.Iso8601(TimeSpan.FromSeconds(3723)));
        Assert.Equal("PT0S", Timecode.Iso8601(TimeSpan.Zero));
        Assert.Equal("00:00:01.500", Timecode.FormatPrecise(TimeSpan.FromSeconds(1.5)));
    }
}
