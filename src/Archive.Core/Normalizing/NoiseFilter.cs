using System.Text.RegularExpressions;

namespace Archive.Core.Normalizing;

/// <summary>
/// Removes what speech-to-text writes for sounds that are not speech: <c>[Music]</c>,
/// <c>(upbeat music)</c>, <c>[BLANK_AUDIO]</c>, <c>[Applause]</c>, <c>♪</c>…
/// Brackets holding anything else (an editor's <c>[inaudible]</c> aside, <c>[sic]</c>) stay.
/// </summary>
public static partial class NoiseFilter
{
    [GeneratedRegex(@"[\[(](?:[a-z ]*\b)?(?:music|applause|laughter|laughing|laughs|chuckles|chuckling|silence|blank_audio|no speech|noise|static|background noise|crosstalk|cheering|sighs|coughs|coughing|inaudible music|beep|bell|clapping|mumbles|indistinct|upbeat|outro|intro music|sound effect|whooshing|music playing)(?:\b[a-z ]*)?[\])]",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoiseMarker();

    [GeneratedRegex(@"[♪♫🎵🎶]+")]
    private static partial Regex MusicNotes();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    public static string Clean(string text)
    {
        if (text.IndexOfAny(['[', '(', '♪', '♫', '\uD83C']) < 0) return text;
        var cleaned = NoiseMarker().Replace(text, " ");
        cleaned = MusicNotes().Replace(cleaned, " ");
        return Spaces().Replace(cleaned, " ").Trim();
    }

    /// <summary>True when nothing but noise markers and punctuation is left.</summary>
    public static bool IsNoiseOnly(string text) => !Clean(text).Any(char.IsLetterOrDigit);
}
