using Archive.Core.Config;
using Archive.Core.Diagnostics;
using Archive.Core.Loading;
using Archive.Core.Model;
using Archive.Core.Text;

namespace Archive.Core.Enriching;

/// <summary>
/// The enrich stage: what needs every episode at once. Speaker aliases from archive.yml applied,
/// the same episode listed twice made one, slugs unique across the archive, topics
/// (from metadata and from the text), the topic, person and show indexes, related episodes, and
/// the mentions in each transcript that link to a page. Given what earlier builds kept of each
/// episode (<see cref="EpisodeDigest"/>), it reads again only the episodes whose phrases or
/// mentions may have changed: a new episode's, and those that say a name it added or removed.
/// </summary>
public static class ArchiveEnricher
{
    public sealed record Result(
        IReadOnlyList<ArchiveEpisode> Episodes,
        /// <summary>For each result episode, its index in the input list.</summary>
        IReadOnlyList<int> InputIndexes,
        IReadOnlyList<TaxonomyTerm> Topics,
        IReadOnlyList<TaxonomyTerm> People,
        IReadOnlyList<TaxonomyTerm> Shows);

    /// <param name="identities">For each input episode, what identifies it across builds (its source), or null; see <see cref="EpisodeDigest.Identity"/>.</param>
    /// <param name="digests">Where what enrich learns of each episode is kept between builds; with <paramref name="identities"/>, an
    /// episode whose digest is still good is not read again.</param>
    public static Result Enrich(IReadOnlyList<Episode> inputs, ArchiveConfig config, DiagnosticBag diagnostics,
        IReadOnlyList<string?>? identities = null, IEpisodeDigests? digests = null)
    {
        var aliased = SpeakerAliases.From(config.SpeakerAliases).Apply(inputs);

        // What earlier builds learnt of each episode; the parts still good are used instead of its words.
        var inputIdentity = new string?[inputs.Count];
        var inputDigest = new EpisodeDigest?[inputs.Count];
        if (identities is not null && digests is not null)
        {
            var aliasesKey = EnrichSettings.Text(config.SpeakerAliases, null);
            for (int input = 0; input < inputs.Count; input++)
                if (identities[input] is { } source)
                    inputIdentity[input] = ReferenceEquals(aliased[input], inputs[input]) ? source : source + "\n" + aliasesKey;
            Parallel.For(0, inputs.Count, input => inputDigest[input] = inputIdentity[input] is { } id ? digests.Get(id) : null);
        }

        var unique = DuplicateEpisodes.Merge(aliased, diagnostics, inputDigest.Select(d => d?.Fingerprint).ToList());
        var episodes = unique.Episodes;
        var inputIndexes = unique.InputIndexes;
        var slugs = EpisodeSlugs.Assign(episodes, diagnostics);
        int n = episodes.Count;
        var named = episodes.SelectMany(e => e.Speakers.Where(s => !SpeakerLabel.IsGeneric(s)).Concat(e.Show is null ? [] : [e.Show]))
            .Distinct(StringComparer.Ordinal).ToList();
        // An episode merged with its duplicate is made of two sources: found anew every time.
        var identity = new string?[n];
        var digest = new EpisodeDigest.Enriched?[n];
        for (int i = 0; i < n; i++)
            if (ReferenceEquals(episodes[i], aliased[inputIndexes[i]]))
                (identity[i], digest[i]) = (inputIdentity[inputIndexes[i]], inputDigest[inputIndexes[i]]?.Enrichment);
        var phrasesContext = new PhrasesContext(config.Topics, named);
        var phrasesContexts = new byte[]?[n];
        var counted = new TopicExtractor.CountedPhrases?[n];
        Parallel.For(0, n, i =>
        {
            if (digest[i] is not { } d) return;
            phrasesContexts[i] = phrasesContext.Of(d.Keys);
            if (d.PhrasesContext.AsSpan().SequenceEqual(phrasesContexts[i])) counted[i] = d.Phrases;
        });

        // Each episode's text tokenised once, for topics and mentions: those whose phrases are not known now, others if their mentions need it.
        var vocabulary = new Vocabulary();
        var words = EpisodeWords.Tokenize(episodes, vocabulary, i => counted[i] is null);
        var keyHashes = vocabulary.KeyHashes();
        var filters = new KeyFilter?[n];
        Parallel.For(0, n, i => filters[i] = digest[i]?.Keys ?? (identity[i] is null ? null : words[i]!.KeyFilter(vocabulary, keyHashes)));
        var textStarts = Enumerable.Range(0, n).Select(i => words[i]?.TextStarts ?? digest[i]!.TextStarts).ToList();

        var extraction = TopicExtractor.Extract(episodes, words, textStarts, counted, vocabulary, config.Topics, named);
        var archiveEpisodes = episodes.Select((e, i) => new ArchiveEpisode(e, slugs[i]) { Topics = extraction.Topics[i], NamedTopicCount = extraction.NamedCounts[i] }).ToList();

        var topics = Taxonomy.Build(archiveEpisodes, e => e.Topics);
        var people = Taxonomy.Build(archiveEpisodes, e => e.Episode.Speakers.Where(s => !SpeakerLabel.IsGeneric(s)));
        var shows = Taxonomy.Build(archiveEpisodes, e => e.Episode.Show is null ? [] : [e.Episode.Show]);

        var related = RelatedEpisodes.Find(archiveEpisodes, extraction);
        var known = digest.Select(d => d is null ? null : new MentionFinder.Known(d.MentionsContext, d.Mentions)).ToList();
        var mentions = MentionFinder.Find(archiveEpisodes, need =>
            {
                var more = EpisodeWords.Tokenize(episodes, vocabulary, i => words[i] is null && need(i));
                for (int i = 0; i < n; i++) words[i] ??= more[i];
                return words;
            }, filters, known,
            vocabulary, topics, people, shows, config.Topics, extraction.EverydayWords);
        if (digests is not null)
        {
            Parallel.For(0, n, i =>
            {
                if (identity[i] is not { } id) return;
                var made = new EpisodeDigest.Enriched(filters[i]!, textStarts[i], phrasesContexts[i] ?? phrasesContext.Of(filters[i]!), extraction.Counted[i],
                    mentions.Contexts[i]!, mentions.Mentions[i]);
                if (digest[i] is not { } was || !ReferenceEquals(was.Phrases, made.Phrases) || !ReferenceEquals(was.Mentions, made.Mentions))
                    digests.Put(new EpisodeDigest(id, unique.Fingerprints[inputIndexes[i]], made));
            });
            // An episode dropped as another's duplicate, or merged with one, keeps its fingerprint, so
            // the next build's duplicate search need not make it again from its text.
            var asGiven = new bool[inputs.Count];
            for (int i = 0; i < n; i++) asGiven[inputIndexes[i]] = identity[i] is not null;
            for (int input = 0; input < inputs.Count; input++)
                if (!asGiven[input] && inputIdentity[input] is { } id && inputDigest[input] is null)
                    digests.Put(new EpisodeDigest(id, unique.Fingerprints[input], null));
        }
        var enriched = archiveEpisodes.Select((e, i) => e with { Related = related[i], Mentions = mentions.Mentions[i] }).ToList();
        return new Result(enriched, inputIndexes, topics, people, shows);
    }

    /// <summary>
    /// What an episode's counted phrases depend on besides its text: the topic rules, and which of
    /// the words of the archive's names (people and shows) it says, as its <see cref="KeyFilter"/> tells.
    /// </summary>
    private sealed class PhrasesContext
    {
        private readonly byte[] _rules;
        private readonly (byte[] Text, long Hash)[] _nameWords;

        public PhrasesContext(TopicRules rules, IEnumerable<string> names)
        {
            _rules = System.Text.Encoding.UTF8.GetBytes(EnrichSettings.Text(null, rules) + "\n");
            _nameWords = [.. names
                .SelectMany(name => WordScanner.KeyOf(name).Split(' ', StringSplitOptions.RemoveEmptyEntries))
                .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal)
                .Select(word => (System.Text.Encoding.UTF8.GetBytes(word + "\n"), WordScanner.Hash(word)))];
        }

        public byte[] Of(KeyFilter filter)
        {
            var hash = ThreadSha256.Hasher;
            hash.AppendData(_rules);
            foreach (var (text, wordHash) in _nameWords)
                if (filter.MayContain(wordHash)) hash.AppendData(text);
            return hash.GetHashAndReset();
        }
    }
}
