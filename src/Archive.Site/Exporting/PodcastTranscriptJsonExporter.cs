using Archive.Core.Model;

namespace Archive.Site.Exporting;

/// <summary>The Podcasting 2.0 JSON transcript: <c>segments[]</c> of speaker, start, end and body, one per paragraph.</summary>
public sealed class PodcastTranscriptJsonExporter : ITranscriptExporter
{
    public string Suffix => ".json";
    public string Label => "Podcasting 2.0 transcript";
    public string Format => "JSON";
    public string MediaType => "application/json";

    public bool CanWrite(Episode episode) => CueTimes.AllTimed(episode);

    public string Write(Episode episode) => PodcastJson.Write(json =>
    {
        var cues = CueTimes.Of(episode);
        json.WriteStartObject();
        json.WriteString("version", "1.0.0");
        json.WriteStartArray("segments");
        for (int i = 0; i < cues.Count; i++)
        {
            var p = episode.Paragraphs[i];
            json.WriteStartObject();
            if (p.Speaker is { } speaker) json.WriteString("speaker", speaker);
            PodcastJson.Seconds(json, "startTime", cues[i].Start);
            PodcastJson.Seconds(json, "endTime", cues[i].End);
            json.WriteString("body", CueTimes.OneLine(p.Text));
            json.WriteEndObject();
        }
        json.WriteEndArray();
        json.WriteEndObject();
    });
}
