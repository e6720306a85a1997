using Archive.Core.Text;

namespace Archive.Tests.Text;

public class DateParserRecordingDateTests
{
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
