using Archive.Core.Config;
using Archive.Core.Diagnostics;
using Archive.Core.Loading;
using Archive.Core.Reading;
using Archive.Tests.Support;

namespace Archive.Tests.Reading;

/// <summary>
/// Broken YAML is reported at the line where the mistake is. YamlDotNet notices an unclosed
/// bracket or quote only where the text ends (or fails without a position); the message names
/// the line the bracket or quote opens on instead.
/// </summary>
public class YamlErrorLineTests
{
    private const string Ignored = "it was ignored and the transcript read without it";

    [Theory]
    // The bracket on line 2, the closing fence on line 3.
    [InlineData("---\ntitle: [unclosed\n---\n", "talk.md:2: error: front matter is not valid YAML (the '[' opened on this line is never closed); " + Ignored)]
    // Fields after the bracket: the parser runs past them to the end of the block.
    [InlineData("---\ntitle: Tide Tables\nspeakers: [Ines Moll, Teo Brandt\ndate: 2024-05-02\nshow: Low Water\n---\n",
        "talk.md:3: error: front matter is not valid YAML (the '[' opened on this line is never closed); " + Ignored)]
    [InlineData("---\nshow: Low Water\nguest: {name: Ines Moll\ndate: 2024-05-02\n---\n",
        "talk.md:3: error: front matter is not valid YAML (the '{' opened on this line is never closed); " + Ignored)]
    // A closed bracket inside an unclosed one: the outer one is named.
    [InlineData("---\ntitle: Tide Tables\ntopics: [tides, [charts, moon]\ndate: 2024-05-02\n---\n",
        "talk.md:3: error: front matter is not valid YAML (the '[' opened on this line is never closed); " + Ignored)]
    // A bracket that closes on a later line is fine; the unclosed one after it is named.
    [InlineData("\n---\ntitle: Tide Tables\ntopics: [tides,\n  charts]\nspeakers: [Ines Moll\n---\n",
        "talk.md:6: error: front matter is not valid YAML (the '[' opened on this line is never closed); " + Ignored)]
    [InlineData("---\ntitle: 'Tide Tables\ndate: 2024-05-02\n---\n",
        "talk.md:2: error: front matter is not valid YAML (the single quote opened on this line is never closed); " + Ignored)]
    [InlineData("---\nshow: Low Water\ntitle: \"Tide Tables\ndate: 2024-05-02\n---\n",
        "talk.md:3: error: front matter is not valid YAML (the double quote opened on this line is never closed); " + Ignored)]
    // Other mistakes keep the parser's own words and line: a quoted title closed on a line that is not indented.
    [InlineData("---\nshow: Low Water\ntitle: \"Tide\nTables\"\n---\n",
        "talk.md:3: error: front matter is not valid YAML (While scanning a multi-line double-quoted scalar, found wrong indentation); " + Ignored)]
    [InlineData("---\ntitle: Tide Tables\n  show: Low Water\n---\n",
        "talk.md:3: error: front matter is not valid YAML (While scanning a plain scalar value, found invalid mapping); " + Ignored)]
    [InlineData("---\ntitle: Tide Tables\ntopics: [tides, \"moon\" phases]\ndate: 2024-05-02\n---\n",
        "talk.md:3: error: front matter is not valid YAML (While parsing a flow sequence, did not find expected ',' or ']'); " + Ignored)]
    public void A_front_matter_error_names_the_line_of_the_mistake(string frontMatter, string expected)
    {
        var diagnostics = new DiagnosticBag();
        var episodes = new CanonicalMarkdownReader().Read(new SourceText("talk.md", frontMatter + "\n**[00:00:04] Ines Moll:** The tide turned before noon.\n"), diagnostics);
        Assert.Equal([expected], diagnostics.Items.Select(d => d.ToString()));
        Assert.Equal("The tide turned before noon.", Assert.Single(Assert.Single(episodes).Turns).Text);
    }

    [Fact]
    public void A_sidecar_error_names_the_line_the_bracket_opens_on()
    {
        var diagnostics = new DiagnosticBag();
        FrontMatter.ParseFile(new SourceText("ep.yml", "title: Tide Tables\ntopics: [tides\ndate: 2024-05-02\nshow: Low Water\n"), diagnostics, "the sidecar");
        Assert.Equal(["ep.yml:2: error: the sidecar is not valid YAML (the '[' opened on this line is never closed); it was ignored"],
            diagnostics.Items.Select(d => d.ToString()));
    }

    [Theory]
    [InlineData("title: [Low Water\ndescription: Tides and charts\n", "archive.yml:1: error: the archive settings are not valid YAML (the '[' opened on this line is never closed); the defaults were used")]
    [InlineData("title: Low Water\ndescription: \"Tides and charts\nlanguage: en\n", "archive.yml:2: error: the archive settings are not valid YAML (the double quote opened on this line is never closed); the defaults were used")]
    [InlineData("- Low Water\n- Tides\n", "archive.yml:1: error: the archive settings must be 'field: value' lines (title:, description:, base_url:, language:)")]
    public void An_archive_settings_error_names_its_line_and_the_defaults_are_used(string yaml, string expected)
    {
        var diagnostics = new DiagnosticBag();
        var config = ArchiveConfigReader.Parse(yaml, "archive.yml", diagnostics);
        Assert.Equal([expected], diagnostics.Items.Select(d => d.ToString()));
        Assert.Equal(new ArchiveConfig().Title, config.Title);
    }

    [Fact]
    public void An_unclosed_bracket_in_the_archive_settings_is_reported_and_the_archive_still_loads()
    {
        // YamlDotNet throws InvalidOperationException on this one: it must not escape the loader.
        using var temp = new TempFolder("yaml-settings");
        temp.Write("input/archive.yml", "title: [Low Water\ndescription: Tides and charts\nlanguage: en\n");
        temp.Write("input/tides.md", "---\ntitle: Tide Tables\n---\n\n**[00:00:04] Ines Moll:** The tide turned before noon.\n");
        var archive = ArchiveLoader.Load(new LoadOptions(temp.Combine("input")));
        Assert.Contains(archive.Diagnostics, d => d.Severity == Severity.Error && d.Line == 1 && d.Path.EndsWith("archive.yml", StringComparison.Ordinal)
            && d.Message.Contains("the '[' opened on this line is never closed", StringComparison.Ordinal));
        Assert.Equal("Tide Tables", Assert.Single(archive.Episodes).Episode.Title);
    }
}
