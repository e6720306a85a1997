using System.Text.RegularExpressions;
using Archive.Core.Text;

namespace Archive.Core.Normalizing;

/// <summary>
/// A title for an episode known only by its show notes: the first sentence that is about the
/// episode, cut at a word to fit. Notes often open with a promotion ("Tickets are live!", "Take
/// the survey!") or a note on where the episode first aired; those are passed over.
/// </summary>
public static partial class ShowNotesTitle
{
    [GeneratedRegex(@"\b(?:tickets?|survey|discounts?|cfps?|hackathon|register|registration|sign up|join us|see you|we'?re hiring|early bird|meetup|submissions?|giveaway|promo code|% off|announcing|announce|call for (?:speakers|papers)|originally aired|re-?upping|re-?upload|rebroadcast|re-?run|free preview|previously released|is a (?:weekly |daily )?(?:podcast|show|newsletter) (?:that|where|about|for))\b",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Promotion();

    public static string? Pick(IReadOnlyList<string> sentences)
    {
        // Only the opening sentences are passed over; a promotion deep in the notes is not the start.
        for (int i = 0; i < sentences.Count && i < 4; i++)
        {
            var s = sentences[i];
            bool promotional = Promotion().IsMatch(s) || (s.TrimEnd().EndsWith('!') && Sentences.CountWords(s) < 12);
            if (!promotional && Sentences.CountWords(s) >= 4) return TitleText.FromText(s);
            // "This episode originally aired on X. swyx and Ada speak with…": the sentence after the note.
            int next = s.IndexOf(". ", StringComparison.Ordinal);
            if (promotional && next > 0 && !Promotion().IsMatch(s[(next + 2)..]) && Sentences.CountWords(s[(next + 2)..]) >= 4)
                return TitleText.FromText(s[(next + 2)..]);
        }
        return sentences.Count > 0 ? TitleText.FromText(sentences[0]) : null;
    }
}
