using Archive.Core.Reading;

namespace Archive.Tests.Reading;

public class TurnLineTests
{
    [Theory]
    [InlineData("Maya Okafor: Welcome back.", TurnLayout.Name, "Maya Okafor", null, "Welcome back.")]
    [InlineData("**Maya Okafor:** Welcome back.", TurnLayout.Bold, "Maya Okafor", null, "Welcome back.")]
    [InlineData("**Maya Okafor**: Welcome back.", TurnLayout.Bold, "Maya Okafor", null, "Welcome back.")]
    [InlineData("**Maya Okafor** [00:01:02] Welcome back.", TurnLayout.Bold, "Maya Okafor", "00:01:02", "Welcome back.")]
    [InlineData("**[00:01:02] Maya Okafor:** Welcome back.", TurnLayout.Bold, "Maya Okafor", "00:01:02", "Welcome back.")]
    [InlineData("[00:01:02] Maya Okafor: Welcome back.", TurnLayout.TimeThenName, "Maya Okafor", "00:01:02", "Welcome back.")]
    [InlineData("01:02 Maya Okafor: Welcome back.", TurnLayout.TimeThenName, "Maya Okafor", "00:01:02", "Welcome back.")]
    [InlineData("[Speaker 1] [01:02] Welcome back.", TurnLayout.BracketedName, "Speaker 1", "00:01:02", "Welcome back.")]
    [InlineData("[Maya Okafor] 10:02:03", TurnLayout.BracketedName, "Maya Okafor", "10:02:03", "")]
    [InlineData("Maya Okafor  0:03", TurnLayout.NameThenTime, "Maya Okafor", "00:00:03", "")]
    [InlineData("Speaker 1  1:02:03", TurnLayout.NameThenTime, "Speaker 1", "01:02:03", "")]
    [InlineData("Maya Okafor (00:03):", TurnLayout.NameThenTime, "Maya Okafor", "00:00:03", "")]
    [InlineData("Maya Okafor: (00:03)", TurnLayout.NameThenTime, "Maya Okafor", "00:00:03", "")]
    [InlineData("00:01:02 Welcome back.", TurnLayout.Time, null, "00:01:02", "Welcome back.")]
    [InlineData("[01:02] Welcome back.", TurnLayout.Time, null, "00:01:02", "Welcome back.")]
    [InlineData("0:03", TurnLayout.Time, null, "00:00:03", "")]
    [InlineData("Maya Okafor", TurnLayout.NameAlone, "Maya Okafor", null, "")]
    [InlineData("**Maya Okafor**", TurnLayout.NameAlone, "Maya Okafor", null, "")]
    [InlineData("SPEAKER_01: Welcome back.", TurnLayout.Name, "SPEAKER_01", null, "Welcome back.")]
    [InlineData("Maya Okafor (host): Welcome back.", TurnLayout.Name, "Maya Okafor", null, "Welcome back.")]
    [InlineData("Jean-Luc van der Berg: Welcome back.", TurnLayout.Name, "Jean-Luc van der Berg", null, "Welcome back.")]
    public void Reads_the_layouts_exports_use(string line, TurnLayout layout, string? name, string? time, string text)
    {
        var turn = TurnLine.Parse(line);
        Assert.NotNull(turn);
        Assert.Equal(layout, turn.Layout);
        Assert.Equal(name, turn.Name);
        Assert.Equal(time, turn.Start is { } t ? t.ToString(@"hh\:mm\:ss") : null);
        Assert.Equal(text, turn.Text);
    }

    [Theory]
    [InlineData("Note: this is not a speaker.")]
    [InlineData("Here's the thing: nobody reads the docs.")]
    [InlineData("See https://example.org/page for details.")]
    [InlineData("https://example.org/page")]
    [InlineData("We met at 10:30 and talked.")]
    [InlineData("And that was the end of it.")]
    [InlineData("Subscribe: Apple • Spotify")]
    [InlineData("the first one: lower case")]
    public void Ordinary_sentences_are_not_turns(string line)
    {
        var turn = TurnLine.Parse(line);
        Assert.True(turn is null, $"'{line}' was read as {turn}");
    }
}
