using System.Text.Json;
using System.Text.Json.Serialization.Metadata;

namespace Archive.Core.Loading;

/// <summary>
/// A cache entry on disk, as JSON (<see cref="LoadCache"/>, <see cref="EnrichCache"/>): an entry
/// that cannot be read is a miss, and one that cannot be written only costs the work again next time.
/// </summary>
internal static class CacheFile
{
    /// <summary>The entry at <paramref name="path"/>, or null when it is missing or unreadable.</summary>
    public static T? Read<T>(string path, JsonTypeInfo<T> type) where T : class
    {
        try
        {
            using var stream = File.OpenRead(path);
            return JsonSerializer.Deserialize(stream, type);
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException or JsonException or NotSupportedException)
        {
            return null;
        }
    }

    /// <summary>
    /// Writes an entry atomically: into a temporary file of this process and thread, then moved
    /// into place, so a reader never sees half of it. False when it could not be written.
    /// </summary>
    public static bool Write<T>(string path, T value, JsonTypeInfo<T> type)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Environment.CurrentManagedThreadId}.tmp";
        try
        {
            Directory.CreateDirectory(Path.GetDirectoryName(path)!);
            using (var stream = File.Create(temporary))
                JsonSerializer.Serialize(stream, value, type);
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
