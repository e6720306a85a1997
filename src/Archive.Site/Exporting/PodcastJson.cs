using System.Text.Encodings.Web;
using System.Text.Json;

namespace Archive.Site.Exporting;

/// <summary>JSON as the Podcasting 2.0 files are written: indented, readable Unicode, times in seconds.</summary>
internal static class PodcastJson
{
    public static readonly JsonWriterOptions Options = new()
    {
        Indented = true,
        NewLine = "\n",
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream, Options)) write(json);
        return System.Text.Encoding.UTF8.GetString(stream.GetBuffer(), 0, (int)stream.Length) + "\n";
    }

    /// <summary>Seconds with the milliseconds the archive keeps: 12.345, 60.</summary>
    public static void Seconds(Utf8JsonWriter json, string name, TimeSpan time) =>
        json.WriteNumber(name, Math.Round((decimal)time.TotalMilliseconds / 1000m, 3));
}
