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

    [Theory]
    [InlineData("Recorded on 05/23/2025. Hosted by us.", 2025, 5, 23)]
    [InlineData("published: March 3, 2024", 2024, 3, 3)]
    [InlineData("This aired 2023-11-30 on the radio", 2023, 11, 30)]
    [InlineData("Taped on 4 July 2022", 2022, 7, 4)]
    public void Finds_a_date_in_a_phrase(string text, int year, int month, int day) =>
        Assert.Equal(new DateOnly(year, month, day), DateParser.FindRecordingDate(text));

    [Theory]
    [InlineData("We recorded a lot of 12/12 games")]
    [InlineData("Recorded on 99/99/2025")]
    [InlineData(null)]
    public void Finds_none_where_no_date_is_stated(string? text) => Assert.Null(DateParser.FindRecordingDate(text));
}
