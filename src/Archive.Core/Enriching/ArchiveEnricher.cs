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
/// the mentions in each transcript that link to a page.
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

    public static Result Enrich(IReadOnlyList<Episode> episodes, ArchiveConfig config, DiagnosticBag diagnostics)
    {
        episodes = SpeakerAliases.From(config.SpeakerAliases).Apply(episodes);
        var unique = DuplicateEpisodes.Merge(episodes, diagnostics);
        episodes = unique.Episodes;
        var inputIndexes = unique.InputIndexes;
        var slugs = EpisodeSlugs.Assign(episodes, diagnostics);
        var named = episodes.SelectMany(e => e.Speakers.Where(s => !SpeakerLabel.IsGeneric(s)).Concat(e.Show is null ? [] : [e.Show]));
        // Each episode's text tokenised once, for topics and mentions.
        var vocabulary = new Vocabulary();
        var words = EpisodeWords.Tokenize(episodes, vocabulary);
        var extraction = TopicExtractor.Extract(episodes, words, vocabulary, config.Topics, named.Distinct(StringComparer.Ordinal).ToList());
        var archiveEpisodes = episodes.Select((e, i) => new ArchiveEpisode(e, slugs[i]) { Topics = extraction.Topics[i], NamedTopicCount = extraction.NamedCounts[i] }).ToList();

        var topics = Taxonomy.Build(archiveEpisodes, e => e.Topics);
        var people = Taxonomy.Build(archiveEpisodes, e => e.Episode.Speakers.Where(s => !SpeakerLabel.IsGeneric(s)));
        var shows = Taxonomy.Build(archiveEpisodes, e => e.Episode.Show is null ? [] : [e.Episode.Show]);

        var related = RelatedEpisodes.Find(archiveEpisodes, extraction);
        var mentions = MentionFinder.Find(archiveEpisodes, words, vocabulary, topics, people, shows, config.Topics, extraction.EverydayWords);
        var enriched = archiveEpisodes.Select((e, i) => e with { Related = related[i], Mentions = mentions[i] }).ToList();
        return new Result(enriched, inputIndexes, topics, people, shows);
    }
}
