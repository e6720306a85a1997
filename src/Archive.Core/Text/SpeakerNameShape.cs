using System.Text.RegularExpressions;

namespace Archive.Core.Text;

/// <summary>
/// Whether a label in front of text can be a speaker's name: <c>Maya Okafor</c>, <c>Dr. Rui Costa</c>,
/// <c>Ludwig van Beethoven</c>, <c>SPEAKER_01</c>, <c>Speaker 2</c>, but not <c>Note</c>,
/// <c>Here's the thing</c> or <c>https</c>. Shape alone is never enough to make a label a speaker;
/// readers also want repetition or markup (see <c>TurnLine</c>).
/// </summary>
public static partial class SpeakerNameShape
{
    public const int MaxLength = 50;
    public const int MaxWords = 5;

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
    {
        "de", "da", "das", "do", "dos", "du", "van", "von", "der", "den", "del", "della", "di", "la", "le",
        "bin", "ibn", "al", "el", "y", "ter", "te", "zu", "af", "of",
    };

    // Words that introduce metadata, notes and lists in show notes, never people.
    private static readonly HashSet<string> NotNames = new(StringComparer.OrdinalIgnoreCase)
    {
        "note", "notes", "editor's note", "editor’s note", "summary", "transcript", "full transcript", "subscribe",
        "source", "sources", "update", "edit", "warning", "disclaimer", "related", "related content", "related links",
        "links", "link", "chapters", "chapter", "timestamps", "highlights", "question", "answer", "tip", "example",
        "date", "time", "title", "episode", "guest", "guests", "host", "hosts", "speakers", "speaker", "show",
        "show notes", "podcast", "recorded", "published", "duration", "tags", "topics", "description", "url",
        "video", "audio", "website", "email", "sponsor", "sponsors", "resources", "ps", "p.s", "important", "bonus",
        "key takeaways", "key points", "takeaways", "in this episode", "listen", "follow", "watch", "read more",
        "keywords", "category", "season", "location", "language", "length", "format", "caution", "reminder",
        "quote", "agenda", "outline", "contents", "references", "credits", "music", "producer", "editor",
        "twitter", "linkedin", "youtube", "spotify", "apple podcasts", "instagram", "facebook", "mastodon",
        "github", "rss", "web", "site", "homepage", "contact", "support", "mentioned", "also", "and", "but", "so",
        "then", "now", "today", "yesterday", "tomorrow", "here", "there", "this", "that", "yes", "no", "ok", "okay",
        "step", "part", "section", "appendix", "figure", "table", "status", "result", "results", "conclusion",
        "introduction", "intro", "outro", "abstract", "background", "problem", "solution", "goal", "goals", "todo",
        "fixme", "hint", "info", "error", "fun fact", "pro tip", "tl;dr", "tldr", "bottom line", "verdict",
        "context", "overview", "recap", "preface", "foreword", "prologue", "epilogue", "spoiler", "spoilers",
        "disclosure", "correction", "corrections", "content warning", "trigger warning", "content note",
    };

    // A trailing role in parentheses: "Maya Okafor (host)".
    [GeneratedRegex(@"\s*\((?<role>[^()\d]{1,30})\)$")]
    private static partial Regex Role();

    /// <summary>The label as a name: trimmed, one space between words, a trailing role in parentheses removed.</summary>
    public static string Clean(string label)
    {
        var name = string.Join(' ', label.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)).Trim('*', '_', ' ').TrimEnd(':').TrimEnd();
        var role = Role().Match(name);
        if (role.Success && role.Index > 0) name = name[..role.Index].TrimEnd();
        return name;
    }

    /// <summary>A personal name rather than a label: two to four capitalised words of letters (<c>Maya Okafor</c>).</summary>
    public static bool IsFullName(string name)
    {
        var words = name.Split(' ');
        return words.Length is >= 2 and <= 4 && IsPlausible(name) && !SpeakerLabel.IsGeneric(name)
            && words.All(w => Particles.Contains(w) || char.IsUpper(w[0]) && w.Skip(1).Any(char.IsLower));
    }

    public static bool IsPlausible(string label)
    {
        var name = Clean(label);
        if (name.Length < 2 || name.Length > MaxLength) return false;
        if (SpeakerLabel.IsGeneric(name)) return true;
        if (NotNames.Contains(name)) return false;
        var words = name.Split(' ');
        if (words.Length > MaxWords) return false;
        for (int i = 0; i < words.Length; i++)
        {
            var w = words[i];
            if (i > 0 && Particles.Contains(w)) continue;
            if (!char.IsUpper(w[0])) return false;
            foreach (var c in w)
                if (!(char.IsLetter(c) || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark
                      || c is '.' or '\'' or '’' or '-'))
                    return false;
        }
        // A single word must be a name, not a sentence opener that happens to be capitalized.
        return words.Length > 1 || !NotNames.Contains(words[0]);
    }
}
