using Archive.Core.Text;

namespace Archive.Tests.Text;

public class BoilerplateTests
{
    [Theory]
    [InlineData("Subscribe: Apple • Spotify • Overcast • Pocket Casts • RSS.")]
    [InlineData("Listen on Apple Podcasts, Spotify or YouTube")]
    [InlineData("This episode is brought to you by Acme Widgets.")]
    [InlineData("Sponsors: Acme, Globex and Initech")]
    [InlineData("Follow us at https://example.org/social")]
    [InlineData("Support our work by subscribing to our newsletter")]
    [InlineData("Learn more about your ad choices.")]
    public void Plugs_notices_and_platform_lists_are_boilerplate(string sentence) =>
        Assert.True(Boilerplate.IsBoilerplate(sentence), sentence);

    [Theory]
    [InlineData("Lena explains why a schema is a contract between the teams that write and read data.")]
    [InlineData("We follow one request from the browser to the database and back, and look at every cache on the way.")]
    [InlineData("Diego compares keyword search on YouTube transcripts with vector search.")]
    public void Sentences_about_the_episode_are_not(string sentence) =>
        Assert.False(Boilerplate.IsBoilerplate(sentence), sentence);
}
