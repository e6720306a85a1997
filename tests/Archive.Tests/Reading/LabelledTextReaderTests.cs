using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Normalizing;
using Archive.Core.Reading;

namespace Archive.Tests.Reading;

public class LabelledTextReaderTests
{
    private static (Episode Episode, DiagnosticBag Diagnostics) Read(string text, string path = "talk.txt")
    {
        var diagnostics = new DiagnosticBag();
        var raw = new LabelledTextReader().Read(new SourceText(path, text), diagnostics);
        return (EpisodeNormalizer.Normalize(Assert.Single(raw), diagnostics), diagnostics);
    }

    private static int Score(string text, string path = "talk.txt") => new LabelledTextReader().Detect(new SourceText(path, text));

    private const string Interview = """
        Maya Okafor: Welcome back. Today Lena joins us.
        Lena Hoffmann: Thanks for having me.
        Maya Okafor: Let's start with contracts.
        Lena Hoffmann: A contract is a promise about data.
        It is written down where both teams see it.
        """;

    [Fact]
    public void Is_the_surest_reader_for_labelled_text_and_says_nothing_about_prose()
    {
        Assert.True(Score(Interview) >= 75);
        Assert.Equal("labelled-text", TranscriptReaders.Detect(new SourceText("talk.txt", Interview))!.Format);

        const string prose = """
            Note: this post is about gardening.
            Compost needs air and water. See https://example.org/compost for more.
            Warning: the heap gets warm.
            At 10:30 we turned the heap again.
            """;
        Assert.Equal(0, Score(prose));
    }

    [Fact]
    public void A_label_used_once_is_text_unless_the_speaker_is_known()
    {
        const string text = """
            Maya Okafor: Welcome back.
            Tom Brandt: Hello.
            Maya Okafor: One rule: keep it short.
            Tom Brandt: Agreed.
            Bottom Line Summary: this line is not a turn.
            """;
        var (e, _) = Read(text);
        Assert.Equal(["Maya Okafor", "Tom Brandt"], e.Speakers);
        Assert.Equal("Tom Brandt", e.Paragraphs[^1].Speaker);
        Assert.Equal("Bottom Line Summary: this line is not a turn.", e.Paragraphs[^1].Text);
        Assert.Equal("One rule: keep it short.", e.Paragraphs[2].Text);
    }

    [Fact]
    public void A_single_bold_label_is_a_speaker_when_it_opens_the_text_but_not_in_the_middle_of_prose()
    {
        // A one-speaker talk: after the title and a line on where it was given, the one label opens the text.
        const string talk = """
            # Salt Roads

            Given at the spring gathering of the walking club.

            **Ines Moll:** We walked the old salt road from the coast to the hills in four days.

            Nobody had used it for a century, and the stones still showed the ruts of the carts.
            """;
        Assert.Equal("labelled-text", TranscriptReaders.Detect(new SourceText("talk.md", talk))!.Format);
        var (e, _) = Read(talk, "talk.md");
        Assert.Equal("Salt Roads", e.Title);
        Assert.Equal(["Ines Moll"], e.Speakers);
        Assert.Equal(["Ines Moll", "Ines Moll"], e.Paragraphs.Select(p => p.Speaker));
        Assert.Equal("We walked the old salt road from the coast to the hills in four days.", e.Paragraphs[0].Text);

        // Further down in prose, a bold label may be a quotation: the text before it is not show notes.
        const string prose = """
            # Salt Roads

            The old salt road runs from the coast to the hills. Nobody had used it for a century.
            We walked it in four days in April, with two dogs and far too much bread.
            The stones still showed the ruts of the carts, worn a hand deep in places.
            At the pass there is a chapel with a bell that nobody rings any more.

            **Ines Moll:** "I have never been so tired or so happy."
            """;
        Assert.Equal(0, Score(prose, "walk.md"));
        Assert.Equal("plain-text", TranscriptReaders.Detect(new SourceText("walk.md", prose))!.Format);
        // A label that opens the text but is not a name stays text.
        Assert.Equal(0, Score("# Salt Roads\n\n**Summary:** We walked the old salt road in four days.\n\nThe stones still showed the ruts.\n", "walk.md"));
    }

    [Fact]
    public void A_turn_continues_over_unlabelled_paragraphs_and_a_first_name_label_counts_as_evidence()
    {
        var (e, _) = Read(Interview + "\nLena: One more thing.\n");
        Assert.Equal(6, e.Paragraphs.Count);
        Assert.Equal("Lena Hoffmann", e.Paragraphs[4].Speaker);
        Assert.Equal("It is written down where both teams see it.", e.Paragraphs[4].Text);
        Assert.Equal("One more thing.", e.Paragraphs[5].Text);
    }

    [Fact]
    public void Blank_line_separated_turns_join_wrapped_lines()
    {
        const string text = """
            Maya Okafor: This sentence, Tom, is long and
            wraps onto the next line.

            Tom Brandt: So does
            this one, twice,
            in fact.

            Maya Okafor: Short.
            """;
        var (e, _) = Read(text);
        Assert.Equal(["This sentence, Tom, is long and wraps onto the next line.", "So does this one, twice, in fact.", "Short."], e.Paragraphs.Select(p => p.Text));
    }

