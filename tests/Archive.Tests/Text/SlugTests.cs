using Archive.Core.Text;

namespace Archive.Tests.Text;

public class SlugTests
{
    [Theory]
    [InlineData("Why Your Data Pipeline Needs a Schema", "why-your-data-pipeline-needs-a-schema")]
    [InlineData("Signal & Noise", "signal-and-noise")]
    [InlineData("Crème brûlée, Straße", "creme-brulee-strasse")]
    [InlineData("Don't Panic!", "dont-panic")]
    [InlineData("  --Hello---World--  ", "hello-world")]
    [InlineData("Who Pays for Open Source?", "who-pays-for-open-source")]
    [InlineData("2025: A Year", "2025-a-year")]
    public void Is_lowercase_ascii_words_joined_by_hyphens(string text, string slug) =>
        Assert.Equal(slug, Slug.From(text));

    [Theory]
    [InlineData("../../etc/passwd")]
    [InlineData("..")]
    [InlineData("/root")]
    [InlineData("a/../../b")]
    [InlineData("C:\\Windows")]
    public void Can_never_be_a_path(string text)
    {
        var slug = Slug.From(text);
        Assert.DoesNotContain("/", slug);
        Assert.DoesNotContain("\\", slug);
        Assert.DoesNotContain(".", slug);
        Assert.NotEqual("", slug);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("???")]
    [InlineData("日本語")]
    public void Falls_back_when_nothing_is_left(string text) => Assert.Equal("untitled", Slug.From(text));

    [Fact]
    public void Is_cut_at_a_word_within_the_limit()
    {
        var slug = Slug.From(string.Join(' ', Enumerable.Repeat("transcript", 30)));
        Assert.True(slug.Length <= Slug.MaxLength);
        Assert.EndsWith("transcript", slug);
    }

    [Fact]
    public void Registry_numbers_the_second_claim_of_a_slug()
    {
        var registry = new Slug.Registry();
        Assert.Equal("intro", registry.Claim("intro"));
        Assert.Equal("intro-2", registry.Claim("intro"));
        Assert.Equal("intro-3", registry.Claim("intro"));
        Assert.Equal("outro", registry.Claim("outro"));
    }
}
