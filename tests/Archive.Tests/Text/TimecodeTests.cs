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
    public void Refuses_what_is_not_a_time(string text) => Assert.False(Timecode.TryParse(text, out _));

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
