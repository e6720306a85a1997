using System.Globalization;
using System.Text;

namespace Archive.Core.Text;

/// <summary>A word of running text: as written, and reduced to a stem for comparing.</summary>
public readonly record struct Term(string Word, string Stem, bool IsStopWord);

/// <summary>
/// Splits text into words for matching and key phrases: lower-cased, with a light English stem
/// (<c>databases</c> and <c>database</c> compare equal) and a stop-word flag. Deterministic and
/// culture-invariant.
/// </summary>
public static class Terms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "about", "above", "actually", "after", "again", "against", "ago", "all", "almost", "along", "already", "also", "although",
        "always", "am", "among", "an", "and", "another", "any", "anybody", "anyone", "anything", "anyway", "are", "aren't", "around",
        "as", "ask", "asked", "at", "away", "back", "basically", "be", "because", "been", "before", "being", "below", "best", "better",
        "between", "big", "bit", "both", "but", "by", "call", "called", "came", "can", "can't", "cannot", "certain", "certainly",
        "come", "comes", "coming", "could", "couldn't", "day", "did", "didn't", "different", "do", "does", "doesn't", "doing", "don't",
        "done", "down", "during", "each", "early", "easy", "either", "else", "enough", "especially", "even", "ever", "every",
        "everybody", "everyone", "everything", "exactly", "example", "far", "few", "find", "first", "for", "from", "fun", "further",
        "get", "gets", "getting", "give", "go", "goes", "going", "gonna", "good", "got", "gotten", "great", "guess", "guy", "guys",
        "had", "happen", "happened", "has", "hasn't", "have", "haven't", "having", "he", "he's", "hear", "hello", "help", "her",
        "here", "here's", "hers", "herself", "hey", "hi", "high", "him", "himself", "his", "hmm", "honestly", "how", "however",
        "i", "i'd", "i'll", "i'm", "i've", "idea", "if", "important", "in", "instead", "interesting", "into", "is", "isn't", "it",
        "it's", "its", "itself", "just", "keep", "kind", "kinda", "know", "large", "last", "later", "least", "less", "let", "let's",
        "like", "likely", "little", "long", "look", "looking", "lot", "lots", "made", "make", "makes", "making", "many", "may",
        "maybe", "me", "mean", "means", "might", "mine", "more", "most", "mostly", "much", "must", "my", "myself", "need", "needs",
        "never", "new", "next", "nice", "no", "nobody", "none", "nor", "not", "nothing", "now", "obviously", "of", "off", "oh", "ok",
        "okay", "old", "on", "once", "one", "ones", "only", "onto", "or", "other", "others", "otherwise", "our", "ours", "ourselves",
        "out", "over", "own", "part", "people", "per", "perhaps", "place", "point", "pretty", "probably", "put", "quite", "rather",
        "re", "really", "right", "said", "same", "say", "saying", "says", "see", "seem", "seems", "seen", "set", "several", "shall",
        "she", "she's", "should", "shouldn't", "show", "side", "similar", "simply", "since", "small", "so", "some", "somebody",
        "someone", "something", "sometimes", "somewhat", "sort", "start", "started", "still", "stuff", "such", "sure", "take",
        "talk", "talked", "talking", "tell", "than", "thank", "thanks", "that", "that's", "the", "their", "theirs", "them",
        "themselves", "then", "there", "there's", "these", "they", "they'd", "they'll", "they're", "they've", "thing", "things",
        "think", "thinking", "this", "those", "though", "thought", "through", "time", "times", "to", "today", "together", "too",
        "took", "toward", "towards", "tried", "true", "try", "trying", "turn", "uh", "um", "under", "understand", "unless", "until",
        "up", "upon", "us", "use", "used", "uses", "using", "usually", "various", "very", "via", "want", "wanted", "wants", "was",
        "wasn't", "way", "ways", "we", "we'd", "we'll", "we're", "we've", "well", "went", "were", "weren't", "what", "what's",
        "whatever", "when", "where", "whether", "which", "while", "who", "who's", "whole", "whom", "whose", "why", "will", "with",
        "within", "without", "won't", "work", "works", "would", "wouldn't", "wow", "yeah", "year", "years", "yep", "yes", "yet",
        "you", "you'd", "you'll", "you're", "you've", "your", "yours", "yourself", "yourselves", "able", "absolutely", "across",
        "ah", "alright", "anymore", "became", "become", "becomes", "bring", "brings", "cause", "course", "definitely", "end",
        "ended", "entire", "entirely", "everywhere", "fact", "fairly", "feel", "felt", "gave", "given", "gives", "hard", "hold",
        "huge", "kinds", "knew", "known", "knows", "lead", "literally", "looked", "looks", "lots", "mentioned", "middle", "moment",
        "needed", "number", "often", "ourselves", "particular", "particularly", "possible", "real", "reason", "saw", "second",
        "seeing", "sense", "sorts", "specific", "specifically", "super", "thats", "third", "totally", "top", "tough", "trust",
        "two", "three", "four", "five", "ten", "hundred", "thousand", "million", "billion", "whereas", "wish", "wonder", "word",
        "words", "wrong", "yup", "ya", "cool", "awesome", "gotta", "wanna", "lemme", "dunno", "won", "lately", "recently",
        "talks", "discuss", "discusses", "discussed", "shares", "share", "future", "major", "modern",
    };

    public static bool IsStopWord(string lowerWord) => StopWords.Contains(lowerWord);

    /// <summary>The words of the text, in order. Hyphens and slashes split words; apostrophes stay inside them.</summary>
    public static List<Term> Of(string text)
    {
        var terms = new List<Term>();
        var word = new StringBuilder();
        void Emit()
        {
            if (word.Length == 0) return;
            var w = word.ToString().Trim('\'');
            word.Clear();
            if (w.Length == 0) return;
            var lower = w.ToLowerInvariant();
            bool stop = StopWords.Contains(lower) || (lower.Length < 2) || lower.All(char.IsDigit) && lower.Length < 4;
            terms.Add(new Term(w, Stem(lower), stop));
        }
        foreach (var ch in text)
        {
            var c = ch is '’' or '‘' ? '\'' : ch;
            if (char.IsLetterOrDigit(c) || c == '\'' || CharUnicodeInfo.GetUnicodeCategory(c) == UnicodeCategory.NonSpacingMark) word.Append(c);
            else Emit();
        }
        Emit();
        return terms;
    }

    /// <summary>A light suffix-stripping stem; both sides of every comparison use it, so it need only be consistent.</summary>
    public static string Stem(string lower)
    {
        var w = lower;
        if (w.EndsWith("'s", StringComparison.Ordinal)) w = w[..^2];
        if (w.Length > 4 && w.EndsWith("ies", StringComparison.Ordinal)) return w[..^3] + "y";
        if (w.Length > 4 && w.EndsWith("sses", StringComparison.Ordinal)) return w[..^2];
        if (w.Length > 5 && w.EndsWith("ing", StringComparison.Ordinal)) return Undouble(w[..^3]);
        if (w.Length > 4 && w.EndsWith("ed", StringComparison.Ordinal) && !w.EndsWith("eed", StringComparison.Ordinal)) return Undouble(w[..^2]);
        if (w.Length > 3 && w.EndsWith('s') && !w.EndsWith("ss", StringComparison.Ordinal) && !w.EndsWith("us", StringComparison.Ordinal) && !w.EndsWith("is", StringComparison.Ordinal))
            w = w[..^1];
        if (w.Length > 3 && w.EndsWith('e')) w = w[..^1];
        return w;
    }

    private static string Undouble(string w)
    {
        if (w.Length > 3 && w[^1] == w[^2] && w[^1] is not ('l' or 's' or 'z')) w = w[..^1];
        if (w.Length > 4 && w.EndsWith('e')) w = w[..^1];
        return w;
    }
}
