using Archive.Core.Text;

namespace Archive.Tests.Text;

public class GluedTextTests
{
    [Theory]
    [InlineData("a different reality.Brought to you by:KPMG and friends", "a different reality. Brought to you by: KPMG and friends")]
    [InlineData("We loved it!Today we talk about caches.Yeah.MAI models, said Maria?Sure", "We loved it! Today we talk about caches. Yeah. MAI models, said Maria? Sure")]
    [InlineData("the reference (FEP)https://example.org/fep and more", "the reference (FEP) https://example.org/fep and more")]
    [InlineData("READING:Books we loved", "READING: Books we loved")]
    public void Separates_paragraphs_glued_by_lost_markup(string input, string expected) =>
        Assert.Equal(expected, GluedText.Separate(input));

    [Theory]
    [InlineData("Read Latent.Space today")]
    [InlineData("Built with Node.JS and ASP.NET, hosted by Character.AI")]
    [InlineData("J.R.R. Tolkien and e.g.The cases, U.S.A. too")]
    [InlineData("See https://example.org/A.Page?x=1:Y for it")]
    [InlineData("mail ada@Example.Org now")]
    [InlineData("version 2.0 is out, at 10:30 today")]
    [InlineData("")]
    public void Leaves_names_initials_links_and_numbers_alone(string input) =>
        Assert.Equal(input, GluedText.Separate(input));

    [Fact]
    public void Puts_the_given_separator_between_glued_paragraphs()
    {
        Assert.Equal("First paragraph.\nSecond one!\nThird", GluedText.Separate("First paragraph.Second one!Third", "\n"));
    }

    [Fact]
    public void Handles_a_long_line_in_linear_time()
    {
        var text = string.Concat(Enumerable.Repeat("word.Word ", 200_000));
        Assert.Equal(text.Length + 200_000, GluedText.Separate(text).Length);
    }
}
