using Archive.Core.Reading;

namespace Archive.Tests.Reading;

public class CueMarkupTests
{
    [Fact]
    public void Voice_tags_give_each_line_its_speaker_and_close_with_the_tag_or_the_cue()
    {
        var lines = CueMarkup.Parse(["<v Maya Okafor>Hello there.</v> <v.loud.x Tom Brandt>Hi!", "Still Tom."]);
        Assert.Equal(
        [
            new CueLine("Maya Okafor", "Hello there."),
            new CueLine("Tom Brandt", "Hi!"),
            new CueLine("Tom Brandt", "Still Tom."),
        ], lines);
    }

    [Fact]
    public void Styling_tags_timestamps_ruby_text_and_ass_codes_are_dropped_and_entities_decoded()
    {
        var lines = CueMarkup.Parse(
        [
            "{\\an8}<font color=\"#fff\"><i>Fish</i></font> &amp; <b>chips</b>&nbsp;<u>now</u>",
            "so<00:00:01.200><c> we</c><00:00:01.500><c.colorE5E5E5> go</c>",
            "<ruby>漢<rt>kan</rt></ruby> &lt;tag&gt; &#8212; &mdash;",
        ]);
        Assert.Equal(["Fish & chips now", "so we go", "漢 <tag> — —"], lines.Select(l => l.Text));
        Assert.All(lines, l => Assert.Null(l.Voice));
    }

    [Theory]
    [InlineData("3 < 5 and 7 > 4", "3 < 5 and 7 > 4")]
    [InlineData("a <3 b", "a <3 b")]
    [InlineData("unclosed <v Maya", "unclosed <v Maya")]
    [InlineData("   spaced    out   ", "spaced out")]
    public void Text_that_only_looks_like_markup_is_kept(string input, string expected) =>
        Assert.Equal(expected, Assert.Single(CueMarkup.Parse([input])).Text);

    [Fact]
    public void Blank_lines_vanish() => Assert.Empty(CueMarkup.Parse([" ", "<i></i>", "\u200E"]));
}
