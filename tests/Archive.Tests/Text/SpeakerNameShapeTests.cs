using Archive.Core.Text;

namespace Archive.Tests.Text;

public class SpeakerNameShapeTests
{
    [Theory]
    [InlineData("Maya Okafor")]
    [InlineData("Dr. Rui Costa")]
    [InlineData("Ludwig van Beethoven")]
    [InlineData("O'Brien")]
    [InlineData("Zoë Müller")]
    [InlineData("SPEAKER_01")]
    [InlineData("spk_0")]
    [InlineData("Speaker 2")]
    [InlineData("Unknown Speaker")]
    [InlineData("Host")]
    public void Accepts_names_and_generic_labels(string name) => Assert.True(SpeakerNameShape.IsPlausible(name), name);

    [Theory]
    [InlineData("Note")]
    [InlineData("Related content")]
    [InlineData("Here's the thing")]
    [InlineData("the host")]
    [InlineData("https")]
    [InlineData("10")]
    [InlineData("A Very Long Label With Too Many Capitalised Words")]
    [InlineData("I")]
    [InlineData("Subscribe")]
    public void Refuses_what_is_not_a_name(string name) => Assert.False(SpeakerNameShape.IsPlausible(name), name);

    [Fact]
    public void Cleans_roles_and_markup() =>
        Assert.Equal("Maya Okafor", SpeakerNameShape.Clean("**Maya   Okafor (host):**"));
}
