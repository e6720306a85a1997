using System.Text.RegularExpressions;
using AngleSharp.Html.Parser;
using Archive.Core.Loading;
using Archive.Core.Model;
using Archive.Core.Normalizing;
using Archive.Core.Text;
using Archive.Tests.Support;

namespace Archive.Tests.Seeds;

/// <summary>
/// The text seeds (000: an interview published as an article; 003: a raw speech-to-text dump)
/// read into episodes and built into pages. Expected values come from the issue or are read from
/// the seed itself at test time, so no seed text is copied here.
/// </summary>
public class TextSeedTests
{
    private static readonly HtmlParser Parser = new();

    /// <summary>Builds the seed alone into a site whose links all resolve, and parses its one episode page.</summary>
    private static async Task<(TempFolder Temp, AngleSharp.Html.Dom.IHtmlDocument Page)> BuildOnePage(string prefix)
    {
        var (temp, result) = await SeedSiteTests.BuildSeed(prefix);
        Assert.True(result.ExitCode == 0, result.Error);
        var page = Assert.Single(Directory.EnumerateFiles(temp.Combine("out", "episodes"), "index.html", SearchOption.AllDirectories));
        var problems = new SiteCrawler(temp.Combine("out")).Check();
        Assert.True(problems.Count == 0, string.Join("\n", problems));
        return (temp, Parser.ParseDocument(File.ReadAllText(page)));
    }

    private static (Episode Episode, TranscriptFile File) Load(string prefix)
    {
        var path = RepoPaths.Seed(prefix);
        var file = TranscriptFile.Load(path, Path.GetFileName(path));
        return (Assert.Single(file.Episodes), file);
    }

    /// <summary>The highlight titles as the seed lists them: the bullet lines between the highlights line and "Related content:".</summary>
    private static List<string> SeedHighlights()
    {
        var lines = File.ReadAllLines(RepoPaths.Seed("000"));
        int from = Array.FindIndex(lines, l => l.Contains("highlights", StringComparison.OrdinalIgnoreCase) && l.TrimEnd().EndsWith(':'));
        int to = Array.FindIndex(lines, from + 1, l => l.StartsWith("Related content", StringComparison.Ordinal));
        return lines[(from + 1)..to].Where(l => l.StartsWith("- ", StringComparison.Ordinal)).Select(l => l[2..].Trim()).ToList();
    }

    [Fact]
    public void Seed_000_header_becomes_title_speakers_summary_and_chapters()
    {
        var (e, file) = Load("000");
        Assert.Equal("labelled-text", file.Format);
        Assert.Equal("Chang She on Multimodal Data, Agent Memory, and the Future AI Data Stack", e.Title);
        Assert.Equal(["Ben Lorica", "Chang She"], e.Speakers);

        // The summary is the header's paragraph (the third line of the seed), not a transcript turn.
        var summaryLine = File.ReadAllLines(RepoPaths.Seed("000"))[2];
        Assert.Equal(summaryLine.Trim(), e.Summary);
        Assert.DoesNotContain(e.Paragraphs, p => p.Text == summaryLine.Trim());
    }

    [Fact]
    public void Seed_000_highlights_are_the_chapters_in_order_placed_where_the_talk_reaches_them()
    {
        var (e, _) = Load("000");
        var highlights = SeedHighlights();
        Assert.Equal(15, highlights.Count);
        Assert.Equal(highlights, e.Chapters.Select(c => c.Title));
        for (int i = 1; i < e.Chapters.Count; i++)
            Assert.True(e.Chapters[i].FirstParagraph > e.Chapters[i - 1].FirstParagraph, $"chapter {i} is not after chapter {i - 1}");

        // Each chapter's section talks about what its title says: it shares a rarer word with it.
        for (int i = 0; i < e.Chapters.Count; i++)
        {
            int end = i + 1 < e.Chapters.Count ? e.Chapters[i + 1].FirstParagraph : e.Paragraphs.Count;
            var section = string.Join(" ", e.Paragraphs.Skip(e.Chapters[i].FirstParagraph).Take(end - e.Chapters[i].FirstParagraph).Select(p => p.Text));
            var sectionWords = Terms.Of(section).Select(t => t.Stem).ToHashSet();
            var titleWords = Terms.Of(e.Chapters[i].Title).Where(t => !t.IsStopWord && t.Word.Length > 3).Select(t => t.Stem).ToList();
            Assert.True(titleWords.Any(sectionWords.Contains), $"the section of \"{e.Chapters[i].Title}\" shares no word with it");
        }
        // The first question is asked before the first highlight: the greeting stays before it.
        Assert.InRange(e.Chapters[0].FirstParagraph, 1, 4);
    }

