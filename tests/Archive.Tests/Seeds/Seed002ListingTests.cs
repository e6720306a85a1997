using System.Text;
using AngleSharp.Html.Parser;
using Archive.Core.Loading;
using Archive.Core.Model;
using Archive.Tests.Support;

namespace Archive.Tests.Seeds;

/// <summary>Seed 002: a scrape of podcast listings, one episode a line, read as a user would read it.</summary>
public class Seed002ListingTests
{
    private static readonly Lazy<TranscriptFile> File002 = new(() => TranscriptFile.Load(RepoPaths.Seed("002"), "002.txt"));
    private static readonly Lazy<string[]> Lines = new(() => System.IO.File.ReadAllLines(RepoPaths.Seed("002")));

    private static IReadOnlyList<Episode> Episodes => File002.Value.Episodes;
    private static Episode AtLine(int line) => Episodes.Single(e => e.Source.Line == line);

    [Fact]
    public void Every_episode_line_is_an_episode_and_nothing_else_is()
    {
        Assert.Equal("listing", File002.Value.Format);
        var expected = Enumerable.Range(1, Lines.Value.Length).Where(n => n is not (1 or 2 or 36 or 45)).ToList();
        Assert.Equal(50, expected.Count);
        Assert.Equal(expected, Episodes.Select(e => e.Source.Line));
    }

    [Fact]
    public void Each_episode_belongs_to_the_podcast_named_on_the_line_before_its_group()
    {
        Assert.All(Episodes.Where(e => e.Source.Line < 36), e => Assert.Equal("No Priors", e.Show));
        Assert.All(Episodes.Where(e => e.Source.Line > 36), e => Assert.Equal("The AI Breakdown", e.Show));
    }

    [Fact]
    public void Titles_come_from_the_descriptions_and_fit()
    {
        Assert.Equal("What does it mean for a business to truly operate at the AI frontier?", AtLine(3).Title);
        Assert.All(Episodes, e => Assert.InRange(e.Title.Length, 10, 90));
        Assert.DoesNotContain(Episodes, e => e.Title.StartsWith("This is a free preview", StringComparison.Ordinal));
    }

    [Fact]
    public void The_first_episode_has_its_19_chapters_with_their_times()
    {
        var chapters = AtLine(3).Chapters;
        Assert.Equal(19, chapters.Count);
        Assert.Equal(("Satya Nadella Introduction", "00:00"), (chapters[0].Title, Timecode.Format(chapters[0].Start!.Value)));
        Assert.Equal(("Reflections from Microsoft Build", "01:48"), (chapters[1].Title, Timecode.Format(chapters[1].Start!.Value)));
        Assert.Equal(("Conclusion", "42:28"), (chapters[^1].Title, Timecode.Format(chapters[^1].Start!.Value)));
        Assert.Equal(
            ["00:00", "01:48", "03:12", "05:48", "07:33", "09:37", "11:49", "15:09", "15:51", "17:38", "21:48", "24:02", "25:58", "28:18", "30:54", "34:36", "38:01", "39:52", "42:28"],
            chapters.Select(c => Timecode.Format(c.Start!.Value)));
        Assert.DoesNotContain("42:28", AtLine(3).Summary);
        Assert.DoesNotContain("Sign up for new podcasts", AtLine(3).Summary);
    }

    [Fact]
    public void The_timestamps_and_links_episode_has_its_chapters_and_date()
    {
        var e = AtLine(43);
        Assert.Equal(27, e.Chapters.Count);
        Assert.Equal(("Intro / Banter", "00:00"), (e.Chapters[0].Title, Timecode.Format(e.Chapters[0].Start!.Value)));
        Assert.Equal(("News Preview", "01:43"), (e.Chapters[1].Title, Timecode.Format(e.Chapters[1].Start!.Value)));
        Assert.Equal(("Activating AI Safety Level 3 Protections", "1:38:25"), (e.Chapters[^1].Title, Timecode.Format(e.Chapters[^1].Start!.Value)));
        Assert.DoesNotContain(e.Chapters, c => c.Title.EndsWith("& Apps", StringComparison.Ordinal) || c.Title.EndsWith("& Safety", StringComparison.Ordinal));
        Assert.Equal(new DateOnly(2025, 5, 23), e.Date);
        Assert.DoesNotContain("Feel free to email", e.Summary);
    }

