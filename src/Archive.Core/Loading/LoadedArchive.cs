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

    public int ErrorCount => Diagnostics.Count(d => d.Severity == Severity.Error);
    public int WarningCount => Diagnostics.Count(d => d.Severity == Severity.Warning);
}

/// <summary>An episode with what the archive adds to it: its slug.</summary>
public sealed record ArchiveEpisode(Episode Episode, string Slug);

/// <summary>
/// A topic, person or show: its name, its URL slug, and the episodes it belongs to as indexes
/// into <see cref="LoadedArchive.Episodes"/> (indexes, not references, so records stay acyclic).
/// </summary>
public sealed record TaxonomyTerm(string Name, string Slug, IReadOnlyList<int> Episodes);

/// <summary>What one input file gave: its detected format, its episodes, its problems.</summary>
public sealed record SourceFileReport(string Path, string? Format, IReadOnlyList<int> Episodes, IReadOnlyList<Diagnostic> Diagnostics)
{
    public bool Failed => Diagnostics.Any(d => d.Severity == Severity.Error);
}

public sealed record StageTiming(string Stage, TimeSpan Elapsed);
