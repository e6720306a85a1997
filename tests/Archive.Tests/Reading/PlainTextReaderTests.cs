using Archive.Core.Diagnostics;
using Archive.Core.Normalizing;
using Archive.Core.Reading;
using Archive.Core.Text;

namespace Archive.Tests.Reading;

public class PlainTextReaderTests
{
    [Fact]
    public void Is_the_fallback_for_any_text_and_nothing_else()
    {
        var prose = new SourceText("notes.txt", "Just some words about compost. And more words.");
        Assert.Equal(1, new PlainTextReader().Detect(prose));
        Assert.Equal("plain-text", TranscriptReaders.Detect(prose)!.Format);
        // Every other reader outbids it on its own format.
        Assert.Equal("labelled-text", TranscriptReaders.Detect(new SourceText("t.txt", "Maya Okafor: Hi.\nTom Brandt: Hello.\nMaya Okafor: Bye."))!.Format);

        foreach (var data in new[] { "{\"a\": 1}", "[{\"a\": 1}]", "[ \"x\" ]", "<html><body>x</body></html>", "<?xml version=\"1.0\"?><tt/>", "WEBVTT\n\n", "12345 67890" })
            Assert.Equal(0, new PlainTextReader().Detect(new SourceText("x.txt", data)));
    }

    [Fact]
    public void One_long_paragraph_becomes_paragraphs_of_a_few_sentences_titled_after_the_file()
    {
        var text = string.Join(" ", Enumerable.Range(1, 60).Select(i => $"This is sentence number {i} of a long talk about soil."));
        var diagnostics = new DiagnosticBag();
        var raw = Assert.Single(new PlainTextReader().Read(new SourceText("talks/soil_talk-2024.txt", text), diagnostics));
        var e = EpisodeNormalizer.Normalize(raw, diagnostics);
        Assert.Equal("Soil talk 2024", e.Title);
        Assert.True(e.Paragraphs.Count >= 4, $"{e.Paragraphs.Count} paragraphs");
        Assert.All(e.Paragraphs, p => Assert.InRange(Sentences.CountWords(p.Text), ParagraphBuilder.MinWords, ParagraphBuilder.MaxWords));
        Assert.All(e.Paragraphs, p => Assert.EndsWith(".", p.Text));
        Assert.Equal(text, string.Join(" ", e.Paragraphs.Select(p => p.Text)));
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal("talks/soil_talk-2024.txt:1: warning: plain text without speakers, times or a title: read as paragraphs of a few sentences, titled \"Soil talk 2024\" after the file name", warning.ToString());
    }

    [Theory]
    [InlineData("my_talk-2024", "My talk 2024")]
    [InlineData("DesignReview", "Design review")]
    [InlineData("LanceDB-intro_AI", "LanceDB intro AI")]
    [InlineData("WINTER-PRUNING", "Winter pruning")]
    [InlineData("signal-and-noise-06-caching", "Signal and noise 06 caching")]
    [InlineData("003_c5c8ed661156632b", null)]
    [InlineData("7d2c91e4a05b3f18", null)]
    [InlineData("2024-05-01", null)]
    public void File_names_become_readable_titles_unless_they_are_ids(string stem, string? expected) =>
        Assert.Equal(expected, FileNameTitle.From(stem));
}
