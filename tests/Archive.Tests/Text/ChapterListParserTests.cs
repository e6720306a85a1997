using Archive.Core.Text;

namespace Archive.Tests.Text;

public class ChapterListParserTests
{
    private static List<(string Title, string Time)> Entries(ChapterList? list) =>
        list!.Entries.Select(e => (e.Title, e.Start.ToString(@"h\:mm\:ss"))).ToList();

    [Fact]
    public void Reads_an_inline_list_with_dashes_and_reports_its_span()
    {
        var text = "Sign up for the newsletter. Chapters: 00:00 – Welcome 01:48 – Why caches lie 05:10 – Eviction policies 12:02 - Wrap-up";
        var list = ChapterListParser.Find(text);
        Assert.Equal([("Welcome", "0:00:00"), ("Why caches lie", "0:01:48"), ("Eviction policies", "0:05:10"), ("Wrap-up", "0:12:02")], Entries(list));
        Assert.Equal("Sign up for the newsletter. ", text[..list!.Start]);
        Assert.Equal(text.Length, list.End);
    }

    [Fact]
    public void Reads_times_in_parentheses_and_drops_section_headings_glued_to_titles()
    {
        var text = "Timestamps + Links: (00:00:00) Intro / Chatter (00:01:30) Headlines Gadgets & Gizmos (00:03:10) A new phone folds twice "
            + "(00:07:45) Robots learn to fold laundry Policy & Law (00:12:00) New rules for drones (01:15:20) Courts weigh in on scraping";
        Assert.Equal(
            [("Intro / Chatter", "0:00:00"), ("Headlines", "0:01:30"), ("A new phone folds twice", "0:03:10"),
             ("Robots learn to fold laundry", "0:07:45"), ("New rules for drones", "0:12:00"), ("Courts weigh in on scraping", "1:15:20")],
            Entries(ChapterListParser.Find(text)));
    }

    [Fact]
    public void Keeps_a_single_title_that_happens_to_end_like_a_section()
    {
        var text = "(00:00) Hello (02:00) Our favourite Tools & Apps (05:00) Goodbye";
        Assert.Equal("Our favourite Tools & Apps", ChapterListParser.Find(text)!.Entries[1].Title);
    }

    [Fact]
    public void Separates_times_glued_to_the_title_before_them()
    {
        var text = "the tools we use.Full Video EpisodeTimestamps00:00 Cold Open00:42 Meet the Guests03:15 Building Part 21:02:03 Closing Words";
        var list = ChapterListParser.Find(text);
        Assert.Equal([("Cold Open", "0:00:00"), ("Meet the Guests", "0:00:42"), ("Building Part", "0:03:15"), ("Closing Words", "21:02:03")], Entries(list));
        Assert.Equal("the tools we use.Full Video Episode", text[..list!.Start]);
    }

    [Fact]
    public void Takes_at_most_two_digits_before_the_first_colon_as_the_time()
    {
        Assert.Equal([("Part 1", "0:00:00"), ("Part 2", "0:03:33"), ("Part 3", "0:09:10")], Entries(ChapterListParser.Find("00:00 Part 103:33 Part 209:10 Part 3")));
    }

    [Fact]
    public void Reads_one_chapter_a_line_and_ends_the_last_title_at_its_line()
    {
        var text = "About the show.\n0:00 Intro\n4:30 The bug\n10:15 The fix\n\nThanks for listening!";
        var list = ChapterListParser.Find(text);
        Assert.Equal([("Intro", "0:00:00"), ("The bug", "0:04:30"), ("The fix", "0:10:15")], Entries(list));
        Assert.Equal("\n\nThanks for listening!", text[list!.End..]);
    }

    [Fact]
    public void Reads_bracketed_times_with_bullets()
    {
        var text = "We cover:* [00:00:00] Hello* [00:05:30] Part two* [00:10:00] The end";
        var list = ChapterListParser.Find(text);
        Assert.Equal([("Hello", "0:00:00"), ("Part two", "0:05:30"), ("The end", "0:10:00")], Entries(list));
        Assert.Equal("We cover:", text[..list!.Start]);
    }

    [Fact]
    public void Ends_the_last_title_where_a_shouted_heading_or_a_link_begins()
    {
        Assert.Equal("Outro", ChapterListParser.Find("CHAPTERS: (00:00) Start (04:27) Middle (08:29) Outro PRODUCED BY: https://example.org")!.Entries[^1].Title);
        Assert.Equal("Outro", ChapterListParser.Find("00:00 Start 04:27 Middle 08:29 Outro https://example.org/more")!.Entries[^1].Title);
    }

    [Fact]
    public void Prefers_the_headed_list_over_a_list_of_references_with_times()
    {
        var text = "TIMESTAMPS:00:00:00 Opening00:03:10 Agents00:09:45 Memory---REFERENCES:[00:01:00] A paper https://example.org/a[00:04:00] A book[00:06:00] A talk[00:08:00] A blog post";
        Assert.Equal([("Opening", "0:00:00"), ("Agents", "0:03:10"), ("Memory", "0:09:45")], Entries(ChapterListParser.Find(text)));
    }

    [Theory]
    [InlineData("We met at 10:30 am, again at 11:45 am and finally at 12:15 pm.")]
    [InlineData("Two times 01:00 and 02:00 are not a list.")]
    [InlineData("Backwards: 05:00 Five 03:00 Three 01:00 One")]
    [InlineData("Ratios 16:9 and 4:3 and 21:9 are screens.")]
    [InlineData("")]
    public void Finds_no_list_in_prose_with_times(string text) =>
        Assert.Null(ChapterListParser.Find(text));

    [Fact]
    public void Finds_no_list_where_long_speech_sits_between_the_times()
    {
        var speech = string.Join(' ', Enumerable.Repeat("We talked for a long while about nothing in particular.", 5));
        Assert.Null(ChapterListParser.Find($"[00:01:00] {speech} [00:02:00] {speech} [00:03:00] {speech}"));
    }

    [Fact]
    public void Two_times_after_a_heading_are_a_list()
    {
        Assert.Equal([("Hello", "0:00:00"), ("Bye", "0:30:00")], Entries(ChapterListParser.Find("Chapters: 00:00 Hello 30:00 Bye")));
    }

    [Fact]
    public void Scans_a_long_line_of_digits_and_colons_quickly()
    {
        var text = string.Concat(Enumerable.Repeat("1:2:3:4:5:6:7:8:9:0:", 100_000)) + new string('9', 500_000);
        Assert.Null(ChapterListParser.Find(text));
    }
}
