using Archive.Core.Text;

namespace Archive.Tests.Text;

public class DateParserTests
{
    [Theory]
    [InlineData("2025-04-22", 2025, 4, 22)]
    [InlineData("April 22, 2025", 2025, 4, 22)]
    [InlineData("2025-04-22T10:11:12+09:00", 2025, 4, 22)]
    [InlineData("Tue, 22 Apr 2025 10:00:00 GMT", 2025, 4, 22)]
    public void Reads_dates(string text, int y, int m, int d)
    {
        Assert.True(DateParser.TryParse(text, out var date));
        Assert.Equal(new DateOnly(y, m, d), date);
    }

    [Theory]
    [InlineData("10:30")]
    [InlineData("0:00")]
    [InlineData("00:01:12")]
    [InlineData("PT1M")]
    public void A_time_without_a_year_is_not_today(string text) => Assert.False(DateParser.TryParse(text, out _));
}
