using Archive.Site.Rendering;

namespace Archive.Tests.Rendering;

public class MediaLinkTests
{
    [Theory]
    [InlineData("https://www.youtube.com/watch?v=EJB2Oj_VAk8", "https://www.youtube.com/watch?v=EJB2Oj_VAk8&t=754")]
    [InlineData("https://youtu.be/EJB2Oj_VAk8", "https://youtu.be/EJB2Oj_VAk8?t=754")]
    [InlineData("https://youtu.be/EJB2Oj_VAk8?t=30", "https://youtu.be/EJB2Oj_VAk8?t=754")]
    [InlineData("https://www.youtube.com/watch?v=abc&t=10s&list=x", "https://www.youtube.com/watch?v=abc&list=x&t=754")]
    [InlineData("https://media.example.org/ep/001.mp3", "https://media.example.org/ep/001.mp3#t=754")]
    [InlineData("https://media.example.org/ep/001.MP4?token=1#t=3", "https://media.example.org/ep/001.MP4?token=1#t=754")]
    [InlineData("https://vimeo.com/123456", "https://vimeo.com/123456#t=754s")]
    public void Opens_media_at_a_moment(string url, string expected) =>
        Assert.Equal(expected, MediaLink.From(url)!.At(TimeSpan.FromSeconds(754.9)));

    [Fact]
    public void A_web_page_cannot_seek_and_other_schemes_are_refused()
    {
        var page = MediaLink.From("https://example.org/episodes/12")!;
        Assert.False(page.CanSeek);
        Assert.Null(page.At(TimeSpan.FromSeconds(5)));
        Assert.Null(MediaLink.From("javascript:alert(1)"));
        Assert.Null(MediaLink.From("ftp://example.org/a.mp3"));
        Assert.Null(MediaLink.From("not a url"));
    }
}
