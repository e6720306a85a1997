using Archive.Core.Loading;

namespace Archive.Core.Enriching;

/// <summary>
/// What enrich keeps of one episode between builds, so that a rebuild after a new episode does not
/// read every transcript's words again: the phrases the duplicate search compares
/// (<see cref="Fingerprint"/>, which depend on its text alone) and, when the episode was one of the
/// archive's as it was given (not dropped as another's duplicate, nor merged with one),
/// <see cref="Enrichment"/>: what enrich made of it. A later build uses a part only when its context
/// is the same, so the result is the one a build from scratch makes.
/// </summary>
/// <param name="Identity">The episode as enrich received it: its source (file key and place in the file) and, when archive.yml's speaker aliases changed it, those aliases.</param>
/// <param name="Enrichment">Null for an episode that was not one of the archive's as given: only its fingerprint was made.</param>
public sealed record EpisodeDigest(string Identity, ulong[] Fingerprint, EpisodeDigest.Enriched? Enrichment)
{
    /// <summary>
    /// What enrich made of an episode of the archive: the keys it says (<see cref="Keys"/>), where
    /// its texts start among its tokens, its counted phrases and its mentions, each with a hash of
    /// the context it was made in (what besides the episode it depends on).
    /// </summary>
    /// <param name="PhrasesContext">A hash of the topic rules and of which names of the archive's people and shows the episode may say.</param>
    /// <param name="MentionsContext">See <see cref="MentionFinder.Found.Contexts"/>.</param>
    public sealed record Enriched(
        KeyFilter Keys, int[] TextStarts,
        byte[] PhrasesContext, TopicExtractor.CountedPhrases Phrases,
        byte[] MentionsContext, IReadOnlyList<Mention> Mentions);
}

/// <summary>Where enrich keeps <see cref="EpisodeDigest"/>s between builds (<see cref="EpisodeDigestCache"/>).</summary>
public interface IEpisodeDigests
{
    /// <summary>The digest of the episode with this identity, or null.</summary>
    EpisodeDigest? Get(string identity);

    /// <summary>Keeps a digest in place of the one with its identity; may be called in parallel.</summary>
    void Put(EpisodeDigest digest);
}
