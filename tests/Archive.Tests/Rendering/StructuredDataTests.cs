using System.Text.Json;
using Archive.Core.Loading;
using Archive.Core.Model;
using Archive.Site.Rendering;

namespace Archive.Tests.Rendering;

public class StructuredDataTests
{
    private static ArchiveEpisode Hostile() => new(new Episode
    {
        Title = "</script><script>alert(1)</script> & more",
        Show = "Show <b>",
        Duration = TimeSpan.FromMinutes(10),
        Chapters = [new Chapter("Intro </script>", TimeSpan.Zero, 0), new Chapter("Untimed", null, 5)],
        Paragraphs = [new Paragraph("A", TimeSpan.Zero, "Hello.")],
        Source = new SourceRef("x.md", 1),
    }, "hostile");

    [Fact]
    public void Json_ld_cannot_close_its_script_element_and_stays_valid_json()
    {
        var json = new StructuredData(new SiteUrls("/"), "https://example.org").Episode(Hostile(), "a < b");
        Assert.DoesNotContain("<", json);
        Assert.DoesNotContain(">", json);
        using var doc = JsonDocument.Parse(json);
        Assert.Equal("</script><script>alert(1)</script> & more", doc.RootElement.GetProperty("name").GetString());
        Assert.Equal("https://example.org/episodes/hostile/", doc.RootElement.GetProperty("url").GetString());
        var clips = doc.RootElement.GetProperty("hasPart").EnumerateArray().ToList();
        Assert.Equal(0, clips[0].GetProperty("startOffset").GetInt32());
        // A chapter without a time (its paragraph does not exist either) is listed without offsets.
        Assert.False(clips[1].TryGetProperty("startOffset", out _));
        Assert.Equal("https://example.org/episodes/hostile/#untimed", clips[1].GetProperty("url").GetString());
    }
}
