using System.Text.RegularExpressions;

namespace Archive.Core.Text;

/// <summary>
/// Sponsor reads, subscribe and follow prompts, hosting and legal notices: text that podcast hosts
/// paste into every episode's notes and that says nothing about the episode. Recognised per
/// sentence, from how such sentences begin.
/// </summary>
public static partial class Boilerplate
{
    // Notices that platforms and sponsors add, in notes and in transcripts alike.
    [GeneratedRegex(@"^(?:this (?:episode|podcast|show|video) is (?:brought|sponsored|supported|presented|powered|made possible)|(?:brought|sponsored|supported|presented|powered) to you by\b|get full access to|this is a public episode|this is a free preview of a paid episode|if you'?d like to discuss this with other subscribers|to hear more, visit|hosted by (?:simplecast|acast|libsyn|megaphone|anchor|buzzsprout|transistor|podbean|spotify|omny|art19)|see \S+ for (?:information|privacy)|learn more about your ad choices|visit megaphone\.fm|please note that the content here|for more details,? please see|\S+ and its affiliates may maintain investments)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Notice();

    // Sentences of show notes that are boilerplate whatever follows them (in speech they may be talk).
    [GeneratedRegex(@"^(?:(?:brought|sponsored|supported|presented|powered) by\b|(?:today'?s|our|thanks? to our|thank you to our|episode) sponsors?\b|sponsors?\s*:|production and marketing by|for inquiries about sponsoring|interested in sponsoring|want to sponsor|advertise on|stay updated\s*:|social links\s*:|produced by\s*:|with your co-?hosts?\s*:|your hosts?\s*:|follow us\b|subscribe to\b|sign up for\b|email (?:us|feedback)\b|send (?:us )?(?:your )?(?:feedback|questions)|feel free to email|read out our|join our (?:discord|community|slack|newsletter)|rate (?:and|&) review|please (?:rate|review|subscribe|leave)|leave (?:us )?a (?:rating|review)|full (?:video|episode)(?: (?:episode|pod|on youtube))?\s*$)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex NotesOnly();

    // Calls to action that are boilerplate when short or made of links.
    [GeneratedRegex(@"^(?:follow|find|listen|watch|subscribe|join|connect with|check out|visit|support|share|rate|review|email|contact|get in touch|stay (?:tuned|in touch))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WeakStart();

    // A block of links or sponsor reads that runs to the end of its paragraph.
    [GeneratedRegex(@"^(?:(?:today'?s |our |episode )?sponsors?\s*:|stay updated\s*:|social links\s*:|produced by\s*:|with your co-?hosts?\s*:|your hosts?\s*:|follow us\s*(?:on \w+\s*)?:|connect with us\s*:|(?:brought|sponsored|presented) (?:to you )?by\s*:)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex BlockStart();

    // Anywhere in running text: where boilerplate begins (to end a chapter title glued to it).
    [GeneratedRegex(@"\b(?:get full access to|this is a public episode|with your co-?hosts?\s*:|(?:brought|sponsored) to you by|stay updated\s*:|produced by\s*:|social links\s*:|sponsors?\s*:|referenced\s*:|references\s*:|resources\s*:|links\s*:|mentioned in (?:the|this) episode\s*:?|show notes\s*:)",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Anywhere();

    // Boilerplate that starts without a full stop before it ("…Recorded on 05/23/2025 Feel free to email us…").
    [GeneratedRegex(@"(?=(?:Feel free to email|Follow us\b|Sign up for|Email (?:us|feedback)\b|Subscribe to\b|Join our\b|Read out our|Brought to you by|Sponsored by|Hosted by\b|Get full access|Stay Updated|This is a public episode|Please note that the content))(?<=\S\s+)",
        RegexOptions.CultureInvariant)]
    private static partial Regex InsideStart();

    [GeneratedRegex(@"https?://|www\.|@\w|\w@\w", RegexOptions.CultureInvariant)]
    private static partial Regex LinkOrHandle();

    // "Subscribe: Apple • Spotify • Overcast • …": a line naming three podcast platforms.
    [GeneratedRegex(@"(?:\b(?:apple podcasts|apple|spotify|youtube|overcast|pocket casts|antennapod|podcast addict|castbox|stitcher|google podcasts|amazon music|amazon|rss)\b.*){3}",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex PlatformList();

    /// <summary>True when a sentence of show notes is boilerplate.</summary>
    public static bool IsBoilerplate(string sentence)
    {
        var s = Trim(sentence);
        if (s.Length == 0) return false;
        if (Notice().IsMatch(s) || NotesOnly().IsMatch(s) || PlatformList().IsMatch(s)) return true;
        return WeakStart().IsMatch(s) && (LinkOrHandle().IsMatch(s) || Sentences.CountWords(s) <= 12);
    }

    /// <summary>Where, inside a sentence that lacks its full stops, boilerplate begins: split points.</summary>
    public static IEnumerable<int> StartsInside(string sentence) =>
        InsideStart().Matches(sentence).Select(m => m.Index);

    /// <summary>True when a sentence in a transcript is a platform's or sponsor's notice, not speech.</summary>
    public static bool IsNotice(string sentence) => Notice().IsMatch(Trim(sentence));

    private static string Trim(string sentence) => sentence.TrimStart(' ', '\t', '-', '–', '—', '•', '*', '|');

    /// <summary>True when the sentence opens a block (sponsor reads, link lists) that runs to the end of its paragraph.</summary>
    public static bool StartsBlock(string sentence) =>
        BlockStart().IsMatch(Trim(sentence));

    /// <summary>Where, at or after <paramref name="from"/>, boilerplate or a notes section begins; the text length if nowhere.</summary>
    public static int NextStart(string text, int from)
    {
        var m = Anywhere().Match(text, from);
        return m.Success ? m.Index : text.Length;
    }
}
