using Archive.Core.Text;

namespace Archive.Core.Reading;

/// <summary>
/// Decides which candidate <see cref="TurnLine"/>s of a document really start turns. A line that
/// looks like <c>Name: text</c> is a turn only with evidence: the same label used again, a name the
/// metadata lists, a first name of a labelled speaker, or markup (bold, times, brackets) used on
/// several lines; or a bold <c>**Name:**</c> that opens the text, the one label of a one-speaker
/// talk (bold is written on purpose; further down in prose it may be a quotation). So "Note: this…"
/// or a heading in prose stays text.
/// </summary>
public sealed class TurnEvidence
{
    /// <summary>The accepted turn lines, by index into the candidate array.</summary>
    public IReadOnlyList<int> Accepted { get; }

    /// <summary>True when every accepted turn line carries a time and none a name.</summary>
    public bool TimesOnly { get; }

    /// <summary>True when accepted lines use markup (bold, times, brackets, header lines) rather than a bare <c>Name:</c>.</summary>
    public bool Marked { get; }

    /// <summary>True when the only turn is a bold label that opens the text: a one-speaker talk.</summary>
    public bool OneOpeningLabel { get; }

    private TurnEvidence(List<int> accepted, bool timesOnly, bool marked, bool oneOpeningLabel)
    {
        Accepted = accepted;
        TimesOnly = timesOnly;
        Marked = marked;
        OneOpeningLabel = oneOpeningLabel;
    }

    /// <param name="candidates">Per line, what it could be (null for text); lines whose text must follow on the next line are already checked.</param>
    /// <param name="knownSpeakers">Names the metadata gives.</param>
    /// <param name="mentions">How often a name occurs in the whole document, labels included.</param>
    /// <param name="opening">The candidate the text opens with (past headings and a short note), if any.</param>
    public static TurnEvidence Decide(IReadOnlyList<TurnLine?> candidates, IReadOnlyCollection<string> knownSpeakers, Func<string, int> mentions, int? opening = null)
    {
        var known = new HashSet<string>(knownSpeakers, StringComparer.OrdinalIgnoreCase);
        var byLayout = new Dictionary<TurnLayout, int>();
        var nameCounts = new Dictionary<(TurnLayout, string), int>();
        foreach (var c in candidates)
        {
            if (c is null) continue;
            byLayout[c.Layout] = byLayout.GetValueOrDefault(c.Layout) + 1;
            if (c.Name is { } n) nameCounts[(c.Layout, n.ToLowerInvariant())] = nameCounts.GetValueOrDefault((c.Layout, n.ToLowerInvariant())) + 1;
        }

        var evidence = new HashSet<TurnLayout>();
        foreach (var layout in new[] { TurnLayout.Bold, TurnLayout.TimeThenName, TurnLayout.BracketedName, TurnLayout.NameThenTime })
            if (byLayout.GetValueOrDefault(layout) >= 2) evidence.Add(layout);
        bool oneOpeningLabel = byLayout.GetValueOrDefault(TurnLayout.Bold) == 1 && opening is { } o && candidates[o] is { Layout: TurnLayout.Bold, Name: not null };
        if (oneOpeningLabel) evidence.Add(TurnLayout.Bold);

        // Bare "Name: text": a name needs repetition, or the metadata, or a fuller form of it used repeatedly.
        var repeated = nameCounts.Where(kv => kv.Key.Item1 == TurnLayout.Name && kv.Value >= 2).Select(kv => kv.Key.Item2).ToHashSet();
        var strongNames = candidates.Where(c => c?.Name is not null && evidence.Contains(c.Layout)).Select(c => c!.Name!.ToLowerInvariant()).ToHashSet();
        bool NameAccepted(string name)
        {
            var key = name.ToLowerInvariant();
            if (repeated.Contains(key) || known.Contains(name) || strongNames.Contains(key)) return true;
            if (SpeakerLabel.IsGeneric(name) && repeated.Count > 0) return true;
            if (!name.Contains(' '))
                return repeated.Concat(known.Select(k => k.ToLowerInvariant())).Any(full =>
                    full.Contains(' ') && (full.StartsWith(key + " ", StringComparison.Ordinal) || full.EndsWith(" " + key, StringComparison.Ordinal)));
            return false;
        }
        int plainAccepted = candidates.Count(c => c is { Layout: TurnLayout.Name, Name: { } n } && NameAccepted(n));
        if (plainAccepted >= 2)
        {
            evidence.Add(TurnLayout.Name);
            // Among labelled turns, a person who speaks once still counts when the talk mentions them.
            foreach (var c in candidates)
                if (c is { Layout: TurnLayout.Name, Name: { } n } && !NameAccepted(n) && SpeakerNameShape.IsFullName(n) && mentions(n.Split(' ')[0]) >= 2)
                    repeated.Add(n.ToLowerInvariant());
        }

        // Timed lines without names: several, mostly in order.
        var times = candidates.Where(c => c is { Layout: TurnLayout.Time }).Select(c => c!.Start!.Value).ToList();
        if (times.Count >= 3)
        {
            int forward = 0;
            for (int i = 1; i < times.Count; i++) if (times[i] >= times[i - 1]) forward++;
            if (forward >= (times.Count - 1) * 0.8) evidence.Add(TurnLayout.Time);
        }
        // Where turns carry times, a timed line without a name continues the speaker at that time.
        if (times.Count > 0 && candidates.Any(c => c is { Start: not null, Name: not null } && evidence.Contains(c.Layout)))
            evidence.Add(TurnLayout.Time);

        // A name alone on its line is the weakest sign: only when nothing else names speakers,
        // and only for a few names used again and again.
        bool otherNames = evidence.Any(l => l is not TurnLayout.Time);
        var aloneNames = nameCounts.Where(kv => kv.Key.Item1 == TurnLayout.NameAlone && (kv.Value >= 2 || known.Contains(kv.Key.Item2)))
            .Select(kv => kv.Key.Item2).ToHashSet();
        int aloneCount = candidates.Count(c => c is { Layout: TurnLayout.NameAlone, Name: { } n } && aloneNames.Contains(n.ToLowerInvariant()));
        if (!otherNames && aloneCount >= 3 && aloneNames.Count <= 10) evidence.Add(TurnLayout.NameAlone);

        var accepted = new List<int>();
        for (int i = 0; i < candidates.Count; i++)
        {
            var c = candidates[i];
            if (c is null || !evidence.Contains(c.Layout)) continue;
            bool ok = c.Layout switch
            {
                TurnLayout.Name => NameAccepted(c.Name!),
                TurnLayout.NameAlone => aloneNames.Contains(c.Name!.ToLowerInvariant()),
                _ => true,
            };
            if (ok) accepted.Add(i);
        }
        bool timesOnly = accepted.Count > 0 && accepted.All(i => candidates[i]!.Layout == TurnLayout.Time);
        bool marked = accepted.Any(i => candidates[i]!.Layout is not (TurnLayout.Name or TurnLayout.NameAlone));
        return new TurnEvidence(accepted, timesOnly, marked, oneOpeningLabel && accepted.Count == 1);
    }
}
