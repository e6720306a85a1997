using System.Text.RegularExpressions;
using Archive.Core.Text;

namespace Archive.Core.Normalizing;

/// <summary>Titles as people write them: trimmed, one line, no trailing full stop, at most 90 characters.</summary>
public static partial class TitleText
{
    public const int MaxLength = 90;

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    public static string Clean(string title)
    {
        var t = Whitespace().Replace(title, " ").Trim();
        // "A title." reads as a sentence; keep "…", "?!" and abbreviations like "Inc."
        if (t.EndsWith('.') && !t.EndsWith("..", StringComparison.Ordinal) && !EndsWithAbbreviation(t)) t = t[..^1].TrimEnd();
        return t;
    }

    /// <summary>A title from the transcript's first sentence, cut at a word to fit.</summary>
    public static string? FromText(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return null;
        var flat = Whitespace().Replace(text, " ").Trim();
        var ends = Sentences.Ends(flat);
        var sentence = ends.Count > 0 ? flat[..ends[0]].Trim() : flat;
        sentence = CutAtWord(sentence, MaxLength);
        if (!sentence.Any(char.IsLetterOrDigit)) return null;
        return Clean(Capitalize(sentence));
    }

    /// <summary>How a derived title was found, for the warning that reports it.</summary>
    public enum Source { Announcement, Sentence }

    // "… to talk about caches, the fastest way …", "Tonight's talk is about maps that lie.", "we discuss triage".
    [GeneratedRegex(@"(?:\b(?:talk|talking|chat|chatting|speak|speaking|hear|hearing|learn|learning|think|thinking)\s+about|\bdiscuss(?:ing)?|\bgo(?:ing)? through|\b(?:episode|talk|show|conversation|session|lecture|topic)(?:'s|’s)?\s+(?:is|will be)(?:\s+all)?\s+about|\btopic (?:today )?is)\s+(?<topic>[^.?!]+)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Announcement();

    // What speech opens with before it says anything: "So,", "Yeah, and", "Hey everyone,".
    [GeneratedRegex(@"^(?:(?:so|well|okay|ok|alright|all right|yeah|yes|um|uh|and|but|right|now|hey|hi|hello|oh)(?:\s+(?:everyone|everybody|folks|guys|all|there))?\s*[,.!]?\s+)+",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Filler();

    // Introductions say who, not what: "This is Alessio…", "I'm joined by…".
    [GeneratedRegex(@"^(?:this is|i'm|i am|my name is|today i'm joined|i'm joined|joining me|with me|welcome back|thanks? (?:you )?for|good (?:morning|afternoon|evening))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Introduction();

    /// <summary>
    /// A title for a transcript that has none: what its opening says it is about ("today Diego is
    /// here to talk about caches, the fastest way to be wrong" → "Caches, the fastest way to be
    /// wrong"), else its first sentence that is more than a greeting or an introduction, without
    /// the fillers speech starts with.
    /// </summary>
    public static (string Title, Source Source)? FromTranscript(IReadOnlyList<string> paragraphs)
    {
        var opening = Whitespace().Replace(string.Join(" ", paragraphs), " ").Trim();
        if (opening.Length == 0) return null;
        var head = opening.Length > 800 ? opening[..800] : opening;
        foreach (Match m in Announcement().Matches(head))
        {
            var topic = m.Groups["topic"].Value.Trim().TrimEnd(',', ';', ':', ' ');
            int words = Sentences.CountWords(topic);
            var content = Terms.Of(topic).Where(t => !t.IsStopWord && !t.IsCommon).ToList();
            // "talk about it" names nothing; "talk about caching" does.
            if (words <= 16 && content.Count > 0 && (words >= 2 || content[0].Word.Length >= 5))
                return (Clean(Capitalize(CutAtWord(topic, MaxLength))), Source.Announcement);
        }
        var ends = Sentences.Ends(opening);
        int start = 0;
        foreach (var end in ends.Take(8).Append(opening.Length))
        {
            var sentence = Filler().Replace(opening[start..end].Trim(), "");
            start = end;
            if (Sentences.CountWords(sentence) >= 4 && !Introduction().IsMatch(sentence) && FromText(sentence) is { } title)
                return (title, Source.Sentence);
        }
        return FromText(opening) is { } first ? (first, Source.Sentence) : null;
    }

    /// <summary>
    /// Speech-to-text often starts lowercase mid-sentence, and a title starts with a capital; but
    /// a first word that is written its own way (a16z, iPhone, eBay) stays as written.
    /// </summary>
    public static string Capitalize(string text)
    {
        int end = 0;
        while (end < text.Length && !char.IsWhiteSpace(text[end])) end++;
        var first = text.AsSpan(0, end).TrimEnd(",.;:!?'’\"");
        foreach (var c in first)
            if (!char.IsLower(c) && c is not ('\'' or '’' or '-')) return text;
        return first.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
    }

    /// <summary>Cuts at the last word boundary within <paramref name="max"/> characters, adding an ellipsis.</summary>
    public static string CutAtWord(string text, int max)
    {
        if (text.Length <= max) return text;
        var cut = text.LastIndexOf(' ', max - 1);
        var head = (cut > max / 3 ? text[..cut] : text[..(max - 1)]).TrimEnd(',', ';', ':', '-', '–', '—', ' ');
        return head + "…";
    }

    private static bool EndsWithAbbreviation(string t)
    {
        int space = t.LastIndexOf(' ');
        var word = t[(space + 1)..^1];
        return word is "Inc" or "Ltd" or "Co" or "Jr" or "Sr" or "Dr" or "St" or "vs" or "etc" || (word.Length == 1 && char.IsUpper(word[0]));
    }
}
