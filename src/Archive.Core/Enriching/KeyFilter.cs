namespace Archive.Core.Enriching;

/// <summary>
/// The word keys an episode says, and the pairs of keys it says one after the other, as a Bloom
/// filter over their hashes (<see cref="WordScanner.Hash"/> of a key's text, <see cref="PairOf"/>):
/// "not there" is certain, "maybe" is wrong about once in fifty. It is kept between builds with the
/// episode's <see cref="EpisodeDigest"/>, so a rebuild can tell, without the episode's words, which
/// names and topics of the archive cannot occur in it. Pairs matter: an hour of speech says most
/// words of most two-word topics, but seldom together.
/// </summary>
public sealed class KeyFilter
{
    private const int Probes = 3;
    // 10 to 20 bits per key (rounded up to a power of two): a false "maybe" at most ~1.7 % of the time.
    private const int BitsPerKey = 10;

    private readonly ulong[] _bits;
    private readonly uint _mask;

    public KeyFilter(ulong[] bits)
    {
        if (bits.Length == 0 || (bits.Length & (bits.Length - 1)) != 0) throw new ArgumentException("a filter is a power of two words long", nameof(bits));
        _bits = bits;
        _mask = (uint)(bits.Length * 64 - 1);
    }

    public ReadOnlySpan<ulong> Bits => _bits;

    /// <summary>A filter of the keys whose hashes are given (repeats allowed).</summary>
    public static KeyFilter Of(ReadOnlySpan<long> keyHashes)
    {
        int words = (int)Math.Max(1, System.Numerics.BitOperations.RoundUpToPowerOf2((uint)Math.Max(64, keyHashes.Length * BitsPerKey)) / 64);
        var filter = new KeyFilter(new ulong[words]);
        foreach (var hash in keyHashes)
        {
            var (at, step) = Start(hash);
            for (int p = 0; p < Probes; p++, at += step)
                filter._bits[(at & filter._mask) >> 6] |= 1UL << (int)(at & 63);
        }
        return filter;
    }

    /// <summary>Whether the key with this hash may be among the filter's.</summary>
    public bool MayContain(long keyHash)
    {
        var (at, step) = Start(keyHash);
        for (int p = 0; p < Probes; p++, at += step)
            if ((_bits[(at & _mask) >> 6] & (1UL << (int)(at & 63))) == 0) return false;
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
