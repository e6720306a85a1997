using Archive.Core.Loading;

namespace Archive.Core.Enriching;

/// <summary>
/// What enrich keeps of one episode between builds, so that a rebuild after a new episode does not
/// read every transcript's words again: the keys the episode says (<see cref="Keys"/>), where its
/// texts start among its tokens, the phrases the duplicate search compares (<see cref="Fingerprint"/>,
/// which depend on its text alone), its counted phrases and its mentions, each with a hash of the
/// context it was made in (what besides the episode it depends on). A later build uses a part only
/// when its context is the same, so the result is the one a build from scratch makes.
/// </summary>
/// <param name="Identity">The episode as enrich received it: its source (file key and place in the file) and, when archive.yml's speaker aliases changed it, those aliases.</param>
/// <param name="PhrasesContext">A hash of the topic rules and of which names of the archive's people and shows the episode may say.</param>
/// <param name="MentionsContext">See <see cref="MentionFinder.Found.Contexts"/>.</param>
public sealed record EpisodeDigest(
    string Identity, KeyFilter Keys, int[] TextStarts, ulong[] Fingerprint,
    byte[] PhrasesContext, TopicExtractor.CountedPhrases Phrases,
    byte[] MentionsContext, IReadOnlyList<Mention> Mentions);

/// <summary>Where enrich keeps <see cref="EpisodeDigest"/>s between builds (<see cref="EpisodeDigestCache"/>).</summary>
public interface IEpisodeDigests
{
    /// <summary>The digest of the episode with this identity, or null.</summary>
    EpisodeDigest? Get(string identity);

    /// <summary>Keeps a digest in place of the one with its identity; may be called in parallel.</summary>
    void Put(EpisodeDigest digest);
}
