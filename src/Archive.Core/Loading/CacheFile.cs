using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Archive.Core.Loading;

/// <summary>Makes a value of an entry's bytes; null when they are not one.</summary>
internal delegate T? EntryDecoder<T>(ReadOnlySpan<byte> bytes) where T : class;

/// <summary>
/// A cache entry on disk (<see cref="LoadCache"/> in binary, <see cref="EnrichCache"/> as JSON): an
/// entry that cannot be read is a miss, and one that cannot be written only costs the work again next time.
/// </summary>
internal static class CacheFile
{
    /// <summary>The JSON entry at <paramref name="path"/>, or null when it is missing or unreadable.</summary>
    public static T? Read<T>(string path, JsonTypeInfo<T> type) where T : class => Read(path, bytes =>
    {
        try
        {
            return JsonSerializer.Deserialize(bytes, type);
        }
        catch (Exception ex) when (ex is JsonException or NotSupportedException)
        {
            return null;
        }
    });

    /// <summary>
    /// The entry at <paramref name="path"/> as <paramref name="decode"/> makes it of the file's bytes,
    /// or null when it is missing or unreadable. The bytes are in a pooled buffer, valid only during the call.
    /// </summary>
    public static T? Read<T>(string path, EntryDecoder<T> decode) where T : class
    {
        try
        {
            using var bytes = PooledFileBytes.Read(path, int.MaxValue, out _);
            return bytes is null ? null : decode(bytes.Span);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes an entry atomically: into a temporary file of this process and thread, then moved
    /// into place, so a reader never sees half of it. False when it could not be written.
    /// </summary>
    public static bool Write<T>(string path, T value, JsonTypeInfo<T> type) =>
        Write(path, stream => JsonSerializer.Serialize(stream, value, type));

    /// <inheritdoc cref="Write{T}(string, T, JsonTypeInfo{T})"/>
    public static bool Write(string path, byte[] bytes) => Write(path, stream => stream.Write(bytes));

    private static bool Write(string path, Action<Stream> write)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = File.Create(temporary))
                write(stream);
            File.Move(temporary, path, overwrite: true);
            return true;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            try { File.Delete(temporary); } catch (IOException) { } catch (UnauthorizedAccessException) { }
            return false;
        }
    }
}
