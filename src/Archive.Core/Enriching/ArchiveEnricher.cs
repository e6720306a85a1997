using Archive.Core.Config;
using Archive.Core.Diagnostics;
using Archive.Core.Loading;
using Archive.Core.Model;

namespace Archive.Core.Enriching;

/// <summary>
/// The enrich stage: what needs every episode at once. The same episode listed twice made one,
/// slugs unique across the archive, then the
/// topic, person and show indexes.
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
        var unique = DuplicateEpisodes.Merge(episodes, diagnostics);
        episodes = unique.Episodes;
        var inputIndexes = unique.InputIndexes;
        var slugs = EpisodeSlugs.Assign(episodes, diagnostics);
        var archiveEpisodes = episodes.Select((e, i) => new ArchiveEpisode(e, slugs[i])).ToList();
        return new Result(
            archiveEpisodes,
            inputIndexes,
            Taxonomy.Build(archiveEpisodes, e => e.Topics),
            Taxonomy.Build(archiveEpisodes, e => e.Speakers.Where(s => !Text.SpeakerLabel.IsGeneric(s))),
            Taxonomy.Build(archiveEpisodes, e => e.Show is null ? [] : [e.Show]));
    }
}