    [Fact]
    public void Embedded_transcripts_are_split_into_speaker_paragraphs_with_their_times()
    {
        var satya = AtLine(4);
        Assert.Contains("Sarah Guo", satya.Speakers);
        Assert.Contains("Satya Nadella", satya.Speakers);
        var atOneMinute = Assert.Single(satya.Paragraphs, p => p.Start == TimeSpan.FromMinutes(1));
        Assert.Equal("Sarah Guo", atOneMinute.Speaker);
        Assert.StartsWith("So you're just talking about", atOneMinute.Text);
        Assert.True(satya.Paragraphs.Count(p => p.Start is not null) >= 30);

        var ethan = AtLine(5);
        Assert.Equal(["Swyx", "Ethan", "Vibhu"], ethan.Speakers);
        Assert.Equal(("Swyx", TimeSpan.Zero), (ethan.Paragraphs[0].Speaker, ethan.Paragraphs[0].Start!.Value));
        Assert.StartsWith("We're here in the studio with Ethan He", ethan.Paragraphs[0].Text);
        Assert.Equal(("Ethan", TimeSpan.FromSeconds(10)), (ethan.Paragraphs[1].Speaker, ethan.Paragraphs[1].Start!.Value));

        var jacob = AtLine(11);
        var question = jacob.Paragraphs.First(p => p.Speaker == "Jacob Effron");
        Assert.Equal((TimeSpan.FromSeconds(3), "What is the state of the AI coding wars today?"), (question.Start!.Value, question.Text));

        // No label, time or glued label is left inside the text.
        foreach (var e in Episodes)
            foreach (var p in e.Paragraphs)
            {
                Assert.DoesNotMatch(@"\[\d{2}:\d{2}:\d{2}\]", p.Text);
                Assert.DoesNotMatch(@"\p{Ll}(?:Swyx|Alessio|Sarah Guo|Satya Nadella|Ethan|Jacob)(?: \[[\d:]+\])?: ", p.Text);
            }
    }

    [Fact]
    public void Headings_glued_to_the_next_label_become_chapters_and_leave_the_text()
    {
        var e = AtLine(4);
        Assert.Contains("AI as an Ecosystem Platform", e.Chapters.Select(c => c.Title));
        Assert.Contains("MAI Models & Training Strategy", e.Chapters.Select(c => c.Title));
        Assert.DoesNotContain(e.Paragraphs, p => p.Text.Contains("Ecosystem Platform", StringComparison.Ordinal) && p.Text.EndsWith("Platform", StringComparison.Ordinal));
        Assert.DoesNotContain("Full Video", e.Summary);
        Assert.DoesNotContain(e.Paragraphs, p => p.Text.Contains("Transcript", StringComparison.Ordinal));
        Assert.Equal("Voiceover", e.Paragraphs[0].Speaker);
    }

    [Fact]
    public void Sponsor_and_subscribe_boilerplate_stays_out()
    {
        foreach (var e in Episodes)
        {
            Assert.DoesNotContain(e.Paragraphs, p => p.Text.Contains("This is a public episode", StringComparison.Ordinal));
            var summary = e.Summary ?? "";
            Assert.DoesNotContain("Please note that the content here", summary);
            Assert.DoesNotContain("Hosted by Simplecast", summary);
            Assert.DoesNotContain("Get full access to", summary);
            Assert.DoesNotContain("Stay Updated", summary);
        }
    }

