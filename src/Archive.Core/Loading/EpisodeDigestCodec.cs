using Archive.Core.Enriching;

namespace Archive.Core.Loading;

/// <summary>
/// An <see cref="EpisodeDigest"/> as a binary cache entry, framed as <see cref="BinaryEntry"/> says:
/// the identity, the duplicate search's fingerprint, then false when that is all (an episode dropped as
/// a duplicate), or true and what enrich made of it: the key filter's words, the text starts, the
/// phrases' context and phrases (their words once, then each phrase as indexes and counts), the
/// mentions' context and mentions.
/// Numbers that may be -1 are stored plus one. Anything that does not fit is a miss.
/// </summary>
internal static class EpisodeDigestCodec
{
    public const int FormatVersion = 3;

    private const uint Magic = 0x44455241; // "ARED" little-endian

    public static byte[]? Encode(EpisodeDigest digest) => BinaryEntry.Encode(Magic, FormatVersion, digest.Identity, w => Write(w, digest));

    /// <summary>The digest of the episode with this <paramref name="identity"/>, or null when the bytes are not exactly one.</summary>
    public static EpisodeDigest? Decode(string identity, ReadOnlySpan<byte> entry) =>
        BinaryEntry.Decode(Magic, FormatVersion, identity, entry, (ref EntryReader r) => Read(ref r, identity));

    private static void Write(EntryWriter w, EpisodeDigest whole)
    {
        w.Words(whole.Fingerprint);
        w.Flag(whole.Enrichment is not null);
        if (whole.Enrichment is not { } digest) return;
        w.Words(digest.Keys.Bits);
        w.Count(digest.TextStarts.Length);
        foreach (var start in digest.TextStarts) w.Natural(start);
        w.Bytes(digest.PhrasesContext);
        var phrases = digest.Phrases;
        w.Strings(phrases.Words);
        w.Count(phrases.Phrases.Length);
        foreach (var p in phrases.Phrases)
        {
            w.Natural(p.A + 1);
            w.Natural(p.B + 1);
            w.Natural(p.C + 1);
            w.Natural(p.Ruled + 1);
            w.Natural(p.Words);
            w.Natural(p.Count);
            w.Natural(p.CapitalizedMid);
            w.Natural(p.Mid);
            w.Natural(p.First + 1);
        }
        w.Strings(phrases.Ruled);
        w.Strings(phrases.Mentioned);
        w.Bytes(digest.MentionsContext);
        w.Count(digest.Mentions.Count);
        foreach (var m in digest.Mentions)
        {
            w.Natural(m.Paragraph);
            w.Natural(m.Start);
            w.Natural(m.Length);
            w.Natural((int)m.Kind);
            w.String(m.Slug);
        }
    }

    private static EpisodeDigest? Read(ref EntryReader r, string identity)
    {
        var fingerprint = r.Words();
        if (!r.Flag()) return new EpisodeDigest(identity, fingerprint, null);
        return Read(ref r) is { } enrichment ? new EpisodeDigest(identity, fingerprint, enrichment) : null;
    }

    private static EpisodeDigest.Enriched? Read(ref EntryReader r)
    {
        var bits = r.Words();
        if (bits.Length == 0) return null;
        var starts = new int[r.Count()];
        for (int i = 0; i < starts.Length; i++) starts[i] = r.Natural();
        var phrasesContext = r.Bytes();
        var words = r.Strings();
        var counted = new TopicExtractor.CountedPhrase[r.Count()];
        for (int i = 0; i < counted.Length; i++)
        {
            int a = r.Natural() - 1, b = r.Natural() - 1, c = r.Natural() - 1, ruled = r.Natural() - 1;
            counted[i] = new TopicExtractor.CountedPhrase(a, b, c, ruled, r.Natural(), r.Natural(), r.Natural(), r.Natural(), r.Natural() - 1);
        }
        var ruledKeys = r.Strings();
        var mentioned = r.Strings();
        foreach (var p in counted)
            if ((p.Ruled < 0 && (p.A < 0 || p.A >= words.Length)) || p.B >= words.Length || p.C >= words.Length || p.Ruled >= ruledKeys.Length)
                return null;
        var mentionsContext = r.Bytes();
        var mentions = new Mention[r.Count()];
        for (int i = 0; i < mentions.Length; i++)
        {
            int paragraph = r.Natural(), start = r.Natural(), length = r.Natural();
            var kind = (MentionKind)r.Natural();
            if (!Enum.IsDefined(kind)) return null;
            mentions[i] = new Mention(paragraph, start, length, kind, r.Required());
        }
        return new EpisodeDigest.Enriched(new KeyFilter(bits), starts, phrasesContext,
            new TopicExtractor.CountedPhrases(words, counted, ruledKeys, mentioned), mentionsContext, mentions);
    }
}
