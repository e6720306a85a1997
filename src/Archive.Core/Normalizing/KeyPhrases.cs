using System.Text.RegularExpressions;
using Archive.Core.Text;

namespace Archive.Core.Normalizing;

/// <summary>
/// The phrases that say what one part of a text is about, measured against the other parts:
/// runs of one to three content words inside a clause, scored by how often their words occur
/// here and how rarely elsewhere. Used to title chapters the input does not give.
/// </summary>
public static partial class KeyPhrases
{
    private const int MaxPhraseWords = 3;

    [GeneratedRegex(@"[.,;:!?()\[\]""“”…—–]+|\s-\s|\s-(?=\s)")]
    private static partial Regex ClauseBreak();

    private sealed record Candidate(string[] Stems, Dictionary<string, int> Forms, int Count, int First);

    /// <summary>
    /// A short title for part <paramref name="index"/> of <paramref name="parts"/>: its best
    /// phrase, or its two best joined by "and", in the spelling used most. Null when nothing stands out.
    /// </summary>
    /// <param name="ignore">Words never to use (speakers' names, which are everywhere).</param>
    public static string? Title(IReadOnlyList<string> parts, int index, IReadOnlySet<string> ignore)
    {
        var stemsByPart = parts.Select(p => Terms.Of(p).Where(t => !t.IsStopWord).Select(t => t.Stem).ToHashSet(StringComparer.Ordinal)).ToList();
        var documentFrequency = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var set in stemsByPart)
            foreach (var s in set) documentFrequency[s] = documentFrequency.GetValueOrDefault(s) + 1;

        var candidates = Candidates(parts[index], ignore);
        if (candidates.Count == 0) return null;
        var termCount = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var t in Terms.Of(parts[index]))
            if (!t.IsStopWord) termCount[t.Stem] = termCount.GetValueOrDefault(t.Stem) + 1;

        double Weight(string stem) =>
            Math.Log(1 + termCount.GetValueOrDefault(stem)) * Math.Log(1 + (double)parts.Count / documentFrequency.GetValueOrDefault(stem, 1));
        // A phrase said several times beats its words said apart; longer phrases read better as titles.
        double Score(Candidate c) => c.Stems.Average(Weight) * Math.Sqrt(c.Count) * (1 + 0.5 * (c.Stems.Length - 1));

        var ranked = candidates.Where(c => c.Count >= 2 || c.Stems.Length > 1)
            .OrderByDescending(Score).ThenBy(c => c.First).ToList();
        if (ranked.Count == 0) ranked = [.. candidates.OrderByDescending(Score).ThenBy(c => c.First)];
        var best = ranked[0];
        if (Score(best) <= 0) return null;
        // A word is better shown in the phrase it is usually part of ("vector" → "vector database").
        if (best.Stems.Length == 1
            && ranked.FirstOrDefault(c => c.Stems.Length > 1 && c.Count >= 2 && c.Stems.Contains(best.Stems[0])) is { } phrase
            && Score(phrase) >= Score(best) * 0.5)
            best = phrase;
        var second = ranked.FirstOrDefault(c => c != best && !c.Stems.Intersect(best.Stems).Any() && Score(c) >= Score(best) * 0.6
            && !ranked.Any(p => p.Stems.Length > 1 && p.Stems.Intersect(best.Stems).Any() && p.Stems.Intersect(c.Stems).Any()));
        var title = Spelling(best) + (second is null ? "" : " and " + Spelling(second));
        return TitleText.Capitalize(title);
    }

    /// <summary>Runs of content words (up to three) inside clauses, with how they are spelled.</summary>
    private static List<Candidate> Candidates(string text, IReadOnlySet<string> ignore)
    {
        var found = new Dictionary<string, Candidate>(StringComparer.Ordinal);
        int position = 0;
        foreach (var clause in ClauseBreak().Split(text))
        {
            var terms = Terms.Of(clause);
            for (int i = 0; i < terms.Count; i++)
            {
                for (int n = 1; n <= MaxPhraseWords && i + n <= terms.Count; n++)
                {
                    var run = terms.Skip(i).Take(n).ToList();
                    if (run.Any(t => t.IsStopWord || ignore.Contains(t.Word.ToLowerInvariant()) || t.Word.All(char.IsDigit) || t.Word.Length < 3 && !t.Word.All(char.IsUpper)))
                        break;
                    // Common words only ("people", "good work") say too little to be a title.
                    if (run.All(t => t.IsCommon)) continue;
                    var key = string.Join(' ', run.Select(t => t.Stem));
                    var form = AsWritten(clause, run);
                    if (!found.TryGetValue(key, out var c))
                        found[key] = c = new Candidate(run.Select(t => t.Stem).ToArray(), new Dictionary<string, int>(StringComparer.Ordinal), 0, position);
                    c.Forms[form] = c.Forms.GetValueOrDefault(form) + 1;
                    found[key] = c with { Count = c.Count + 1 };
                }
                position++;
            }
        }
        return [.. found.Values];
    }

    /// <summary>The words as the clause writes them, hyphens and all ("mid-journey", not "mid journey").</summary>
    private static string AsWritten(string clause, List<Term> run)
    {
        var joined = string.Join(' ', run.Select(t => t.Word));
        if (run.Count == 1) return joined;
        var pattern = string.Join(@"[\s\-‐/'’]+", run.Select(t => Regex.Escape(t.Word)));
        var m = Regex.Match(clause, pattern, RegexOptions.CultureInvariant);
        return m.Success ? m.Value : joined;
    }

    /// <summary>The spelling used most, in lower case when it is capitalized only because a sentence starts with it.</summary>
    private static string Spelling(Candidate c)
    {
        var form = c.Forms.OrderByDescending(f => f.Value).ThenBy(f => f.Key, StringComparer.Ordinal).First().Key;
        var lower = form.ToLowerInvariant();
        bool sentenceCase = char.IsUpper(form[0]) && form[1..] == lower[1..];
        return sentenceCase && c.Forms.ContainsKey(lower) ? lower : form;
    }
}