    [Fact]
    public void Lines_cut_at_65535_bytes_are_kept_and_marked_truncated()
    {
        var cut = Lines.Value.Select((l, i) => (Line: i + 1, Bytes: Encoding.UTF8.GetByteCount(l)))
            .Where(x => x.Bytes is >= 65_532 and <= 65_535).Select(x => x.Line).ToList();
        Assert.Equal(16, cut.Count);
        Assert.Equal(cut, Episodes.Where(e => e.Truncated).Select(e => e.Source.Line));
        foreach (var line in cut)
            Assert.Contains(File002.Value.Diagnostics.Items, d => d.Line == line && d.Message.Contains("cut off by its source"));
        Assert.All(Episodes.Where(e => e.Truncated && e.Paragraphs.Count > 0), e => Assert.Null(e.Duration));
    }

    [Fact]
    public void The_same_episode_listed_twice_is_one_page_with_a_warning_naming_both_lines()
    {
        using var temp = new TempFolder("seed002");
        Directory.CreateDirectory(temp.Combine("input"));
        System.IO.File.Copy(RepoPaths.Seed("002"), temp.Combine("input", "002.txt"));
        var archive = ArchiveLoader.Load(new LoadOptions(temp.Combine("input")) { DisplayRoot = temp.Combine("input") });

        var lines = archive.Episodes.Select(e => e.Episode.Source.Line).ToList();
        Assert.Equal(42, lines.Count);
        Assert.Contains(20, lines);
        Assert.DoesNotContain(21, lines);
        var warning = Assert.Single(archive.Diagnostics, d => d.Message.Contains("lines 20 and 21 list the same episode"));
        Assert.Equal(21, warning.Line);
        // Other near-duplicates: a re-upload with a preface, the same notes with and without glued paragraphs.
        // The same notes once with the host's timestamps as chapters and a transcript, once with a generated list as chapters.
        foreach (var (a, b) in new[] { (28, 29), (30, 31), (32, 35), (33, 34), (39, 40), (41, 42), (50, 51) })
            Assert.Single(archive.Diagnostics, d => d.Message.Contains($"lines {a} and {b} list the same episode"));
        // Nothing else is merged: episodes of one show that share a promotion (lines 50 and 53) or a guest stay apart.
        Assert.Equal(8, archive.Diagnostics.Count(d => d.Message.Contains("list the same episode")));
        Assert.Contains(50, lines);
        Assert.Contains(53, lines);
        Assert.Equal(42, archive.Files.Single().Episodes.Count);
        // A file's messages come in the order of its lines, those found while reading it and those
        // found after all episodes were loaded (the duplicates) alike.
        var reported = archive.Files.Single().Diagnostics.Select(d => d.Line).ToList();
        Assert.Equal(reported.Order(), reported);
    }

