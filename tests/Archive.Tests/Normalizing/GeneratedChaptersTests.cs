using Archive.Core.Model;
using Archive.Core.Normalizing;

namespace Archive.Tests.Normalizing;

public class GeneratedChaptersTests
{
    private static readonly string[][] Topics =
    [
        ["A compost heap needs air and water.", "Turn the compost heap every week so the middle gets air.", "Green kitchen scraps and brown leaves balance the compost."],
        ["Bees need flowers from spring to autumn.", "A bee hotel gives solitary bees a place to nest.", "Leave some dandelions for the bees in April."],
        ["Prune apple trees in late winter.", "Cut crossing branches of the apple tree first.", "Never prune more than a quarter of an apple tree in a year."],
    ];

    /// <summary>Three subjects of nine minutes each, a paragraph every thirty seconds, two speakers taking turns.</summary>
    private static List<Paragraph> Talk(bool timed)
    {
        var paragraphs = new List<Paragraph>();
        for (int topic = 0; topic < Topics.Length; topic++)
            for (int i = 0; i < 18; i++)
            {
                int n = paragraphs.Count;
                var text = string.Join(" ", Enumerable.Repeat(Topics[topic][i % 3], 4)) + (i == 0 ? " What do you think?" : "");
                paragraphs.Add(new Paragraph(n % 2 == 0 ? "Maya Okafor" : "Tom Brandt", timed ? TimeSpan.FromSeconds(30 * n) : null, text));
            }
        return paragraphs;
    }

    [Fact]
    public void Long_timed_talk_gets_a_chapter_every_five_to_ten_minutes_where_the_subject_changes()
    {
        var paragraphs = Talk(timed: true);
        var chapters = GeneratedChapters.For(paragraphs);
        Assert.Equal([0, 18, 36], chapters.Select(c => c.FirstParagraph));
        Assert.Equal([TimeSpan.Zero, TimeSpan.FromMinutes(9), TimeSpan.FromMinutes(18)], chapters.Select(c => c.Start!.Value));
        Assert.Contains("compost", chapters[0].Title, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("bee", chapters[1].Title, StringComparison.OrdinalIgnoreCase);
        Assert.Contains("apple", chapters[2].Title, StringComparison.OrdinalIgnoreCase);
        Assert.All(chapters, c => Assert.DoesNotContain("Maya", c.Title));
        Assert.All(chapters, c => Assert.True(char.IsUpper(c.Title[0]), c.Title));
    }

    [Fact]
    public void Without_times_chapters_come_every_thousand_words_or_so()
    {
        var paragraphs = Talk(timed: false);
        var chapters = GeneratedChapters.For(paragraphs);
        Assert.True(chapters.Count >= 2, $"{chapters.Count} chapters");
        Assert.All(chapters, c => Assert.Null(c.Start));
        Assert.Equal(0, chapters[0].FirstParagraph);
        for (int i = 1; i < chapters.Count; i++)
        {
            int words = paragraphs.Skip(chapters[i - 1].FirstParagraph).Take(chapters[i].FirstParagraph - chapters[i - 1].FirstParagraph).Sum(p => p.Text.Split(' ').Length);
            Assert.InRange(words, 5 * GeneratedChapters.WordsPerMinute, 10 * GeneratedChapters.WordsPerMinute);
        }
    }

    [Fact]
    public void Short_talks_get_none() =>
        Assert.Empty(GeneratedChapters.For(Talk(timed: true).Take(18).ToList()));
}
