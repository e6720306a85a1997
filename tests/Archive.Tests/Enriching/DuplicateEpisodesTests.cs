using Archive.Core.Diagnostics;
using Archive.Core.Enriching;
using Archive.Core.Model;

namespace Archive.Tests.Enriching;

public class DuplicateEpisodesTests
{
    private const string Description =
        "Maya and Tom walk through three outages caused by forgotten expiry rules, what each team changed afterwards, " +
        "why nobody owned the cache, how the pager went off at three in the morning, and what they would tell a new team " +
        "building its first caching layer today. They also answer listener questions about eviction, warm-up and metrics.";

    private static Episode Episode(int line, string summary, string? show = "The Workbench", int paragraphs = 0) => new()
    {
        Title = summary.Length > 40 ? summary[..40] : summary,
        Show = show,
        Summary = summary,
        Source = new SourceRef("listing.txt", line),
        Paragraphs = Enumerable.Range(0, paragraphs).Select(i => new Paragraph("Maya", TimeSpan.FromSeconds(i * 10), $"Paragraph {i} of the talk.")).ToList(),
    };

    [Fact]
    public void The_same_episode_listed_twice_is_one_keeping_the_richer_text_with_a_warning_naming_both_lines()
    {
        var diagnostics = new DiagnosticBag();
        var episodes = new[]
        {
            Episode(3, "Something else entirely about tide tables, harbours, buoys and the people who read them every morning before dawn."),
            Episode(4, Description + " Follow us everywhere."),
            Episode(5, "Re-upped! " + Description.Replace(",", ";"), paragraphs: 3),
        };
        var result = DuplicateEpisodes.Merge(episodes, diagnostics);
        Assert.Equal([0, 2], result.InputIndexes);
        Assert.Equal(3, result.Episodes[1].Paragraphs.Count);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(4, warning.Line);
        Assert.Contains("lines 4 and 5 list the same episode", warning.Message);
        Assert.Contains("made from line 5", warning.Message);
    }

    [Fact]
    public void Notes_padded_with_a_transcript_are_the_same_episode_when_they_carry_the_same_chapters()
    {
        string[] titles = ["Welcome and the week's news", "Why caches go stale", "Expiry rules nobody owned", "The three a.m. page", "Warm-up and metrics", "Listener questions"];
        var chapters = titles.Select((t, i) => new Chapter(t, TimeSpan.FromMinutes(i * 7), 0)).ToList();
        var diagnostics = new DiagnosticBag();
        var episodes = new[]
        {
            Episode(7, "A short note: the cache episode, with chapters below.") with { Chapters = chapters },
            // The same recording listed again with a long transcript: the texts hardly overlap, the chapter list does.
            Episode(9, "Hi all! Transcript follows.", paragraphs: 40) with { Chapters = chapters.Select(c => c with { FirstParagraph = 3 }).ToList() },
            // Another episode that merely opens the same way.
            Episode(11, "A different talk about tide tables.") with { Chapters = [chapters[0], new Chapter("Tides", TimeSpan.FromMinutes(5), 0)] },
        };
        var result = DuplicateEpisodes.Merge(episodes, diagnostics);
        Assert.Equal([1, 2], result.InputIndexes);
        Assert.Contains("lines 7 and 9 list the same episode", Assert.Single(diagnostics.Items).Message);
    }

    [Fact]
    public void Notes_offering_two_chapter_lists_match_a_listing_that_chose_the_other_one()
    {
        string[] hostTitles = ["Welcome", "Why caches go stale", "Expiry rules nobody owned", "The three a.m. page", "Warm-up and metrics", "Listener questions"];
        var hostList = hostTitles.Select((t, i) => new Chapter(t, TimeSpan.FromMinutes(i * 7 + 1), 0)).ToList();
        string hostText = string.Join(" ", hostList.Select(c => $"{Timecode.Format(c.Start!.Value)} {c.Title}"));
        // A generated list, a chapter a minute, that the other listing does not have.
        var generated = Enumerable.Range(0, 30).Select(i => new Chapter($"Minute {i} of the cache talk, part {(char)('a' + i % 26)}", TimeSpan.FromMinutes(i), 0)).ToList();
        var diagnostics = new DiagnosticBag();
        var episodes = new[]
        {
            // Notes with a transcript: the host's list became the chapters.
            Episode(50, "Hi all! Transcript follows.", paragraphs: 40) with { Chapters = hostList.Select(c => c with { FirstParagraph = 2 }).ToList() },
            // The same notes listed again: the generated list became the chapters, the host's list stayed in the summary.
            Episode(51, "The cache episode. Timestamps " + hostText) with { Chapters = generated },
            // Another episode of the show whose summary has a list sharing only its first two chapters.
            Episode(52, "The tides episode. Timestamps 01:00 Welcome 08:00 Why caches go stale 09:00 Tide tables 09:00 Harbours 14:00 Buoys 20:00 Dawn readings 25:00 Goodbye"),
        };
        var result = DuplicateEpisodes.Merge(episodes, diagnostics);
        Assert.Equal([0, 2], result.InputIndexes);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(51, warning.Line);
        Assert.Contains("lines 50 and 51 list the same episode", warning.Message);
        Assert.Contains("made from line 50", warning.Message);
    }

    [Fact]
    public void Episodes_sharing_only_an_opening_promotion_stay_apart()
    {
        const string promo = "Join us at the meetup on Sunday and fill out the annual survey for a chance to win a prize for the whole team! ";
        var a = Episode(3, promo + Description);
        var b = Episode(4, promo + "A conversation with a harbour master about dredging rules, silt, tides and the budget of a small port that nobody visits in winter.");
        var result = DuplicateEpisodes.Merge([a, b], new DiagnosticBag());
        Assert.Equal(2, result.Episodes.Count);
    }

    [Fact]
    public void An_episode_listed_many_times_over_is_still_one()
    {
        var other = "A conversation with a harbour master about dredging rules, silt, tides and the budget of a small port that nobody visits in winter, and about the ferry that stopped running.";
        var episodes = Enumerable.Range(0, 24).Select(i => Episode(i + 1, i % 2 == 0 ? Description : other)).ToList();
        var result = DuplicateEpisodes.Merge(episodes, new DiagnosticBag());
        Assert.Equal([0, 1], result.InputIndexes);
    }

    [Fact]
    public void Different_shows_are_never_merged()
    {
        var result = DuplicateEpisodes.Merge([Episode(3, Description), Episode(4, Description, show: "Another Show")], new DiagnosticBag());
        Assert.Equal(2, result.Episodes.Count);
    }

    [Fact]
    public void Short_texts_say_too_little_to_merge()
    {
        var result = DuplicateEpisodes.Merge([Episode(3, "A short note about caches and more."), Episode(4, "A short note about caches and more.")], new DiagnosticBag());
        Assert.Equal(2, result.Episodes.Count);
    }
}
