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

    private const string Description = "Maya and Tom walk through three outages caused by forgotten expiry rules, what each team changed " +
        "afterwards, why nobody owned the cache, how the pager went off at three in the morning, and what they would tell a new " +
        "team building its first caching layer today. They also answer listener questions about eviction, warm-up and metrics.";

    /// <summary>An episode of one show listed in one file: two listings whose summaries are mostly <see cref="Description"/> are one episode.</summary>
    private static Episode Listing(string title, string summary, int paragraphs) => new()
    {
        Title = title, Show = "The Workbench", Summary = summary, Source = new SourceRef("listing.txt", 1),
        Paragraphs = [.. Enumerable.Range(0, paragraphs).Select(i => new Paragraph("Maya", TimeSpan.FromSeconds(i * 10), $"Paragraph {i} of the talk."))],
    };

    private static readonly Episode TideTables =
        Listing("Tide tables", "Something else entirely about tide tables, harbours, buoys and the people who read them every morning before dawn.", 0);
    private static readonly Episode ExpiryRules = Listing("Expiry rules", Description + " Follow us everywhere.", 0);
    private static readonly Episode ReUpped = Listing("Expiry rules, re-upped", "Re-upped! " + Description.Replace(",", ";"), 3);

    [Fact]
    public void A_duplicate_that_arrives_later_is_found_through_the_fingerprints_the_digests_kept()
    {
        var digests = new Digests();
        List<Episode> before = [TideTables, ExpiryRules];
        Enrich(before, digests);
        Assert.Equal(DuplicateEpisodes.Fingerprint(ExpiryRules), digests.Get("Expiry rules")!.Fingerprint);

        var after = before.Append(ReUpped).ToList();
        digests.Hits = 0;
        var incremental = Enrich(after, digests);
        Assert.Equal(2, digests.Hits);
        Assert.Equal(["Tide tables", "Expiry rules, re-upped"], incremental.Episodes.Select(e => e.Episode.Title));
        AssertSame(Enrich(after, null), incremental);
    }

    [Fact]
    public void Both_listings_of_a_duplicate_keep_their_fingerprints_which_the_next_enrich_reads()
    {
        var digests = new Digests();
        List<Episode> archive = [TideTables, ExpiryRules, ReUpped];
        var first = Enrich(archive, digests);
        Assert.Equal(["Tide tables", "Expiry rules, re-upped"], first.Episodes.Select(e => e.Episode.Title));
        // The dropped listing and the one it was merged into: their fingerprints alone, as the duplicate search made them.
        Assert.Equal(["Expiry rules", "Expiry rules, re-upped", "Tide tables"], digests.Written.Order(StringComparer.Ordinal));
        foreach (var listing in new[] { ExpiryRules, ReUpped })
        {
            var digest = digests.Get(listing.Title)!;
            Assert.Null(digest.Enrichment);
            Assert.Equal(DuplicateEpisodes.Fingerprint(listing), digest.Fingerprint);
        }
        Assert.NotNull(digests.Get("Tide tables")!.Enrichment);

        // The next enrich finds every listing's digest and has nothing new to keep.
        (digests.Hits, digests.Puts) = (0, 0);
        digests.Written.Clear();
        AssertSame(Enrich(archive, null), Enrich(archive, digests));
        Assert.Equal(archive.Count, digests.Hits);
        Assert.Equal(0, digests.Puts);

        // Without the re-upload, the dropped listing is an episode again: made from its text, as from scratch, and kept whole.
        List<Episode> alone = [TideTables, ExpiryRules];
        AssertSame(Enrich(alone, null), Enrich(alone, digests));
        Assert.Equal(["Expiry rules"], digests.Written);
        Assert.NotNull(digests.Get("Expiry rules")!.Enrichment);
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

        var whole = EpisodeDigestCodec.Decode("Tides one", bytes)!;
        Assert.Equal(digest.Fingerprint, whole.Fingerprint);
        Assert.NotEmpty(whole.Fingerprint);
        var (made, read) = (digest.Enrichment!, whole.Enrichment!);
        Assert.Equal(made.Keys.Bits.ToArray(), read.Keys.Bits.ToArray());
        Assert.Equal(made.TextStarts, read.TextStarts);
        Assert.Equal(made.PhrasesContext, read.PhrasesContext);
        Assert.Equal(made.Phrases.Words, read.Phrases.Words);
        Assert.Equal(made.Phrases.Phrases, read.Phrases.Phrases);
        Assert.Equal(made.Phrases.Ruled, read.Phrases.Ruled);
        Assert.Equal(made.Phrases.Mentioned, read.Phrases.Mentioned);
        Assert.Equal(made.MentionsContext, read.MentionsContext);
        Assert.Equal(made.Mentions, read.Mentions);
        Assert.NotEmpty(read.Mentions);

        // A dropped duplicate's digest is its fingerprint alone, and reads back as that.
        var fingerprintOnly = EpisodeDigestCodec.Decode("Tides one", EpisodeDigestCodec.Encode(digest with { Enrichment = null })!)!;
        Assert.Equal(digest.Fingerprint, fingerprintOnly.Fingerprint);
        Assert.Null(fingerprintOnly.Enrichment);

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
