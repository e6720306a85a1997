using Archive.Core.Config;
using Archive.Core.Diagnostics;
using Archive.Core.Enriching;
using Archive.Core.Loading;
using Archive.Core.Model;
using static Archive.Tests.Enriching.ArchiveBuilder;

namespace Archive.Tests.Enriching;

/// <summary>Enrich with the digests an earlier enrich kept makes what enrich from scratch makes, and uses them.</summary>
public class EpisodeDigestTests
{
    /// <summary>Digests in memory, counting what enrich asked for and kept.</summary>
    private sealed class Digests : IEpisodeDigests
    {
        private readonly System.Collections.Concurrent.ConcurrentDictionary<string, EpisodeDigest> _kept = new();
        public int Hits, Puts;
        public List<string> Written { get; } = [];

        public EpisodeDigest? Get(string identity)
        {
            var digest = _kept.GetValueOrDefault(identity);
            if (digest is not null) Interlocked.Increment(ref Hits);
            return digest;
        }

        public void Put(EpisodeDigest digest)
        {
            _kept[digest.Identity] = digest;
            Interlocked.Increment(ref Puts);
            lock (Written) Written.Add(digest.Identity);
        }
    }

    // Two shows; "vector search" and "Rhea Stone" are said in the first episodes before either has a
    // page: until she speaks in an episode, her name is a phrase like any other, and a topic.
    private static List<Episode> Archive() =>
    [
        Episode("Tides one", "Tide", ["Ona Vale", "Kai Moss"], ["tidal power"], null,
            "Welcome, Kai Moss. Tidal power first, then vector search.", "Tidal power is steady. Vector search is not.", "Rhea Stone wrote about vector search. Rhea Stone again."),
        Episode("Tides two", "Tide", ["Ona Vale", "Lu Chen"], ["tidal power"], null, "Lu Chen is back.", "More tidal power and more vector search.", "Vector search again, as Rhea Stone says. Ask Rhea Stone."),
        Episode("Grid talk", "Grid", ["Max Dorn", "Ida Park"], ["LLM"], ["Opening@0", "Storage@2"],
            "Kai Moss told Ona Vale that tidal power is steady. Tidal power, again.", "Lu Chen agreed. Large language models help.", "Storage is tidal power too."),
        Episode("Grid again", "Grid", ["Max Dorn", "Ida Park"], null, null, "Nothing to link here, says Max Dorn.", "Batteries and grids."),
    ];

    private static readonly Episode Arrival = Episode("Grid three", "Grid", ["Max Dorn", "Rhea Stone"], null, null,
        "Rhea Stone on vector search.", "Vector search for grids: vector search finds the batteries.", "Tidal power and batteries.");

    private static ArchiveEnricher.Result Enrich(IReadOnlyList<Episode> episodes, Digests? digests, TopicRules? rules = null) =>
        ArchiveEnricher.Enrich(episodes, new ArchiveConfig { Topics = rules ?? new TopicRules() }, new DiagnosticBag(),
            episodes.Select(e => (string?)e.Title).ToList(), digests);

    private static void AssertSame(ArchiveEnricher.Result expected, ArchiveEnricher.Result actual)
    {
        Assert.Equal(expected.Episodes.Count, actual.Episodes.Count);
        for (int i = 0; i < expected.Episodes.Count; i++)
        {
            var (e, a) = (expected.Episodes[i], actual.Episodes[i]);
            Assert.Equal(e.Slug, a.Slug);
            Assert.Equal(e.Topics, a.Topics);
            Assert.Equal(e.Related.Select(r => (r.Episode, r.Score, string.Join(",", r.SharedTopics))), a.Related.Select(r => (r.Episode, r.Score, string.Join(",", r.SharedTopics))));
            Assert.Equal(e.Mentions, a.Mentions);
        }
        Assert.Equal(expected.Topics.Select(t => (t.Name, string.Join(",", t.Episodes))), actual.Topics.Select(t => (t.Name, string.Join(",", t.Episodes))));
        Assert.Equal(expected.People.Select(t => (t.Name, string.Join(",", t.Episodes))), actual.People.Select(t => (t.Name, string.Join(",", t.Episodes))));
    }

    [Fact]
    public void A_new_episode_enriched_with_the_digests_equals_enrich_from_scratch()
    {
        var digests = new Digests();
        var before = Archive();
        var first = Enrich(before, digests);
        AssertSame(Enrich(before, null), first);
        Assert.Contains(first.Topics, t => t.Name == "Rhea Stone");
        Assert.Equal(before.Count, digests.Puts);

        var after = before.Append(Arrival).ToList();
        digests.Puts = 0;
        digests.Written.Clear();
        var incremental = Enrich(after, digests);
        AssertSame(Enrich(after, null), incremental);
        Assert.DoesNotContain(incremental.Topics, t => t.Name == "Rhea Stone");
        Assert.Equal(before.Count, digests.Hits);

        // Rhea Stone is now a guest, so "Tides one", which names her, links her episode; its digest was made again.
        var tidesOne = incremental.Episodes[0];
        Assert.Contains(tidesOne.Mentions, m => tidesOne.Episode.Paragraphs[m.Paragraph].Text.Substring(m.Start, m.Length) == "Rhea Stone");
        Assert.Contains("Tides one", digests.Written);
        // "Grid again" says nothing the new episode changed: its digest stands as it was.
        Assert.DoesNotContain("Grid again", digests.Written);
        Assert.Contains("Grid three", digests.Written);
    }