    [Fact]
    public async Task Builds_into_pages_whose_every_link_and_anchor_resolves()
    {
        var (temp, result) = await SeedSiteTests.BuildSeed("002");
        using var _ = temp;
        Assert.True(result.ExitCode == 0, result.Error);
        var pages = Directory.EnumerateFiles(temp.Combine("out", "episodes"), "index.html", SearchOption.AllDirectories).ToList();
        Assert.Equal(42, pages.Count);
        Assert.Empty(new SiteCrawler(temp.Combine("out")).Check());

        var parser = new HtmlParser();
        var first = pages.Select(p => parser.ParseDocument(System.IO.File.ReadAllText(p)))
            .Single(d => d.QuerySelector("h1")!.TextContent.StartsWith("What does it mean for a business", StringComparison.Ordinal));
        // Show notes without a transcript: a notice, the chapters listed (each entry its own anchor), no empty transcript.
        Assert.Equal(19, first.QuerySelectorAll(".toc li[id]").Length);
        Assert.Empty(first.QuerySelectorAll(".toc a"));
        // Nothing to scroll beside: the chapters are part of the page, not a sidebar that scrolls on its own
        // (a scrolling sidebar without links is out of a keyboard's reach).
        Assert.DoesNotContain("has-toc", first.QuerySelector("article.episode")!.ClassName);
        Assert.Null(first.QuerySelector(".transcript"));
        Assert.Contains("No transcript was published with this episode", first.QuerySelector(".notice")!.TextContent);
        Assert.Equal("No Priors", first.QuerySelector(".episode-show a")!.TextContent);
        Assert.Equal(3, Directory.EnumerateFiles(temp.Combine("out", "shows"), "index.html", SearchOption.AllDirectories).Count());
        Assert.Equal(16, pages.Count(p => System.IO.File.ReadAllText(p).Contains("The source of this transcript was cut off", StringComparison.Ordinal)));

        // A cut-off transcript: chapters it does not reach are listed as such, never as empty headings after the text.
        var cut = pages.Select(p => parser.ParseDocument(System.IO.File.ReadAllText(p)))
            .Single(d => d.QuerySelector("h1")!.TextContent.StartsWith("Claude Cowork", StringComparison.Ordinal));
        Assert.Equal(13, cut.QuerySelectorAll(".toc li.after-cut").Length);
        Assert.All(cut.QuerySelectorAll(".toc li.after-cut"), li => Assert.Contains("not reached", li.TextContent));
        Assert.Equal(20, cut.QuerySelectorAll(".toc a").Length);
        foreach (var document in pages.Select(p => parser.ParseDocument(System.IO.File.ReadAllText(p))))
            if (document.QuerySelector(".transcript") is { } transcript) Assert.Equal("para", transcript.LastElementChild?.ClassName);
    }

    [Fact]
    public void Episodes_with_show_notes_only_get_one_warning_naming_their_lines()
    {
        var diagnostics = File002.Value.Diagnostics.Items;
        Assert.DoesNotContain(diagnostics, d => d.Message.Contains("no transcript text was found"));
        var notesOnly = Episodes.Where(e => e.Paragraphs.Count == 0).Select(e => e.Source.Line).ToList();
        var warning = Assert.Single(diagnostics, d => d.Message.Contains("show notes only"));
        Assert.Equal(notesOnly[0], warning.Line);
        Assert.StartsWith($"{notesOnly.Count} of the 50 episodes have show notes only", warning.Message);
        Assert.Contains("(lines 3, 9, 12, 14, 15, 18–21, 25, 26, 28–35, 37–44, 46, 48, 51, 52, 54)", warning.Message);
        Assert.Equal(32, notesOnly.Count);
    }

    [Fact]
    public void A_cut_off_untimed_transcript_places_the_chapters_it_reaches_and_lists_the_rest_as_not_reached()
    {
        var e = AtLine(17);
        Assert.True(e.Truncated);
        Assert.All(e.Paragraphs, p => Assert.Null(p.Start));
        Assert.Equal(33, e.Chapters.Count);
        var inText = e.Chapters.Where(c => c.FirstParagraph < e.Paragraphs.Count).ToList();
        var after = e.Chapters.Where(c => c.FirstParagraph >= e.Paragraphs.Count).ToList();
        Assert.Equal(20, inText.Count);
        Assert.Equal(inText, e.Chapters.Take(20));
        Assert.Equal(0, inText[0].FirstParagraph);
        Assert.True(inText.Zip(inText.Skip(1)).All(x => x.First.FirstParagraph < x.Second.FirstParagraph));
        Assert.Equal(TimeSpan.FromMinutes(52), after[0].Start);
        var warning = Assert.Single(File002.Value.Diagnostics.Items, d => d.Line == 17 && d.Message.Contains("not reached"));
        Assert.Contains($"its last 13 chapters, from \"{after[0].Title}\" at 52:00", warning.Message);
        Assert.DoesNotContain(File002.Value.Diagnostics.Items, d => d.Message.Contains("they are listed after it"));
    }
}
