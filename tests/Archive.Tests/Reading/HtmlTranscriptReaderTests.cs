using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Reading;
using static Archive.Tests.Reading.ReaderTestKit;

namespace Archive.Tests.Reading;

public class HtmlTranscriptReaderTests
{
    private static readonly HtmlTranscriptReader Reader = new();

    [Theory]
    [InlineData("<!DOCTYPE html><html><body></body></html>", 90)]
    [InlineData("<cite>Ana:</cite><time>0:00</time><p>Hi</p>", 85)]
    [InlineData("<?xml version=\"1.0\"?><html xmlns=\"http://www.w3.org/1999/xhtml\"></html>", 85)]
    [InlineData("<?xml version=\"1.0\"?><tt xmlns=\"http://www.w3.org/ns/ttml\"></tt>", 0)]
    [InlineData("**[00:00:01] Ana:** Hi", 0)]
    [InlineData("<v Ana>Hi", 0)]
    public void Detects_html_from_its_first_tag(string text, int score) =>
        Assert.Equal(score, Reader.Detect(new SourceText("x.txt", text)));

    [Fact]
    public void The_podcasting_layout_gives_speakers_times_and_paragraphs_with_their_lines()
    {
        var (e, diagnostics) = ReadOne(Reader, "t.html", "<h1>Title Here</h1>\n<cite>Ana Lima:</cite>\n<time>0:05</time>\n<p>First &amp; foremost.</p>\n<p>Same speaker, no time.</p>\n<cite>Ben:</cite>\n<time datetime=\"PT1M2S\">1:02</time>\n<p>Reply.</p>");
        Assert.Empty(diagnostics.Items);
        Assert.Equal("Title Here", e.Title);
        Assert.Equal(
        [
            new Paragraph("Ana Lima", TimeSpan.FromSeconds(5), "First & foremost."),
            new Paragraph("Ana Lima", null, "Same speaker, no time."),
            new Paragraph("Ben", TimeSpan.FromSeconds(62), "Reply."),
        ], e.Paragraphs);
    }

    [Fact]
    public void Bold_labels_with_times_before_or_after_are_read_and_text_before_them_is_not_transcript()
    {
        var (e, _) = ReadOne(Reader, "t.html", """
            <p>Recorded in Lisbon.</p>
            <p>[00:00:01] <strong>Ana:</strong> One.</p>
            <p><b>Ben</b>: (0:04) Two.</p>
            <p>Three, still Ben.</p>
            """);
        Assert.Equal(
        [
            new Paragraph("Ana", TimeSpan.FromSeconds(1), "One."),
            new Paragraph("Ben", TimeSpan.FromSeconds(4), "Two."),
            new Paragraph("Ben", null, "Three, still Ben."),
        ], e.Paragraphs);
    }

    [Fact]
    public void A_table_is_read_by_its_headers_in_any_column_order()
    {
        var (e, _) = ReadOne(Reader, "t.html", """
            <table><tr><th>Speaker</th><th>Text</th><th>Start</th></tr>
            <tr><td>Ana</td><td>Hello.</td><td>00:00:01</td></tr>
            <tr><td>Ben</td><td>Hi.</td><td>00:00:02</td></tr></table>
            """);
        Assert.Equal([new Paragraph("Ana", TimeSpan.FromSeconds(1), "Hello."), new Paragraph("Ben", TimeSpan.FromSeconds(2), "Hi.")], e.Paragraphs);
    }

    [Fact]
    public void A_page_without_a_transcript_layout_is_an_error_saying_what_it_holds()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Empty(Reader.Read(new SourceText("t.html", "<html><head><title>Notes</title></head><body><p>One.</p><p>Two.</p></body></html>"), diagnostics));
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Contains("HTML page titled \"Notes\" with 2 paragraphs and 0 tables", error.Message);
    }
}
