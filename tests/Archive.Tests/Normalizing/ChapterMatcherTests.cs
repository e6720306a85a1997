using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Normalizing;
using Archive.Core.Reading;

namespace Archive.Tests.Normalizing;

public class ChapterMatcherTests
{
    private static readonly Paragraph[] Talk =
    [
        new("Host", null, "Welcome, everyone, and thanks for coming."),
        new("Guest", null, "Happy to be here."),
        new("Host", null, "Tell me about compost heaps. How do you start one?"),
        new("Guest", null, "A compost heap needs air, water and a mix of green and brown material."),
        new("Host", null, "What about worms?"),
        new("Guest", null, "Worms arrive on their own once the heap is warm. You never need to buy worms."),
        new("Guest", null, "Some people keep worms in a bin indoors, which is another story."),
        new("Host", null, "Last question: when is the compost ready to use in the garden?"),
        new("Guest", null, "When it smells of earth and you cannot recognise what went in. Spread it in spring."),
    ];

    [Fact]
    public void Places_titles_in_order_where_their_topic_is_raised()
    {
        var placed = ChapterMatcher.Place(["Starting a Compost Heap", "Worms", "When Compost Is Ready for the Garden"], Talk);
        Assert.Equal([2, 4, 7], placed.Select(p => p.Paragraph));
        Assert.All(placed, p => Assert.True(p.Match >= ChapterMatcher.WeakMatch, p.ToString()));
    }

    [Fact]
    public void Keeps_the_order_of_the_titles_even_when_a_later_title_matches_earlier_text()
    {
        var placed = ChapterMatcher.Place(["Worms", "Starting a Compost Heap"], Talk);
        Assert.True(placed[0].Paragraph < placed[1].Paragraph);
    }

    [Fact]
    public void A_title_whose_words_are_not_in_the_text_is_placed_between_its_neighbours_with_a_warning()
    {
        var diagnostics = new DiagnosticBag();
        var highlights = new[] { "Starting a Compost Heap", "Quantum Tunnelling", "When Compost Is Ready for the Garden" }
            .Select((t, i) => new RawChapter(t, null, null, 10 + i, ChapterOrigin.Highlight)).ToList();
        var chapters = ChapterMatcher.PlaceByWords(highlights, Talk, "talk.txt", diagnostics);
        Assert.Equal(3, chapters.Count);
        Assert.True(chapters[0].FirstParagraph < chapters[1].FirstParagraph && chapters[1].FirstParagraph < chapters[2].FirstParagraph);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(11, warning.Line);
        Assert.Contains("Quantum Tunnelling", warning.Message);
    }

    [Fact]
    public void More_titles_than_paragraphs_still_gives_one_place_each()
    {
        var placed = ChapterMatcher.Place(["Worms", "Compost", "Garden"], Talk[..2]);
        Assert.Equal(3, placed.Count);
        Assert.All(placed, p => Assert.InRange(p.Paragraph, 0, 1));
    }
}
