using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Reading;
using static Archive.Tests.Reading.ReaderTestKit;

namespace Archive.Tests.Reading;

public class TimedTextXmlReaderTests
{
    private static readonly TimedTextXmlReader Reader = new();

    [Theory]
    [InlineData("<?xml version=\"1.0\"?>\n<tt xmlns=\"http://www.w3.org/ns/ttml\"/>", 95)]
    [InlineData("<transcript><text start=\"1\">a</text></transcript>", 95)]
    [InlineData("<?xml version=\"1.0\"?><rss/>", 40)]
    [InlineData("<?xml version=\"1.0\"?><html/>", 0)]
    [InlineData("<p>html</p>", 0)]
    public void Detects_xml_captions_and_claims_other_xml(string text, int score) =>
        Assert.Equal(score, Reader.Detect(new SourceText("x.txt", text)));

    [Fact]
    public void Ttml_agents_name_the_speakers_and_every_time_expression_is_read()
    {
        var (e, _) = ReadOne(Reader, "t.ttml", """
            <tt xmlns="http://www.w3.org/ns/ttml" xmlns:ttm="http://www.w3.org/ns/ttml#metadata" xmlns:ttp="http://www.w3.org/ns/ttml#parameter" ttp:frameRate="25">
              <head><metadata><ttm:agent xml:id="a"><ttm:name>Ana Lima</ttm:name></ttm:agent></metadata></head>
              <body><div>
                <p begin="1.5s" end="2s" ttm:agent="a">One.</p>
                <p begin="00:00:02:05" ttm:agent="b">Two.</p>
                <p begin="3500ms">Three.</p>
              </div></body>
            </tt>
            """);
        Assert.Equal(
        [
            new Paragraph("Ana Lima", TimeSpan.FromSeconds(1.5), "One."),
            new Paragraph("b", TimeSpan.FromSeconds(2.2), "Two. Three."),
        ], e.Paragraphs);
    }

    [Fact]
    public void Entities_and_doctypes_are_not_expanded()
    {
        var diagnostics = new DiagnosticBag();
        var raw = Reader.Read(new SourceText("t.xml", "<?xml version=\"1.0\"?><!DOCTYPE t [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><transcript><text start=\"1\">a &x; b</text></transcript>"), diagnostics);
        Assert.DoesNotContain(raw.SelectMany(r => r.Turns), t => t.Text.Contains("root"));
    }

    [Fact]
    public void Malformed_xml_is_an_error_at_its_line()
    {
        var diagnostics = new DiagnosticBag();
        Assert.Empty(Reader.Read(new SourceText("t.xml", "<transcript>\n<text start=\"1\">a</text>\n<text>\n</transcript>"), diagnostics));
        var error = Assert.Single(diagnostics.Items);
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(4, error.Line);
    }
}
