using Archive.Core.Enriching;

namespace Archive.Core.Loading;

/// <summary>
/// Keeps each episode's <see cref="EpisodeDigest"/> beside the load cache's entries, under a hash of
/// the episode's identity, with the load cache's code version and pruning: a digest the last enrich
/// did not ask for or write is deleted with the entries the load did not use (when enrich was
/// skipped, every episode's digest is still good: <see cref="Extension"/> keeps them).
/// </summary>
/// <param name="read">False to only write digests (a build that ignores the cache still leaves it for the next one).</param>
public sealed class EpisodeDigestCache(LoadCache cache, bool read = true) : IEpisodeDigests
{
    /// <summary>How the names of digest entries end.</summary>
    public const string Extension = ".digest";

    public EpisodeDigest? Get(string identity) => read ? cache.Read(KeyOf(identity), Extension, bytes => EpisodeDigestCodec.Decode(identity, bytes)) : null;

    public void Put(EpisodeDigest digest) => cache.Write(KeyOf(digest.Identity), Extension, digest, EpisodeDigestCodec.Encode(digest));

    private static string KeyOf(string identity) =>
        Convert.ToHexStringLower(Text.ThreadSha256.Of("episode digest " + EpisodeDigestCodec.FormatVersion + "\n" + identity));
}
