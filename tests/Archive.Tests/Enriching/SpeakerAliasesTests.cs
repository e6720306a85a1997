using Archive.Core.Enriching;
using Archive.Core.Loading;
using Archive.Core.Model;
using Archive.Tests.Support;

namespace Archive.Tests.Enriching;

public class SpeakerAliasesTests
{
    private static Episode E(string title, params string[] speakers) => new()
    {
        Title = title,
        Source = new SourceRef(title + ".txt", 1),
        Speakers = speakers,
        Paragraphs = speakers.Select(s => new Paragraph(s, null, "Hello.")).ToList(),
    };

    [Fact]
    public void Every_spelling_becomes_the_name_given_first_in_speakers_and_paragraphs()
    {
        var aliases = SpeakerAliases.From(new Dictionary<string, IReadOnlyList<string>> { ["swyx"] = ["Swyx", "Sean Wang"] });
        var e = aliases.Apply(E("one", "Sean  Wang", "Alessio Fanelli", "SWYX"));
        Assert.Equal(["swyx", "Alessio Fanelli"], e.Speakers);
        Assert.Equal(["swyx", "Alessio Fanelli", "swyx"], e.Paragraphs.Select(p => p.Speaker));
        var untouched = E("two", "Maya Okafor");
        Assert.Same(untouched, aliases.Apply(untouched));
    }

    [Fact]
    public void Aliases_in_archive_yml_merge_people_pages_and_generic_labels_never_get_one()
    {
        using var temp = new TempFolder();
        temp.Write("in/archive.yml", "speakers:\n  swyx: [Swyx, Sean Wang]\n");
        temp.Write("in/a.txt", "Sean Wang: Hello there.\nAlessio Fanelli: Hi.\nSean Wang: Bye now.\n");
        temp.Write("in/b.txt", "Swyx: Welcome back.\nSPEAKER_01: Thanks.\nSwyx: Right.\nSPEAKER_01: Yes.\n");
        var archive = ArchiveLoader.Load(new LoadOptions(temp.Combine("in")));

        var swyx = Assert.Single(archive.People, p => p.Name == "swyx");
        Assert.Equal(2, swyx.Episodes.Count);
        Assert.DoesNotContain(archive.People, p => p.Name is "Swyx" or "Sean Wang" or "SPEAKER_01");
        Assert.Equal(["swyx", "SPEAKER_01"], archive.Episodes.Single(e => e.Episode.Source.Path.EndsWith("b.txt")).Episode.Speakers);
    }
}