    [Fact]
    public void Seed_000_transcript_holds_only_the_conversation()
    {
        var (e, file) = Load("000");
        Assert.DoesNotContain(file.Diagnostics.Items, d => d.Severity == Archive.Core.Diagnostics.Severity.Error);
        Assert.All(e.Paragraphs, p => Assert.Contains(p.Speaker, new[] { "Ben Lorica", "Chang She" }));
        foreach (var boilerplate in new[] { "Subscribe", "Spotify", "Related content", "→", "newsletter", "polished and edited transcript" })
            Assert.DoesNotContain(e.Paragraphs, p => p.Text.Contains(boilerplate, StringComparison.OrdinalIgnoreCase));
        // Every line after the editor's note is in the transcript, without its label, and the
        // speakers change where the labels change.
        var lines = File.ReadAllLines(RepoPaths.Seed("000"));
        int first = Array.IndexOf(lines, "Transcript") + 2;
        var all = string.Join("\n", e.Paragraphs.Select(p => p.Text));
        var labels = new List<string>();
        foreach (var line in lines.Skip(first).Where(l => l.Trim().Length > 0))
        {
            var colon = line.IndexOf(": ", StringComparison.Ordinal);
            var label = colon > 0 ? line[..colon] : null;
            var text = label is "Ben Lorica" or "Chang She" ? line[(colon + 2)..] : line;
            if (label is "Ben Lorica" or "Chang She" && (labels.Count == 0 || labels[^1] != label)) labels.Add(label);
            Assert.Contains(text[..Math.Min(60, text.Length)], all);
        }
        var changes = e.Paragraphs.Select(p => p.Speaker!).Where((s, i) => i == 0 || e.Paragraphs[i - 1].Speaker != s).ToList();
        Assert.Equal(labels, changes);
    }

    [Fact]
    public async Task Seed_000_builds_into_a_page_with_chapters_people_and_summary()
    {
        var (temp, doc) = await BuildOnePage("000");
        using var _ = temp;
        Assert.Equal("Chang She on Multimodal Data, Agent Memory, and the Future AI Data Stack", doc.QuerySelector("h1")!.TextContent);
        Assert.Equal(["Ben Lorica", "Chang She"], doc.QuerySelectorAll(".episode-facts a[href*='/people/']").Select(a => a.TextContent));
        Assert.True(File.Exists(temp.Combine("out", "people", "ben-lorica", "index.html")));
        Assert.Contains("LanceDB", doc.QuerySelector(".summary")!.TextContent);
        Assert.Equal(15, doc.QuerySelectorAll(".toc a").Length);
        Assert.Equal(15, doc.QuerySelectorAll(".transcript h2.chapter-title").Length);
        Assert.DoesNotContain("Subscribe", doc.QuerySelector(".transcript")!.TextContent);
    }

    [Fact]
    public void Seed_003_is_one_episode_of_81_minutes_with_a_turn_at_each_dash_and_no_noise()
    {
        var (e, file) = Load("003");
        Assert.Equal("speech-to-text-text", file.Format);
        Assert.InRange(e.Duration!.Value, TimeSpan.FromMinutes(80.5), TimeSpan.FromMinutes(81.5));
        Assert.False(string.IsNullOrWhiteSpace(e.Title));
        Assert.InRange(e.Title.Length, 10, 90);

        // Each segment that starts with "- " (and holds speech) starts a paragraph at its time.
        var segment = new Regex(@"^\[(?<start>[\d:.]+) --> [\d:.]+\]\s+-\s+(?<text>.*)$");
        var starts = e.Paragraphs.Select(p => p.Start).ToHashSet();
        int dashes = 0;
        foreach (var line in File.ReadLines(RepoPaths.Seed("003")))
        {
            var m = segment.Match(line);
            if (!m.Success || NoiseFilter.IsNoiseOnly(m.Groups["text"].Value)) continue;
            dashes++;
            Assert.True(Timecode.TryParse(m.Groups["start"].Value, out var t));
            Assert.True(starts.Contains(t), $"no paragraph starts at the turn at {m.Groups["start"].Value}");
        }
        Assert.True(dashes > 200, $"{dashes} turns");

        var text = string.Join("\n", e.Paragraphs.Select(p => p.Text));
        foreach (var noise in new[] { "(upbeat music)", "[BLANK_AUDIO]", "(laughing)", "(laughs)", "-->" })
            Assert.DoesNotContain(noise, text);
    }

