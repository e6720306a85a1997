using System.Text.RegularExpressions;

namespace Archive.Core.Reading;

/// <summary>
/// Lines that frame a transcript in exported text rather than belong to it: the
/// <c>Transcript</c> line that ends a header block, and footers such as Otter's
/// <c>Transcribed by https://otter.ai</c>.
/// </summary>
public static partial class TranscriptMarkers
{
    // "Transcript", "## Full transcript", "**Episode Transcript:**", "TRANSCRIPT", "Transcript below".
    [GeneratedRegex(@"^(?:#{1,6}\s*)?(?:\*\*|__)?\s*(?:(?:full|complete|episode|interview|podcast|edited|video|show)\s+)?transcript(?:ion)?(?:\s+(?:below|follows))?\s*:?\s*(?:\*\*|__)?\s*:?\s*$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Marker();

    [GeneratedRegex(@"^(?:this\s+(?:transcript|episode)\s+was\s+)?(?:automatically\s+)?(?:transcribed|transcription|transcript\s+(?:generated|created|produced))\s+(?:by|with|using|powered\s+by|via)\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Footer();

    /// <summary>The line that says "the transcript starts here".</summary>
    public static bool IsMarker(string line) => line.Length <= 60 && Marker().IsMatch(line.Trim());

    /// <summary>A tool's credit line (<c>Transcribed by https://otter.ai</c>): not speech.</summary>
    public static bool IsFooter(string line) => line.Length <= 200 && Footer().IsMatch(line.Trim());
}
