using System.Text.RegularExpressions;

namespace Archive.Core.Normalizing;

/// <summary>
/// Removes what speech-to-text writes for sounds that are not speech: <c>[Music]</c>,
/// <c>(upbeat music)</c>, <c>[BLANK_AUDIO]</c>, <c>[Applause]</c>, <c>*laughs*</c>, <c>[ Foreign ]</c>, <c>♪</c>…
/// Brackets holding anything else (an editor's <c>[inaudible]</c> aside, <c>[sic]</c>) stay.
/// </summary>
public static partial class NoiseFilter
{
    // In brackets, parentheses or asterisks: "[Music]", "(upbeat music)", "[MUSIC_PLAYING]", "*laughs*",
    // "[ Silence ]", "(speaking in foreign language)".
    [GeneratedRegex(@"(?:[\[(]|(?<![\w*])\*)\s*(?:[a-z _-]*[ _-])?(?:music|applause|applauding|laughter|laughing|laughs|chuckles|chuckling|giggles|silence|blank_audio|no speech|noise|static|background noise|crosstalk|cheering|cheers|sighs|sighing|coughs|coughing|clears throat|throat clearing|breathing|breathes|exhales|inhales|gasps|groans|sniffs|yawns|inaudible music|beep|beeping|bell|clapping|mumbles|murmuring|indistinct|chatter|upbeat|outro|intro music|sound effect|sound|sounds|whooshing|music playing|foreign|foreign language|typing|clicking|phone ringing|ringing|footsteps|door closes|door opens|wind blowing)(?:[ _-][a-z _-]*)?\s*(?:[\])]|\*(?![\w*]))",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NoiseMarker();

    [GeneratedRegex(@"[♪♫🎵🎶]+")]
    private static partial Regex MusicNotes();

    [GeneratedRegex(@"\s{2,}")]
    private static partial Regex Spaces();

    public static string Clean(string text)
    {
        if (text.IndexOfAny(['[', '(', '*', '♪', '♫', '\uD83C']) < 0) return text;
        var cleaned = NoiseMarker().Replace(text, " ");
        cleaned = MusicNotes().Replace(cleaned, " ");
        return Spaces().Replace(cleaned, " ").Trim();
    }

    /// <summary>True when nothing but noise markers and punctuation is left.</summary>
    public static bool IsNoiseOnly(string text) => !Clean(text).Any(char.IsLetterOrDigit);
}