    [Fact]
    public void Seed_003_without_chapters_gets_one_every_five_to_ten_minutes_titled_from_its_content()
    {
        var (e, _) = Load("003");
        Assert.InRange(e.Chapters.Count, 8, 16);
        Assert.Equal(0, e.Chapters[0].FirstParagraph);
        var starts = e.Chapters.Select(c => c.Start!.Value).Append(e.Duration!.Value).ToList();
        for (int i = 1; i < starts.Count; i++)
            Assert.InRange(starts[i] - starts[i - 1], TimeSpan.FromMinutes(i == starts.Count - 1 ? 3 : 5), TimeSpan.FromMinutes(10));
        Assert.All(e.Chapters, c => Assert.Equal(e.Paragraphs[c.FirstParagraph].Start, c.Start));
        // Titled by what the section says, in words that occur in it.
        for (int i = 0; i < e.Chapters.Count; i++)
        {
            var c = e.Chapters[i];
            Assert.DoesNotMatch(@"^Part \d", c.Title);
            Assert.InRange(c.Title.Length, 3, 60);
            int end = i + 1 < e.Chapters.Count ? e.Chapters[i + 1].FirstParagraph : e.Paragraphs.Count;
            var section = string.Join(" ", e.Paragraphs.Skip(c.FirstParagraph).Take(end - c.FirstParagraph).Select(p => p.Text));
            Assert.All(c.Title.Split(" and "), phrase => Assert.Contains(phrase, section, StringComparison.OrdinalIgnoreCase));
        }
        Assert.Equal(e.Chapters.Count, e.Chapters.Select(c => c.Title).Distinct().Count());
    }

    [Fact]
    public void Seed_003_segments_become_readable_paragraphs()
    {
        var (e, _) = Load("003");
        int segments = File.ReadLines(RepoPaths.Seed("003")).Count(l => l.StartsWith('['));
        Assert.InRange(e.Paragraphs.Count, 200, segments / 3);
        Assert.All(e.Paragraphs, p => Assert.InRange(Sentences.CountWords(p.Text), 1, ParagraphBuilder.MaxWords));
        Assert.All(e.Paragraphs, p => Assert.NotNull(p.Start));
        // Sentences that span segments are joined: paragraphs end where sentences end.
        int ending = e.Paragraphs.Count(p => p.Text.TrimEnd('"', '”', '\'').EndsWith('.') || p.Text.EndsWith('?') || p.Text.EndsWith('!') || p.Text.EndsWith("--") || p.Text.EndsWith('…'));
        Assert.True(ending >= e.Paragraphs.Count * 0.95, $"{ending} of {e.Paragraphs.Count} paragraphs end a sentence");
        Assert.True(e.Paragraphs.Select(p => p.Start!.Value).Zip(e.Paragraphs.Skip(1).Select(p => p.Start!.Value)).All(x => x.First <= x.Second));
    }

    [Fact]
    public async Task Seed_003_builds_into_a_page_with_timed_paragraphs()
    {
        var (temp, doc) = await BuildOnePage("003");
        using var _ = temp;
        Assert.False(string.IsNullOrWhiteSpace(doc.QuerySelector("h1")!.TextContent));
        Assert.Contains("1:21:03", doc.QuerySelector(".episode-facts")!.TextContent);
        var paragraphs = doc.QuerySelectorAll(".transcript .para").ToList();
        Assert.True(paragraphs.Count > 200, $"{paragraphs.Count} paragraphs");
        Assert.All(paragraphs, p => Assert.Matches("^t-\\d{2}-\\d{2}-\\d{2}", p.Id!));
        Assert.DoesNotContain("upbeat music", doc.QuerySelector(".transcript")!.TextContent);
    }
}
