using Archive.Core.Model;
using Archive.Core.Normalizing;

namespace Archive.Tests.Normalizing;

public class SpeakerNamesTests
{
    private static Paragraph P(string speaker) => new(speaker, null, "text");

    [Fact]
    public void A_first_name_label_is_the_person_named_in_full()
    {
        var names = SpeakerNames.For([], [P("Ben Lorica"), P("Chang She"), P("Ben"), P("Chang")]);
        Assert.Equal("Ben Lorica", names.Of("Ben"));
        Assert.Equal("Chang She", names.Of("Chang"));
        Assert.Equal("Ben Lorica", names.Of("Ben Lorica"));
    }

    [Fact]
    public void A_last_name_label_counts_too_but_not_when_two_people_fit()
    {
        var names = SpeakerNames.For([], [P("Maya Okafor"), P("Maya Lindqvist"), P("Maya"), P("Okafor")]);
        Assert.Equal("Maya", names.Of("Maya"));
        Assert.Equal("Maya Okafor", names.Of("Okafor"));
    }

    [Fact]
    public void Case_and_spacing_variants_take_the_listed_or_most_used_spelling()
    {
        var names = SpeakerNames.For(["Tom Brandt"], [P("TOM BRANDT"), P("tom  brandt"), P("Aiko tanaka"), P("Aiko Tanaka"), P("Aiko Tanaka")]);
        Assert.Equal("Tom Brandt", names.Of("TOM BRANDT"));
        Assert.Equal("Tom Brandt", names.Of("tom  brandt"));
        Assert.Equal("Aiko Tanaka", names.Of("Aiko tanaka"));
    }

    [Fact]
    public void Generic_labels_are_never_merged()
    {
        var names = SpeakerNames.For([], [P("Speaker 1"), P("Speaker"), P("Speaker 2")]);
        Assert.Equal("Speaker", names.Of("Speaker"));
        Assert.Equal("Speaker 1", names.Of("Speaker 1"));
    }
}