    [Fact]
    public void Header_block_becomes_metadata_and_not_transcript()
    {
        const string text = """
            A Talk About Compost.
            Subscribe: Apple • Spotify • RSS
            Maya and Tom talk about compost heaps.
            Highlights:
            -
            - Air and Water
            - The Smell of a Good Heap
            Related content:
            - Another episode → somewhere
            Transcript
            This transcript was edited.
            Maya Okafor: A heap needs air and water to work.
            Tom Brandt: How much water?
            Maya Okafor: Like a wrung-out sponge.
            Tom Brandt: And the smell?
            Maya Okafor: A good heap smells of earth, never of rot.
            """;
        var (e, diagnostics) = Read(text);
        Assert.Empty(diagnostics.Items);
        Assert.Equal("A Talk About Compost", e.Title);
        Assert.Equal("Maya and Tom talk about compost heaps.", e.Summary);
        Assert.Equal(["Air and Water", "The Smell of a Good Heap"], e.Chapters.Select(c => c.Title));
        Assert.Equal([0, 3], e.Chapters.Select(c => c.FirstParagraph));
        Assert.Equal(5, e.Paragraphs.Count);
        Assert.DoesNotContain(e.Paragraphs, p => p.Text.Contains("Subscribe") || p.Text.Contains("edited") || p.Text.Contains('→'));
    }

    [Fact]
    public void Header_key_value_lines_give_show_date_speakers_and_topics()
    {
        const string text = """
            # Compost, Explained
            Podcast: Garden Hour
            Date: May 3, 2025
            Guests: Lena Hoffmann and Diego Alvarez
            Tags: compost, soil

            ## Transcript

            **Lena Hoffmann:** Air first.

            **Diego Alvarez:** Then water.
            """;
        var (e, _) = Read(text, "compost.md");
        Assert.Equal("Compost, Explained", e.Title);
        Assert.Equal("Garden Hour", e.Show);
        Assert.Equal(new DateOnly(2025, 5, 3), e.Date);
        Assert.Equal(["Lena Hoffmann", "Diego Alvarez"], e.Speakers);
        Assert.Equal(["compost", "soil"], e.Topics);
    }

    [Fact]
    public void Entities_escapes_and_emphasis_come_out_as_characters()
    {
        const string text = """
            **Aiko Tanaka:** Fish &amp; chips &#8212; and a \*star\*.

            **Tom Brandt:** It&#39;s **really** _that_ simple? See [the docs](https://example.org).
            """;
        var (e, _) = Read(text, "x.md");
        Assert.Equal("Fish & chips — and a *star*.", e.Paragraphs[0].Text);
        Assert.Equal("It's really that simple? See the docs.", e.Paragraphs[1].Text);
    }

    [Fact]
    public void Otter_export_keeps_times_and_drops_its_footer()
    {
        const string text = """
            Maya Okafor  0:02
            Hello.

            Tom Brandt  1:04:05
            Goodbye.

            Transcribed by https://otter.ai
            """;
        var (e, _) = Read(text);
        Assert.Equal([TimeSpan.FromSeconds(2), new TimeSpan(1, 4, 5)], e.Paragraphs.Select(p => p.Start!.Value));
        Assert.Equal(["Hello.", "Goodbye."], e.Paragraphs.Select(p => p.Text));
        Assert.Equal(new TimeSpan(1, 4, 5), e.Duration);
    }

    [Fact]
    public void Headings_in_the_body_are_chapters()
    {
        const string text = """
            **Maya Okafor:** Hello.

            ## Contracts

            **Lena Hoffmann:** A contract is a promise.

            **Maya Okafor:** Nice.
            """;
        var (e, _) = Read(text, "x.md");
        var chapter = Assert.Single(e.Chapters);
        Assert.Equal(("Contracts", 1), (chapter.Title, chapter.FirstParagraph));
    }

    [Fact]
    public void Front_matter_metadata_wins_over_the_header()
    {
        const string text = """
            ---
            title: From the front matter
            speakers: [Lena Hoffmann]
            ---
            A Header Title
            Lena: Hello there.
            Maya Okafor: Hi.
            Maya Okafor: Bye.
            """;
        var (e, _) = Read(text, "x.md");
        Assert.Equal("From the front matter", e.Title);
        Assert.Equal("Lena Hoffmann", e.Paragraphs[0].Speaker);
    }

    [Fact]
    public void Never_throws_on_odd_input()
    {
        foreach (var text in new[] { ":", "::\n::", "Maya:\nMaya:", "[00:00] :", "**:**", "\n\n", "Transcript", "Transcript\nTranscript", "a: b\nA: B\nA:", "[Speaker 1]", "Maya Okafor  0:99" })
        {
            var diagnostics = new DiagnosticBag();
            var source = new SourceText("odd.txt", text);
            new LabelledTextReader().Detect(source);
            foreach (var raw in new LabelledTextReader().Read(source, diagnostics))
                EpisodeNormalizer.Normalize(raw, diagnostics);
        }
    }
}
