using Archive.Core.Text;

namespace Archive.Tests.Text;

public class InlineMarkupTests
{
    [Theory]
    [InlineData("Fish &amp; chips", "Fish & chips")]
    [InlineData("it&#39;s &quot;fine&quot;&nbsp;now", "it's \"fine\" now")]
    [InlineData(@"a \*literal\* star and \_under\_", "a *literal* star and _under_")]
    [InlineData("**bold** and *italic* and __strong__ and _em_", "bold and italic and strong and em")]
    [InlineData("see [the docs](https://example.org/x) and ![a cat](cat.png)", "see the docs and a cat")]
    [InlineData("run `make test` first", "run make test first")]
    [InlineData("f***ing snake_case_name 2*3*4 a * b", "f***ing snake_case_name 2*3*4 a * b")]
    [InlineData("AT&T and R&D", "AT&T and R&D")]
    public void Gives_the_characters_the_markup_stands_for(string input, string expected) =>
        Assert.Equal(expected, InlineMarkup.ToPlain(input));
}
