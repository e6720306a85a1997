using System.Text.RegularExpressions;

namespace Archive.Core.Text;

/// <summary>
/// Labels that stand for an unnamed voice (<c>SPEAKER_01</c>, <c>spk_0</c>, <c>Speaker 2</c>,
/// <c>Unknown</c>, roles such as <c>Host</c>): shown as written, never made into a person.
/// </summary>
public static partial class SpeakerLabel
{
    [GeneratedRegex(@"^(?:speaker|spk|spkr|speaker_id|voice|participant|person|unknown(?: speaker)?|interviewer|interviewee|respondent|audience(?: member)?|host|co-?host|guest|moderator|narrator|caller|announcer|s)[\s_-]*(?:\d{1,3}|[a-z])?$",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Generic();

    public static bool IsGeneric(string? name) =>
        string.IsNullOrWhiteSpace(name) || Generic().IsMatch(name.Trim()) || Placeholder.IsPlaceholderName(name);
}
