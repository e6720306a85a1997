namespace Archive.Core.Enriching;

/// <summary>
/// The word keys an episode says, and the pairs of keys it says one after the other, as a Bloom
/// filter over their hashes (<see cref="WordScanner.Hash"/> of a key's text, <see cref="PairOf"/>):
/// "not there" is certain, "maybe" is wrong a few times in a hundred. It is kept between builds with the
/// episode's <see cref="EpisodeDigest"/>, so a rebuild can tell, without the episode's words, which
/// names and topics of the archive cannot occur in it. Pairs matter: an hour of speech says most
/// words of most two-word topics, but seldom together.
/// </summary>
public sealed class KeyFilter
{
    private const int Probes = 3;
    // Bits per key given: with three probes, a false "maybe" about 3 % of the time (less when keys repeat).
    private const int BitsPerKey = 8;

    private readonly ulong[] _bits;
    private readonly ulong _bitCount;

    public KeyFilter(ulong[] bits)
    {
        if (bits.Length == 0) throw new ArgumentException("a filter has at least one word", nameof(bits));
        _bits = bits;
        _bitCount = (ulong)bits.Length * 64;
    }

    public ReadOnlySpan<ulong> Bits => _bits;

    /// <summary>An empty filter with room for about <paramref name="keys"/> keys: <see cref="Add"/> them.</summary>
    public static KeyFilter For(int keys) => new(new ulong[Math.Max(1, ((long)keys * BitsPerKey + 63) / 64)]);

    /// <summary>Adds the key with this hash (while the filter is being made: not safe alongside readers).</summary>
    public void Add(long keyHash)
    {
        var (at, step) = Start(keyHash);
        for (int p = 0; p < Probes; p++, at += step)
        {
            ulong bit = Bit(at);
            _bits[bit >> 6] |= 1UL << (int)(bit & 63);
        }
    }

    /// <summary>Whether the key with this hash may be among the filter's.</summary>
    public bool MayContain(long keyHash)
    {
        var (at, step) = Start(keyHash);
        for (int p = 0; p < Probes; p++, at += step)
        {
            ulong bit = Bit(at);
            if ((_bits[bit >> 6] & (1UL << (int)(bit & 63))) == 0) return false;
        }
        return true;
    }

    /// <summary>Whether a phrase (the hashes of its keys, in order) may be said: each key and each pair of keys one after the other.</summary>
    public bool MayContainPhrase(ReadOnlySpan<long> keyHashes)
    {
        for (int i = 0; i < keyHashes.Length; i++)
            if (!MayContain(keyHashes[i]) || (i > 0 && !MayContain(PairOf(keyHashes[i - 1], keyHashes[i])))) return false;
        return true;
    }

    /// <summary>The hash that stands for two keys said one after the other.</summary>
    public static long PairOf(long first, long second) => (long)((ulong)first * 0x9E3779B97F4A7C15UL + (ulong)second * 31 + 1);

    // A probe's 32 bits scaled to the filter's size (multiply and shift, not a modulo).
    private ulong Bit(uint at) => (at * _bitCount) >> 32;

    // FNV's low bits are weak: the hash is mixed (the finalizer of MurmurHash3) before it is split into two probes' worth.
    private static (uint At, uint Step) Start(long hash)
    {
        ulong h = (ulong)hash;
        h ^= h >> 33;
        h *= 0xFF51AFD7ED558CCDUL;
        h ^= h >> 33;
        h *= 0xC4CEB9FE1A85EC53UL;
        h ^= h >> 33;
        return ((uint)h, (uint)(h >> 32) | 1);
    }
}
