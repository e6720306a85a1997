using Archive.Core.Text;

namespace Archive.Tests.Text;

public class ShowNotesCleanerTests
{
    [Fact]
    public void Takes_out_the_chapter_list_and_keeps_the_description()
    {
        var notes = ShowNotesCleaner.Clean("Ada and Ben compare cache eviction policies. Chapters: 00:00 – Hello 03:10 – LRU 09:45 – LFU");
        Assert.Equal("Ada and Ben compare cache eviction policies.", notes.Summary);
        Assert.Equal(["Hello", "LRU", "LFU"], notes.Chapters!.Entries.Select(e => e.Title));
    }

    [Fact]
    public void Drops_sponsor_subscribe_and_legal_boilerplate()
    {
        var notes = ShowNotesCleaner.Clean(
            "Ada explains why queues back up under load.Brought to you by:Quarry Cloud – the database that never sleeps. " +
            "Sign up for new episodes every week. Email feedback to hello@workbench.example Follow us on Mastodon: @workbench " +
            "Hosted by Simplecast, an AdsWizz company. See pcm.adswizz.com for information about our collection and use of personal data for advertising.");
        Assert.Equal("Ada explains why queues back up under load.", notes.Summary);
        Assert.Equal(["Ada explains why queues back up under load."], notes.Sentences);
    }

    [Fact]
    public void A_sponsor_block_runs_to_the_end_of_its_paragraph()
    {
        var notes = ShowNotesCleaner.Clean("We talk about tide tables.\nSponsors: Quarry: Quarry is a database. Try it at https://quarry.example Lumen: lights for your desk.\nThanks for listening to the end.");
        Assert.Equal("We talk about tide tables.\n\nThanks for listening to the end.", notes.Summary);
    }

    [Fact]
    public void Sections_run_together_with_dashes_become_paragraphs_and_empty_intros_go()
    {
        var notes = ShowNotesCleaner.Clean(
            "Ada keeps a lighthouse.—Brought to you by:• Quarry—a database• Lumen—desk lamps—Where to find Ada:• Web: https://ada.example—In this episode, we cover:(00:00) Hello (05:00) The lamp (10:00) Goodbye");
        Assert.Equal("Ada keeps a lighthouse.\n\nWhere to find Ada:\n- Web: <https://ada.example>", notes.Summary);
        Assert.Equal(3, notes.Chapters!.Entries.Count);
    }

    [Fact]
    public void Writes_markdown_that_shows_the_text_as_written_and_keeps_links()
    {
        var notes = ShowNotesCleaner.Clean("Use <b>tags</b> & [brackets] with a_b_c, see https://example.org/a_(b)_c. Mail ada@example.org or visit www.example.org.");
        Assert.Equal(
            @"Use \<b>tags\</b> \& \[brackets\] with a\_b\_c, see <https://example.org/a_(b)_c>. Mail <ada@example.org> or visit [www.example.org](https://www.example.org).",
            notes.Summary);
    }

    [Fact]
    public void Turns_glued_bullets_into_a_list_and_keeps_the_sources_emphasis()
    {
        var notes = ShowNotesCleaner.Clean("What makes a cache *fast?* Three things:* locality* eviction* size");
        Assert.Equal("What makes a cache *fast?* Three things:\n- locality\n- eviction\n- size", notes.Summary);
    }

    [Theory]
    [InlineData("# Not a heading", @"\# Not a heading")]
    [InlineData("- not a list", @"\- not a list")]
    [InlineData("1. not a list", @"1\. not a list")]
    public void Escapes_what_would_start_a_block(string input, string expected) =>
        Assert.Equal(expected, ShowNotesCleaner.ToMarkdown(input));

    [Fact]
    public void Reads_a_date_stated_in_the_notes()
    {
        Assert.Equal(new DateOnly(2025, 5, 23), ShowNotesCleaner.Clean("Our weekly roundup. Recorded on 05/23/2025 in the studio.").Date);
        Assert.Null(ShowNotesCleaner.Clean("Our weekly roundup of 05/23/2025 news.").Date);
    }

    [Fact]
    public void Gives_nothing_for_empty_notes()
    {
        var notes = ShowNotesCleaner.Clean("  ");
        Assert.Null(notes.Summary);
        Assert.Empty(notes.Sentences);
    }
}
