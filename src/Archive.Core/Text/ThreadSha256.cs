using System.Security.Cryptography;

namespace Archive.Core.Text;

/// <summary>
/// A SHA-256 hasher per thread, for the many small hashes that caches and page fingerprints key by: making a hasher
/// per hash costs more than the hashing (the crypto library looks the algorithm up each time).
/// </summary>
public static class ThreadSha256
{
    [ThreadStatic] private static IncrementalHash? t_hasher;

    /// <summary>The thread's hasher, empty: end with <see cref="IncrementalHash.GetHashAndReset()"/>.</summary>
    public static IncrementalHash Hasher => t_hasher ??= IncrementalHash.CreateHash(HashAlgorithmName.SHA256);

    public static byte[] Of(string text)
    {
        var hasher = Hasher;
        hasher.AppendData(System.Text.Encoding.UTF8.GetBytes(text));
        return hasher.GetHashAndReset();
    }
}
