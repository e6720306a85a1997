using Archive.Core.Diagnostics;

namespace Archive.Core.Reading;

/// <summary>
/// Speech-to-text JSON: whisper and whisperX, also wrapped in another object, and the other common
/// tools' outputs (<see cref="JsonTranscript"/>). It also takes every other JSON file, so that one
/// in a shape the archive does not know gets an error saying what was found.
/// </summary>
public sealed class SpeechJsonReader : ITranscriptReader
{
    public string Format => "speech-to-text-json";

    public int Detect(SourceText source)
    {
        if (!JsonSource.LooksLikeJson(source)) return 0;
        // Low enough for any reader of a particular JSON shape to win.
        return JsonSource.Of(source).Root is null ? 40 : 60;
    }

    public IReadOnlyList<RawEpisode> Read(SourceText source, DiagnosticBag diagnostics)
    {
        var json = JsonSource.Of(source);
        if (json.Root is null)
        {
            diagnostics.Error(source.Path, json.ErrorLine, json.Error ?? "the file is not valid JSON");
            return [];
        }
        return JsonTranscript.Read(source, json.Root, diagnostics);
    }
}
