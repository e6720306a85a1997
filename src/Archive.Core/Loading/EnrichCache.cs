using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Archive.Core.Config;
using Archive.Core.Diagnostics;
using Archive.Core.Enriching;
using Archive.Core.Model;

namespace Archive.Core.Loading;

/// <summary>
/// Remembers what the last enrich stage made, so a load whose episodes and enrich settings are
/// all as they were (a rebuild with nothing changed, <c>archive serve</c> after a template edit)
/// skips enrich: topics, related episodes and mentions need every episode at once and take
/// seconds on a large archive. The entry is keyed by the code version (<see cref="LoadCache.CodeVersion"/>),
/// the settings enrich reads (speaker aliases, topic rules) and every input file's load-cache key,
/// in input order: a file's key fixes what it loads as, so equal keys mean equal input to enrich. It keeps what
/// enrich adds to each episode, and the episode itself only where enrich made it anew (aliases
/// applied, a duplicate merged in). One entry is kept, the last load's, beside the load cache.
/// </summary>
public sealed class EnrichCache(LoadCache cache)
{
    private string Folder => Path.Combine(cache.Directory, "enrich");

    /// <summary>The key of an enrich stage's input: null when some file has no load-cache key (it could not be read).</summary>
    public string? KeyOf(IReadOnlyList<string?> fileKeys, ArchiveConfig config)
    {
        if (fileKeys.Any(k => k is null)) return null;
        var text = new StringBuilder();
        text.Append(cache.CodeVersion).Append('\n');
        text.Append(EnrichSettings.Text(config.SpeakerAliases, config.Topics)).Append('\n');
        foreach (var fileKey in fileKeys) text.Append(fileKey).Append('\n');
        return Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(text.ToString())));
    }

    /// <summary>Last load's enrich result for these <paramref name="inputs"/>, its messages added to <paramref name="diagnostics"/>; null on a miss.</summary>
    public ArchiveEnricher.Result? TryGet(string key, IReadOnlyList<Episode> inputs, DiagnosticBag diagnostics)
    {
        var entry = cache.Recall(MemoryName(key), () => CacheFile.Read(PathOf(key), EnrichCacheJson.Default.EnrichEntry));
        if (entry is null || entry.Episodes.Any(e => e.Input < 0 || e.Input >= inputs.Count)) return null;
        var episodes = entry.Episodes.Select(e => new ArchiveEpisode(e.Made ?? inputs[e.Input], e.Slug)
        {
            Topics = e.Topics, NamedTopicCount = e.NamedTopicCount, Related = e.Related, Mentions = e.Mentions,
        }).ToList();
        diagnostics.AddRange(entry.Diagnostics);
        return new ArchiveEnricher.Result(episodes, entry.Episodes.Select(e => e.Input).ToList(), entry.Topics, entry.People, entry.Shows);
    }

    /// <summary>Stores the result in place of the last one; a failure to write only costs an enrich next time.</summary>
    public void Put(string key, ArchiveEnricher.Result result, IReadOnlyList<Episode> inputs, IReadOnlyList<Diagnostic> diagnostics)
    {
        var entry = new EnrichEntry(
            result.Episodes.Select((e, k) =>
            {
                int input = result.InputIndexes[k];
                return new EnrichedEpisode(input, e.Slug, e.Topics, e.NamedTopicCount, e.Related, e.Mentions,
                    ReferenceEquals(e.Episode, inputs[input]) ? null : e.Episode);
            }).ToList(),
            result.Topics, result.People, result.Shows, diagnostics);
        cache.Remember(MemoryName(key), entry);
        var path = PathOf(key);
        if (!CacheFile.Write(path, entry, EnrichCacheJson.Default.EnrichEntry)) return;
        try
        {
            foreach (var other in Directory.EnumerateFiles(Folder))
                if (!string.Equals(other, path, StringComparison.Ordinal)) File.Delete(other);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            // Another build may be writing here too; what is left is deleted next time.
        }
    }

    private string PathOf(string key) => Path.Combine(Folder, key + ".json");

    // Not a file's name: the load cache's files never have a space.
    private static string MemoryName(string key) => "enrich " + key;
}

/// <summary>The settings of archive.yml that enrich reads, as text for the keys of what it keeps (this cache, <see cref="EpisodeDigest"/>s); a null part is left out.</summary>
internal sealed record EnrichSettings(IReadOnlyDictionary<string, IReadOnlyList<string>>? SpeakerAliases, TopicRules? Topics)
{
    public static string Text(IReadOnlyDictionary<string, IReadOnlyList<string>>? speakerAliases, TopicRules? topics) =>
        JsonSerializer.Serialize(new EnrichSettings(speakerAliases, topics), EnrichCacheJson.Default.EnrichSettings);
}

/// <summary>What enrich added to one episode; <see cref="Made"/> is the episode itself when enrich made it anew, else null (it is input <see cref="Input"/>).</summary>
internal sealed record EnrichedEpisode(int Input, string Slug, IReadOnlyList<string> Topics, int NamedTopicCount,
    IReadOnlyList<RelatedEpisode> Related, IReadOnlyList<Mention> Mentions, Episode? Made);

internal sealed record EnrichEntry(IReadOnlyList<EnrichedEpisode> Episodes, IReadOnlyList<TaxonomyTerm> Topics,
    IReadOnlyList<TaxonomyTerm> People, IReadOnlyList<TaxonomyTerm> Shows, IReadOnlyList<Diagnostic> Diagnostics);

[JsonSourceGenerationOptions(WriteIndented = false, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(EnrichEntry))]
[JsonSerializable(typeof(EnrichSettings))]
internal sealed partial class EnrichCacheJson : JsonSerializerContext;
