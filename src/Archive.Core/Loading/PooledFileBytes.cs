using System.Buffers;

namespace Archive.Core.Loading;

/// <summary>
/// A file's bytes in a buffer borrowed from the shared pool, for bytes that are used once and
/// dropped (a transcript hashed and decoded, a cache entry decoded): a rebuild reads ~115 MB of
/// them, and as fresh arrays they were most of the garbage that made the collector run during
/// the read stage. <see cref="Dispose"/> gives the buffer back; the bytes must not be used after.
/// </summary>
internal sealed class PooledFileBytes : IDisposable
{
    private byte[]? _buffer;
    private readonly int _length;

    private PooledFileBytes(byte[] buffer, int length)
    {
        _buffer = buffer;
        _length = length;
    }

    public ReadOnlySpan<byte> Span => (_buffer ?? throw new ObjectDisposedException(nameof(PooledFileBytes))).AsSpan(0, _length);

    /// <summary>
    /// The bytes of the file at <paramref name="path"/>, or null (with its <paramref name="length"/>)
    /// when it is longer than <paramref name="maxLength"/>. Throws what opening and reading throw.
    /// </summary>
    public static PooledFileBytes? Read(string path, long maxLength, out long length)
    {
        using var handle = File.OpenHandle(path);
        length = RandomAccess.GetLength(handle);
        if (length > Math.Min(maxLength, Array.MaxLength)) return null;
        var buffer = ArrayPool<byte>.Shared.Rent((int)length);
        try
        {
            // Up to the length it had when opened; a file shrinking meanwhile gives what is there.
            int read = 0;
            while (read < length && RandomAccess.Read(handle, buffer.AsSpan(read, (int)length - read), read) is var n and > 0) read += n;
            return new PooledFileBytes(buffer, read);
        }
        catch
        {
            ArrayPool<byte>.Shared.Return(buffer);
            throw;
        }
    }

    public void Dispose()
    {
        if (_buffer is { } buffer) ArrayPool<byte>.Shared.Return(buffer);
        _buffer = null;
    }
}