    [Fact]
    public void A_duplicate_that_arrives_later_is_found_through_the_fingerprints_the_digests_kept()
    {
        const string description = "Maya and Tom walk through three outages caused by forgotten expiry rules, what each team changed " +
            "afterwards, why nobody owned the cache, how the pager went off at three in the morning, and what they would tell a new " +
            "team building its first caching layer today. They also answer listener questions about eviction, warm-up and metrics.";
        Episode Listing(string title, string summary, int paragraphs) => new()
        {
            Title = title, Show = "The Workbench", Summary = summary, Source = new SourceRef("listing.txt", 1),
            Paragraphs = [.. Enumerable.Range(0, paragraphs).Select(i => new Paragraph("Maya", TimeSpan.FromSeconds(i * 10), $"Paragraph {i} of the talk."))],
        };
        var digests = new Digests();
        var before = new List<Episode>
        {
            Listing("Tide tables", "Something else entirely about tide tables, harbours, buoys and the people who read them every morning before dawn.", 0),
            Listing("Expiry rules", description + " Follow us everywhere.", 0),
        };
        Enrich(before, digests);
        Assert.Equal(DuplicateEpisodes.Fingerprint(before[1]), digests.Get("Expiry rules")!.Fingerprint);

        var after = before.Append(Listing("Expiry rules, re-upped", "Re-upped! " + description.Replace(",", ";"), 3)).ToList();
        digests.Hits = 0;
        var incremental = Enrich(after, digests);
        Assert.Equal(2, digests.Hits);
        Assert.Equal(["Tide tables", "Expiry rules, re-upped"], incremental.Episodes.Select(e => e.Episode.Title));
        AssertSame(Enrich(after, null), incremental);
    }

    [Fact]
    public void Digests_are_counted_again_when_the_topic_rules_change()
    {
        var digests = new Digests();
        var archive = Archive().Append(Arrival).ToList();
        Enrich(archive, digests);
        var rules = new TopicRules { Add = ["batteries"], Ban = ["tidal power"], Merge = new Dictionary<string, IReadOnlyList<string>> { ["Vector search"] = ["vector searches"] } };
        digests.Written.Clear();
        AssertSame(Enrich(archive, null, rules), Enrich(archive, digests, rules));
        Assert.Equal(archive.Count, digests.Written.Count);
    }

    [Fact]
    public void A_digest_survives_its_cache_entry_and_a_damaged_entry_is_a_miss()
    {
        var digests = new Digests();
        var archive = Archive();
        Enrich(archive, digests);
        var digest = digests.Get("Tides one")!;
        var bytes = EpisodeDigestCodec.Encode(digest)!;

        var read = EpisodeDigestCodec.Decode("Tides one", bytes)!;
        Assert.Equal(digest.Keys.Bits.ToArray(), read.Keys.Bits.ToArray());
        Assert.Equal(digest.TextStarts, read.TextStarts);
        Assert.Equal(digest.Fingerprint, read.Fingerprint);
        Assert.NotEmpty(read.Fingerprint);
        Assert.Equal(digest.PhrasesContext, read.PhrasesContext);
        Assert.Equal(digest.Phrases.Words, read.Phrases.Words);
        Assert.Equal(digest.Phrases.Phrases, read.Phrases.Phrases);
        Assert.Equal(digest.Phrases.Ruled, read.Phrases.Ruled);
        Assert.Equal(digest.Phrases.Mentioned, read.Phrases.Mentioned);
        Assert.Equal(digest.MentionsContext, read.MentionsContext);
        Assert.Equal(digest.Mentions, read.Mentions);
        Assert.NotEmpty(read.Mentions);

        Assert.Null(EpisodeDigestCodec.Decode("Tides two", bytes));
        for (int at = 0; at < bytes.Length; at += 7)
        {
            var damaged = (byte[])bytes.Clone();
            damaged[at] ^= 0x10;
            Assert.Null(EpisodeDigestCodec.Decode("Tides one", damaged));
        }
        Assert.Null(EpisodeDigestCodec.Decode("Tides one", bytes.AsSpan(0, bytes.Length - 1)));
    }

    [Fact]
    public void A_key_filter_knows_every_key_and_pair_it_was_given()
    {
        var vocabulary = new Vocabulary();
        var episode = Episode("Filters", null, null, null, null, "Vector search over many words, and then more words about grids.");
        var words = EpisodeWords.Tokenize([episode], vocabulary)[0];
        var filter = words.KeyFilter(vocabulary, vocabulary.KeyHashes());
        long Key(string k) => WordScanner.Hash(k);
        Assert.True(filter.MayContainPhrase([Key("vector"), Key("search")]));
        Assert.True(filter.MayContainPhrase([Key("grid")]));
        Assert.True(filter.MayContainPhrase([Key("filter")]));
        foreach (var word in "over many word and then more about".Split(' ')) Assert.True(filter.MayContain(Key(word)), word);
        // Both words are said, not one after the other.
        Assert.False(filter.MayContainPhrase([Key("search"), Key("vector")]));
        Assert.False(filter.MayContainPhrase([Key("vector"), Key("grid")]));
        Assert.False(filter.MayContain(Key("battery")));
    }
}
