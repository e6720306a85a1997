using Archive.Core.Config;
using Archive.Core.Loading;
using static Archive.Tests.Enriching.ArchiveBuilder;

namespace Archive.Tests.Enriching;

public class MentionFinderTests
{
    // Show "Tide" is hosted by Ona Vale (in all its episodes); Kai Moss was a guest once, Lu Chen
    // twice. Episode 3 (another show) mentions them all.
    private static List<Archive.Core.Model.Episode> Archive() =>
    [
        Episode("Tides one", "Tide", ["Ona Vale", "Kai Moss"], ["tidal power"], null, "Welcome, Kai Moss. Tidal power first.", "Tidal power is steady."),
        Episode("Tides two", "Tide", ["Ona Vale", "Lu Chen"], ["tidal power"], null, "Lu Chen is back.", "More tidal power."),
        Episode("Tides three", "Tide", ["Ona Vale", "Lu Chen"], ["RAG"], null, "Lu Chen again.", "Retrieval, or RAG."),
        Episode("Grid talk", "Grid", ["Max Dorn", "Ida Park"], ["LLM"], ["Opening@0", "Storage@2"],
            "Kai Moss told Ona Vale that tidal power is steady. Tidal power, again, and Kai Moss again.",
            "Lu Chen agreed. A rag is not RAG. Large language models help.",
            "Tidal power came back in this chapter. So did Kai Moss."),
        Episode("Grid again", "Grid", ["Max Dorn", "Ida Park"], null, null, "Nothing to link here."),
    ];

    private static IReadOnlyList<Mention> MentionsIn(int episode, out ArchiveEpisode e, TopicRules? rules = null)
    {
        var result = Enrich(Archive(), rules);
        e = result.Episodes[episode];
        return e.Mentions;
    }

    [Fact]
    public void The_first_mention_in_each_chapter_links_and_names_keep_their_text()
    {
        var mentions = MentionsIn(3, out var e);
        string Text(Mention m) => e.Episode.Paragraphs[m.Paragraph].Text.Substring(m.Start, m.Length);

        // Chapter "Opening" (paragraphs 0-1): Kai Moss, Ona Vale, tidal power once each, though said twice.
        var opening = mentions.Where(m => m.Paragraph < 2).ToList();
        Assert.Single(opening, m => Text(m) == "Kai Moss");
        Assert.Single(opening, m => Text(m) == "tidal power");
        Assert.Single(opening, m => Text(m) == "Ona Vale");
        // A new chapter links again.
        var storage = mentions.Where(m => m.Paragraph == 2).Select(Text).ToList();
        Assert.Equal(["Tidal power", "Kai Moss"], storage);
    }

    [Fact]
    public void A_guest_of_one_other_episode_links_to_it_and_hosts_or_frequent_guests_to_their_page()
    {
        var mentions = MentionsIn(3, out _);
        var kai = mentions.First(m => m.Slug is "tides-one" or "kai-moss");
        Assert.Equal(MentionKind.GuestEpisode, kai.Kind);
        Assert.Equal("tides-one", kai.Slug);
        // Lu Chen was a guest twice: their page lists both. Ona Vale hosts: their page.
        Assert.Contains(mentions, m => m.Kind == MentionKind.Person && m.Slug == "lu-chen");
        Assert.Contains(mentions, m => m.Kind == MentionKind.Person && m.Slug == "ona-vale");
        // In the episode where Kai speaks, a mention of Kai is Kai's page, unless Kai says it.
        var own = MentionsIn(0, out var tides);
        var kaiHere = Assert.Single(own, m => m.Slug == "kai-moss");
        Assert.Equal(MentionKind.Person, kaiHere.Kind);
        Assert.Equal("Ona Vale", tides.Episode.Paragraphs[kaiHere.Paragraph].Speaker);
    }

    [Fact]
    public void Acronyms_match_only_in_capitals_and_merged_names_link_to_their_topic()
    {
        var rules = new TopicRules { Merge = new Dictionary<string, IReadOnlyList<string>> { ["LLM"] = ["large language models"] } };
        var mentions = MentionsIn(3, out var e, rules);
        var paragraph = e.Episode.Paragraphs[1].Text;
        var rag = Assert.Single(mentions, m => m.Slug == "rag");
        Assert.Equal(paragraph.IndexOf("RAG", StringComparison.Ordinal), rag.Start);
        var llm = Assert.Single(mentions, m => m.Slug == "llm");
        Assert.Equal("Large language models", paragraph.Substring(llm.Start, llm.Length));
    }

    [Fact]
    public void An_everyday_word_topic_links_only_in_the_episodes_that_carry_it_and_a_name_links_anywhere()
    {
        // "weather" is a topic only because the first episode's metadata names it; "Northwind" is
        // a name wherever it is said.
        List<Archive.Core.Model.Episode> episodes =
        [
            Episode("Storm notes", "Sky", ["Ona Vale"], ["weather", "Northwind"], null, "The weather turned grey. We asked Northwind."),
            Episode("Harbour talk", "Sky", ["Ona Vale"], null, null, "The weather was calm. We asked Northwind, and then Northwind answered."),
        ];
        var plain = Enrich(episodes);
        Assert.Contains(plain.Episodes[0].Mentions, m => m.Slug == "weather");
        Assert.DoesNotContain(plain.Episodes[1].Mentions, m => m.Slug == "weather");
        Assert.Contains(plain.Episodes[1].Mentions, m => m.Slug == "northwind");
        Assert.Equal([0], Assert.Single(plain.Topics, t => t.Slug == "weather").Episodes);

        // archive.yml's add makes it a topic of every episode that says it: there it links.
        var added = Enrich(episodes, new TopicRules { Add = ["weather"] });
        Assert.Contains(added.Episodes[1].Mentions, m => m.Slug == "weather");
        Assert.Equal([0, 1], Assert.Single(added.Topics, t => t.Slug == "weather").Episodes);
    }
}
