using Archive.Core.Config;
using Archive.Core.Diagnostics;
using Archive.Core.Model;

namespace Archive.Core.Loading;

/// <summary>Everything the load stage produces: the archive as the site will show it.</summary>
public sealed record LoadedArchive
{
    public required ArchiveConfig Config { get; init; }
    /// <summary>Episodes in input order (file path, then position in the file), each with its unique slug.</summary>
    public required IReadOnlyList<ArchiveEpisode> Episodes { get; init; }
    public required IReadOnlyList<SourceFileReport> Files { get; init; }
    public required IReadOnlyList<TaxonomyTerm> Topics { get; init; }
    public required IReadOnlyList<TaxonomyTerm> People { get; init; }
    public required IReadOnlyList<TaxonomyTerm> Shows { get; init; }
    public required IReadOnlyList<Diagnostic> Diagnostics { get; init; }
    public required IReadOnlyList<StageTiming> Timings { get; init; }
    /// <summary>How many input files came from the load cache instead of being parsed.</summary>
    public int CachedFiles { get; init; }
    /// <summary>Whether the enrich stage's result came from the cache (<see cref="EnrichCache"/>): every input and setting as last time.</summary>
    public bool EnrichCached { get; init; }
    /// <summary>
    /// Per episode (parallel to <see cref="Episodes"/>): the load cache's key of its file and its
    /// place in it, so equal keys mean equal <see cref="Episode"/>s and the build can keep what it
    /// made from one last time; null when loaded without the cache.
    /// </summary>
    public IReadOnlyList<string?> EpisodeSourceKeys { get; init; } = [];

    /// <summary>Episode <paramref name="episode"/>'s entry of <see cref="EpisodeSourceKeys"/>; null without one.</summary>
    public string? SourceKeyOf(int episode) => episode < EpisodeSourceKeys.Count ? EpisodeSourceKeys[episode] : null;

    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);
}

/// <summary>
/// An episode with what the enrich stage adds to it, knowing the whole archive: its slug, its
/// topics, the episodes most like it, and where the transcript mentions what has a page.
/// </summary>
public sealed record ArchiveEpisode(Episode Episode, string Slug)
{
    /// <summary>Its topics after <c>archive.yml</c>'s rules: those of its metadata, then those found in its text.</summary>
    public IReadOnlyList<string> Topics { get; init; } = Episode.Topics;
    /// <summary>
    /// How many of <see cref="Topics"/>, first, the episode is named by its metadata and archive.yml's
    /// <c>add</c> rules: those depend on the episode and the configuration alone, unlike topics found
    /// in the text, which another episode's arrival can change.
    /// </summary>
    public int NamedTopicCount { get; init; } = Episode.Topics.Count;
    /// <summary>The first <see cref="NamedTopicCount"/> of <see cref="Topics"/>.</summary>
    public IEnumerable<string> NamedTopics => Topics.Take(NamedTopicCount);
    /// <summary>The most similar episodes by content, most similar first.</summary>
    public IReadOnlyList<RelatedEpisode> Related { get; init; } = [];
    /// <summary>The first mention in each chapter of each topic or person that has a page, in text order.</summary>
    public IReadOnlyList<Mention> Mentions { get; init; } = [];
}

/// <summary>An episode similar to another: its index in <see cref="LoadedArchive.Episodes"/>, the cosine similarity, the topics both have.</summary>
public sealed record RelatedEpisode(int Episode, double Score, IReadOnlyList<string> SharedTopics);

/// <summary>What a mention links to.</summary>
public enum MentionKind
{
    /// <summary>A topic page; <see cref="Mention.Slug"/> is the topic's slug.</summary>
    Topic,
    /// <summary>A person page; <see cref="Mention.Slug"/> is the person's slug.</summary>
    Person,
    /// <summary>The one other episode where the person named was a guest; <see cref="Mention.Slug"/> is that episode's slug.</summary>
    GuestEpisode,
}

/// <summary>
/// Words of a paragraph that name a topic or a person: <see cref="Start"/> and <see cref="Length"/>
/// are character positions in <see cref="Archive.Core.Model.Paragraph.Text"/>.
/// </summary>
public sealed record Mention(int Paragraph, int Start, int Length, MentionKind Kind, string Slug);

/// <summary>
/// A topic, person or show: its name, its URL slug, and the episodes it belongs to as indexes
/// into <see cref="LoadedArchive.Episodes"/> (indexes, not references, so records stay acyclic).
/// </summary>
public sealed record TaxonomyTerm(string Name, string Slug, IReadOnlyList<int> Episodes);

/// <summary>What one input file gave: its detected format, its episodes, its problems.</summary>
public sealed record SourceFileReport(string Path, string? Format, IReadOnlyList<int> Episodes, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Failed => Diagnostics.Any(d => d.Severity == Severity.Error);
    /// <summary>The sidecars read with the file (<c>name.yml</c>, <c>name.chapters.json</c>), as messages name them.</summary>
    public IReadOnlyList<string> Sidecars { get; init; } = [];
}

public sealed record StageTiming(string Stage, TimeSpan Elapsed);
