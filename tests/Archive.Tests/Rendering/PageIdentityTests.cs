using Archive.Core.Model;
using Archive.Site.Rendering;

namespace Archive.Tests.Rendering;

public class PageIdentityTests
{
    [Fact]
    public void Titles_fit_in_seventy_characters_as_written_in_html()
    {
        Assert.Equal("Short · Site", SiteRenderer.DocumentTitle("Short", "Site"));
        var title = SiteRenderer.DocumentTitle("A16z's Martin Casado and Sarah Wang join Latent Space hosts Alessio Fanelli and swyx", "Site");
        Assert.EndsWith("…", title);
        Assert.DoesNotContain("Site", title);
        Assert.True(title.Length + 5 * title.Count(c => c == '\'') <= SiteRenderer.MaxTitleLength, title);
    }

    [Fact]
    public void Chapter_ids_begin_with_a_letter_and_never_take_a_paragraph_or_layout_id()
    {
        var e = new Episode
        {
            Title = "x", Source = new("x.md", 1),
            Paragraphs = [new(null, TimeSpan.FromSeconds(1), "a"), new(null, TimeSpan.FromSeconds(1.5), "b"), new(null, null, "c")],
            Chapters = [new("2026 thesis", null, 0), new("Main", null, 1), new("T 00 00 01", null, 1), new("Main", null, 2)],
        };
        Assert.Equal(["chapter-2026-thesis", "main-2", "chapter-t-00-00-01", "main-3"], EpisodeAnchors.Chapters(e));
        Assert.Equal(["t-00-00-01", "t-00-00-01-2", "p-3"], Enumerable.Range(0, 3).Select(i => EpisodeAnchors.Paragraph(e, i)));
    }
}
