using Archive.Core.Normalizing;

namespace Archive.Tests.Normalizing;

public class NoiseFilterTests
{
    [Theory]
    [InlineData("(upbeat music)", "")]
    [InlineData("[BLANK_AUDIO]", "")]
    [InlineData("[MUSIC_PLAYING]", "")]
    [InlineData("[ Silence ]", "")]
    [InlineData("[ Foreign ]", "")]
    [InlineData("(speaking in foreign language)", "")]
    [InlineData("*laughs* That is the policy.", "That is the policy.")]
    [InlineData("So (laughing) that was it.", "So that was it.")]
    [InlineData("♪ la la ♪ okay", "la la okay")]
    [InlineData("(clears throat) Right.", "Right.")]
    public void Drops_sounds_that_are_not_speech(string text, string expected) => Assert.Equal(expected, NoiseFilter.Clean(text));

    [Theory]
    [InlineData("[inaudible] he said")]
    [InlineData("It was [sic] wrong.")]
    [InlineData("(statically typed languages) are nice")]
    [InlineData("a (musical) note")]
    [InlineData("2*3*4 is 24")]
    public void Keeps_brackets_that_hold_words(string text) => Assert.Equal(text, NoiseFilter.Clean(text));
}
