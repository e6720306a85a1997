using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Normalizing;

namespace Archive.Tests.Normalizing;

public class NotesOnlyEpisodesTests
{
    private static Episode At(int line, bool withText) => new()
    {
        Title = "Episode on line " + line,
        Source = new SourceRef("shows.txt", line),
        Paragraphs = withText ? [new Paragraph("Ada", null, "Hello there.")] : [],
    };

    [Fact]
    public void A_listing_gets_one_warning_counting_its_notes_only_episodes_and_naming_their_lines()
    {
        var diagnostics = new DiagnosticBag();
        int[] empty = [3, 4, 5, 9, 12, 13];
        var episodes = Enumerable.Range(3, 12).Select(l => At(l, !empty.Contains(l))).ToList();
        NotesOnlyEpisodes.Report(episodes, "shows.txt", diagnostics);
        var warning = Assert.Single(diagnostics.Items);
        Assert.Equal(("shows.txt", 3), (warning.Path, warning.Line));
        Assert.Equal("6 of the 12 episodes have show notes only, no transcript (lines 3–5, 9, 12, 13); their pages show the notes and chapters", warning.Message);
    }

    [Fact]
    public void A_single_episode_without_text_is_reported_on_its_own()
    {
        var diagnostics = new DiagnosticBag();
        NotesOnlyEpisodes.Report([At(1, false)], "talk.md", diagnostics);
        Assert.Contains("no transcript text was found", Assert.Single(diagnostics.Items).Message);

        var none = new DiagnosticBag();
        NotesOnlyEpisodes.Report([At(1, true), At(2, true)], "shows.txt", none);
        Assert.Empty(none.Items);
    }
}
