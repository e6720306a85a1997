using Archive.Core.Normalizing;

namespace Archive.Tests.Normalizing;

public class TitleTextTests
{
    [Theory]
    [InlineData("Hi everyone. Today Diego is here to talk about caches, the fastest way to be wrong at scale. It will be fun.", "Caches, the fastest way to be wrong at scale")]
    [InlineData("Good evening. Tonight's talk is about maps that lie.", "Maps that lie")]
    [InlineData("Okay. Um, so, the real question is whether to ship on Fridays. We will talk about it.", "The real question is whether to ship on Fridays")]
    [InlineData("Hey everyone, welcome to the Garden Hour podcast. This is Maya.", "Welcome to the Garden Hour podcast")]
    [InlineData("This is Maya Okafor. I'm here with Tom. Yeah, and honestly the heap was too wet all winter.", "Honestly the heap was too wet all winter")]
    public void A_transcript_without_title_is_named_by_what_it_says_it_is_about_or_its_first_real_sentence(string text, string expected) =>
        Assert.Equal(expected, TitleText.FromTranscript([text])?.Title);

    [Fact]
    public void Derived_titles_are_cut_at_a_word_within_90_characters()
    {
        var title = TitleText.FromTranscript([string.Join(" ", Enumerable.Repeat("compost heaps", 40)) + "."])!.Value.Title;
        Assert.True(title.Length <= TitleText.MaxLength, title);
        Assert.EndsWith("heaps…", title);
    }

    [Fact]
    public void No_text_gives_no_title() => Assert.Null(TitleText.FromTranscript(["", "  "]));

    [Theory]
    [InlineData("so the first thing", "So the first thing")]
    [InlineData("don't panic", "Don't panic")]
    [InlineData("a16z's Martin Casado joins", "a16z's Martin Casado joins")]
    [InlineData("iPhone apps at scale", "iPhone apps at scale")]
    [InlineData("eBay, then Etsy", "eBay, then Etsy")]
    [InlineData("Already capital", "Already capital")]
    [InlineData("", "")]
    public void Capitalizes_only_a_plain_lowercase_first_word(string text, string expected) =>
        Assert.Equal(expected, TitleText.Capitalize(text));
}
