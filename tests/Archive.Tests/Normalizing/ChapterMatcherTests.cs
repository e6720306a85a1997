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

    // Eight subjects of five minutes each, 150 words a minute, five paragraphs of 150 words a subject.
    private static readonly string[] Subjects =
        ["beekeeping hives", "sourdough starters", "glacier moraines", "violin varnish", "tram timetables", "kelp forests", "sundial gnomons", "origami cranes"];

    private static readonly string Filler = string.Concat(Enumerable.Repeat("and then we went on with it for a while and it was what it was so ", 10));

    private static List<Paragraph> CutTalk(int keptWords)
    {
        var paragraphs = new List<Paragraph>();
        int words = 0;
        foreach (var subject in Subjects)
            for (int p = 0; p < 5 && words < keptWords; p++)
            {
                var text = $"Now about {subject}: {subject} again. " + Filler;
                var cut = string.Join(' ', text.Split(' ', StringSplitOptions.RemoveEmptyEntries).Take(150).Take(keptWords - words));
                paragraphs.Add(new Paragraph(p % 2 == 0 ? "Host" : "Guest", null, cut));
                words += 150;
            }
        return paragraphs;
    }

    private static List<RawChapter> SubjectChapters() =>
        Subjects.Select((s, i) => new RawChapter(System.Globalization.CultureInfo.InvariantCulture.TextInfo.ToTitleCase(s), TimeSpan.FromMinutes(i * 5), null, 4, ChapterOrigin.Description)).ToList();

    [Fact]
    public void A_cut_off_untimed_text_places_the_chapters_it_reaches_and_lists_the_rest_after_it()
    {
        // Four and a half subjects kept: the text stops at about 22:30.
        var talk = CutTalk(3375);
        var cut = ChapterMatcher.PlaceBeforeCut(SubjectChapters(), talk);
        Assert.NotNull(cut);
        Assert.Equal(5, cut.Reached);
        Assert.Equal(150, cut.WordsPerMinute, 1);
        Assert.Equal(TimeSpan.FromMinutes(22.5), cut.Reach);
        Assert.Equal([0, 5, 10, 15, 20, talk.Count, talk.Count, talk.Count], cut.Chapters.Select(c => c.FirstParagraph));
        Assert.Equal(TimeSpan.FromMinutes(35), cut.Chapters[^1].Start);
    }

    [Fact]
    public void The_normalizer_reports_the_chapters_a_cut_off_text_does_not_reach_once()
    {
        var raw = new RawEpisode
        {
            Source = new SourceRef("cut.txt", 4),
            Metadata = new RawMetadata { Title = "Hobbies" },
            Turns = CutTalk(3375).Select((p, i) => new RawTurn(p.Speaker, null, null, p.Text, 4)).ToList(),
            Chapters = SubjectChapters(),
            Shape = TextShape.Turns,
            Truncated = true,
        };
        var diagnostics = new DiagnosticBag();
        var episode = EpisodeNormalizer.Normalize(raw, diagnostics);
        Assert.Equal(5, episode.Chapters.Count(c => c.FirstParagraph < episode.Paragraphs.Count));
        Assert.Equal(8, episode.Chapters.Count);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(4, warning.Line);
        Assert.Contains("cut off at about 22:30", warning.Message);
        Assert.Contains("its last 3 chapters, from \"Kelp Forests\" at 25:00, are not reached", warning.Message);
    }

    [Fact]
    public void Too_few_chapters_found_to_tell_the_pace_gives_no_estimate()
    {
        var chapters = SubjectChapters().Select(c => c with { Title = "Unrelated Words " + c.Start!.Value.TotalMinutes }).ToList();
        Assert.Null(ChapterMatcher.PlaceBeforeCut(chapters, CutTalk(3375)));
    }
}
