using System.Text.Json;
using Archive.Core.Diagnostics;

namespace Archive.Core.Reading;

/// <summary>
/// The Podcasting 2.0 JSON transcript (<c>application/json</c> in <c>&lt;podcast:transcript&gt;</c>):
/// <c>{"version": "1.0.0", "segments": [{"speaker", "startTime", "endTime", "body"}]}</c>, with
/// phrases or one word a segment (words are joined into sentences).
/// </summary>
public sealed class PodcastTranscriptJsonReader : ITranscriptReader
{
    public string Format => "podcasting2-json";

    public int Detect(SourceText source)
    {
        if (!JsonSource.LooksLikeJson(source) || JsonSource.Of(source).Root is not JsonTreeObject root) return 0;
        if (root.Get("segments") is not JsonTreeArray segments) return 0;
        var first = segments.Items.OfType<JsonTreeObject>().FirstOrDefault();
        if (first is null) return root.Get("version") is not null ? 70 : 0;
        return first.Get("body") is JsonTreeScalar { Kind: JsonValueKind.String } && first.Get("startTime", "endTime") is not null ? 95 : 0;
    }

    public IReadOnlyList<RawEpisode> Read(SourceText source, DiagnosticBag diagnostics) =>
        JsonSource.Of(source).Root is { } root ? JsonTranscript.Read(source, root, diagnostics, segmentsAreShown: true) : [];
}
