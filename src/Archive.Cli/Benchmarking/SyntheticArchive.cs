using System.Globalization;
using System.Text;

namespace Archive.Cli.Benchmarking;

/// <summary>
/// A synthetic archive for benchmarks: seeded, so the same options always give the same files.
/// Episodes are canonical Markdown of realistic size (about 57 KB of text per hour of speech,
/// speakers taking turns of a few sentences, a chapter every few minutes), spread over many shows,
/// hosts, guests and topics. The words are made up, but follow a Zipf distribution over a large
/// vocabulary mixed with English function words, as speech does, so a search index grows as it
/// would on real transcripts. Each episode depends only on the seed and its number, so episode
/// N + 1 can be written later to measure a rebuild.
/// </summary>
public sealed class SyntheticArchive
{
    /// <param name="MinMinutes">Shortest episode; with <paramref name="MaxMinutes"/> equal, every episode has that length.</param>
    public sealed record Options(int Episodes, int Seed = 1, int MinMinutes = 20, int MaxMinutes = 120);

    // Speech is 150–190 words a minute; with these (short) made-up words this gives ~57 KB of text an hour.
    private const double WordsPerMinute = 188;
    private const int Vocabulary = 40_000;

    private static readonly string[] FunctionWords =
    [
        "the", "and", "to", "of", "a", "I", "you", "that", "it", "is", "in", "we", "so", "like", "this", "for",
        "was", "but", "on", "they", "what", "have", "with", "be", "just", "are", "not", "do", "think", "know",
        "there", "about", "if", "can", "at", "one", "really", "because", "all", "people", "get", "or", "when",
        "would", "how", "from", "right", "going", "more", "some", "an", "yeah", "my", "me", "he", "she", "them",
        "then", "which", "who", "very", "where", "your", "those", "these", "actually", "now", "our", "out",
        "up", "time", "kind", "lot", "make", "thing", "things", "want", "way", "well", "work", "see", "said",
        "say", "much", "even", "other", "into", "than", "could", "also", "first", "new", "good", "where",
    ];

    private static readonly string[] FirstNames =
    [
        "Maya", "Tom", "Diego", "Lena", "Priya", "Samuel", "Aiko", "Jonas", "Fatima", "Noah", "Grace", "Omar",
        "Ingrid", "Luis", "Chen", "Amara", "Felix", "Hannah", "Kwame", "Sofia", "Ravi", "Elena", "Marcus",
        "Yuki", "Nadia", "Oscar", "Leila", "Pavel", "Zoe", "Tariq", "Clara", "Mateo", "Ines", "Arjun", "Freya",
        "Kofi", "Mira", "Hugo", "Anika", "Jamal", "Sara", "Emil", "Rosa", "Dev", "Alma", "Ivan", "Naomi", "Theo",
    ];

    private static readonly string[] LastNames =
    [
        "Okafor", "Brandt", "Alvarez", "Hoffmann", "Raman", "Carter", "Tanaka", "Lindqvist", "Haddad", "Kim",
        "Novak", "Mensah", "Rossi", "Silva", "Nakamura", "Dubois", "Kowalski", "Singh", "Ferreira", "Larsen",
        "Ahmed", "Walsh", "Moreau", "Petrov", "Osei", "Castro", "Weber", "Iyer", "Byrne", "Costa", "Jansen",
        "Abbott", "Quinn", "Varga", "Sato", "Ward", "Nguyen", "Boateng", "Keller", "Ortiz",
    ];

    private readonly Options _options;
    private readonly string[] _words;
    private readonly double[] _cumulative;
    private readonly List<ShowSpec> _shows;
    private readonly string[] _guests;
    private readonly string[] _topics;

    private sealed record ShowSpec(string Name, string Slug, string[] Hosts, DateOnly Start, double Weight);

    public SyntheticArchive(Options options)
    {
        if (options.Episodes < 1) throw new ArgumentOutOfRangeException(nameof(options), "at least one episode");
        if (options.MinMinutes < 1 || options.MaxMinutes < options.MinMinutes) throw new ArgumentOutOfRangeException(nameof(options), "minutes must be 1 ≤ min ≤ max");
        _options = options;
        var rng = new Random(options.Seed);
        _words = MakeVocabulary(rng);
        _cumulative = new double[_words.Length];
        double sum = 0;
        for (int r = 0; r < _words.Length; r++) _cumulative[r] = sum += 1 / Math.Pow(r + 1, 1.07);
        for (int r = 0; r < _words.Length; r++) _cumulative[r] /= sum;

        int showCount = Math.Clamp(options.Episodes / 25, 4, 400);
        _shows = [];
        var usedShowNames = new HashSet<string>(StringComparer.Ordinal);
        for (int s = 0; s < showCount; s++)
        {
            string name;
            do name = Title(MidWord(rng), MidWord(rng)) + (rng.Next(3) == 0 ? " Podcast" : rng.Next(2) == 0 ? " Weekly" : "");
            while (!usedShowNames.Add(name));
            var hosts = Enumerable.Range(0, 1 + rng.Next(2)).Select(_ => Person(rng)).Distinct().ToArray();
            _shows.Add(new ShowSpec(name, SlugOf(name), hosts, new DateOnly(2012, 1, 1).AddDays(rng.Next(3000)), 0.3 + rng.NextDouble() * 2));
        }
        _guests = Enumerable.Range(0, Math.Max(20, options.Episodes / 2)).Select(_ => Person(rng)).Distinct().ToArray();
        _topics = Enumerable.Range(0, Math.Clamp(options.Episodes / 5, 100, 3000))
            .Select(_ => rng.Next(3) == 0 ? MidWord(rng) : MidWord(rng) + " " + MidWord(rng))
            .Distinct(StringComparer.Ordinal).ToArray();
    }

    /// <summary>Writes <c>archive.yml</c> and episodes 0 … N-1 into <paramref name="inputDirectory"/>; returns the bytes written.</summary>
    public long WriteAll(string inputDirectory)
    {
        Directory.CreateDirectory(inputDirectory);
        File.WriteAllText(Path.Combine(inputDirectory, "archive.yml"),
            $"title: Synthetic Archive\ndescription: {_options.Episodes} generated episodes (seed {_options.Seed}) for benchmarks.\nbase_url: /\n");
        long bytes = 0;
        Parallel.For(0, _options.Episodes, i => Interlocked.Add(ref bytes, WriteEpisode(inputDirectory, i).Bytes));
        return bytes;
    }

    /// <summary>Writes episode <paramref name="number"/> (0-based; N and up are "new" episodes); returns its file and size.</summary>
    /// <param name="date">Its date instead of the one its show's schedule gives it.</param>
    public (string Path, long Bytes) WriteEpisode(string inputDirectory, int number, DateOnly? date = null)
    {
        var (relative, text) = Episode(number, date);
        var full = Path.Combine(inputDirectory, relative);
        Directory.CreateDirectory(Path.GetDirectoryName(full)!);
        var bytes = Encoding.UTF8.GetBytes(text);
        File.WriteAllBytes(full, bytes);
        return (full, bytes.Length);
    }

    /// <summary>One episode: its path under the input folder and its canonical Markdown.</summary>
    public (string RelativePath, string Text) Episode(int number, DateOnly? dated = null)
    {
        var rng = new Random(HashCode(_options.Seed, number));
        var show = PickShow(rng);
        // The draw is made either way, so the rest of the episode does not depend on the date.
        var date = show.Start.AddDays(7 * (number / _shows.Count) + rng.Next(7));
        if (dated is { } given) date = given;
        var guests = Enumerable.Range(0, rng.Next(4)).Select(_ => _guests[rng.Next(_guests.Length)]).Distinct().Except(show.Hosts).ToArray();
        var speakers = show.Hosts.Concat(guests).ToArray();
        var topics = Enumerable.Range(0, 2 + rng.Next(5)).Select(_ => _topics[Zipf(rng, _topics.Length)]).Distinct().ToArray();
        int minutes = _options.MinMinutes + (int)Math.Round((_options.MaxMinutes - _options.MinMinutes) * Skewed(rng));
        var title = $"{Title(topics[0])}: {Sentence(rng, 3, 7, end: false)}";
        var hasMedia = rng.Next(3) > 0;

        // The body: chapters of 4–12 minutes, turns of one to a dozen sentences.
        var body = new StringBuilder(minutes * 1000);
        var chapters = new List<(TimeSpan Time, string Title)>();
        double seconds = 0, end = minutes * 60;
        double nextChapter = 0;
        int turn = 0;
        string? previous = null;
        while (seconds < end)
        {
            if (seconds >= nextChapter)
            {
                var chapterTitle = chapters.Count == 0 ? "Introductions" : Title(rng.Next(2) == 0 ? topics[rng.Next(topics.Length)] : MidWord(rng), MidWord(rng));
                if (chapters.Any(c => c.Title == chapterTitle)) chapterTitle += " " + (chapters.Count + 1).ToString(CultureInfo.InvariantCulture);
                chapters.Add((TimeSpan.FromSeconds(Math.Floor(seconds)), chapterTitle));
                body.Append("## ").Append(chapterTitle).Append("\n\n");
                nextChapter = seconds + 240 + rng.Next(480);
            }
            string speaker;
            do speaker = speakers.Length == 1 || turn == 0 ? speakers[0] : speakers[rng.Next(speakers.Length)];
            while (speakers.Length > 1 && speaker == previous);
            previous = speaker;
            int sentences = rng.Next(10) < 3 ? 1 + rng.Next(2) : 2 + rng.Next(11);
            var text = new StringBuilder();
            int words = 0;
            for (int s = 0; s < sentences; s++)
            {
                if (s > 0) text.Append(' ');
                words += AppendSentence(text, rng, topics, speakers);
            }
            body.Append("**[").Append(Clock(seconds)).Append("] ").Append(speaker).Append(":** ").Append(text).Append("\n\n");
            seconds += words * 60 / WordsPerMinute + rng.NextDouble() * 1.5;
            turn++;
        }

        var front = new StringBuilder();
        front.Append("---\n");
        front.Append("title: ").Append(Quote(title)).Append('\n');
        front.Append("show: ").Append(Quote(show.Name)).Append('\n');
        front.Append("date: ").Append(date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)).Append('\n');
        front.Append("speakers: [").Append(string.Join(", ", speakers)).Append("]\n");
        front.Append("topics: [").Append(string.Join(", ", topics)).Append("]\n");
        front.Append("summary: |\n  ").Append(Sentence(rng, 8, 20)).Append(" We talk about **").Append(topics[0]).Append("** and ")
            .Append(topics[^1]).Append(". ").Append(Sentence(rng, 8, 20)).Append('\n');
        if (hasMedia) front.Append("media: https://media.example.org/").Append(show.Slug).Append('/').Append(number.ToString(CultureInfo.InvariantCulture)).Append(".mp3\n");
        front.Append("duration: \"").Append(Clock(seconds)).Append("\"\n");
        front.Append("chapters:\n");
        foreach (var (time, chapterTitle) in chapters)
            front.Append("  - time: \"").Append(Clock(time.TotalSeconds)).Append("\"\n    title: ").Append(Quote(chapterTitle)).Append('\n');
        front.Append("---\n\n");

        var relative = $"{show.Slug}/{date:yyyy-MM-dd}-{number.ToString("00000", CultureInfo.InvariantCulture)}.md";
        return (relative, front.Append(body).ToString());
    }

    private int AppendSentence(StringBuilder text, Random rng, string[] topics, string[] speakers)
    {
        int length = 4 + rng.Next(19);
        for (int w = 0; w < length; w++)
        {
            string word = rng.Next(100) switch
            {
                < 46 => FunctionWords[Zipf(rng, FunctionWords.Length)],
                < 48 => topics[rng.Next(topics.Length)],
                48 when speakers.Length > 1 => speakers[rng.Next(speakers.Length)].Split(' ')[0],
                _ => _words[Zipf(rng)],
            };
            if (w == 0) text.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            else text.Append(' ').Append(word);
            if (w < length - 1 && rng.Next(12) == 0) text.Append(',');
        }
        text.Append(rng.Next(10) == 0 ? '?' : '.');
        return length;
    }

    private string Sentence(Random rng, int min, int max, bool end = true)
    {
        var sb = new StringBuilder();
        int length = min + rng.Next(max - min + 1);
        for (int w = 0; w < length; w++)
        {
            var word = rng.Next(100) < 40 ? FunctionWords[Zipf(rng, FunctionWords.Length)] : _words[Zipf(rng)];
            if (w == 0) sb.Append(char.ToUpperInvariant(word[0])).Append(word, 1, word.Length - 1);
            else sb.Append(' ').Append(word);
        }
        if (end) sb.Append('.');
        return sb.ToString();
    }

    private ShowSpec PickShow(Random rng)
    {
        double total = _shows.Sum(s => s.Weight), x = rng.NextDouble() * total;
        foreach (var s in _shows)
            if ((x -= s.Weight) <= 0) return s;
        return _shows[^1];
    }

    private int Zipf(Random rng)
    {
        int i = Array.BinarySearch(_cumulative, rng.NextDouble());
        return Math.Min(i < 0 ? ~i : i, _words.Length - 1);
    }

    private static int Zipf(Random rng, int count)
    {
        // A cheap Zipf-like pick for short lists: low ranks much more often.
        double u = rng.NextDouble();
        return Math.Min(count - 1, (int)(count * u * u * u));
    }

    /// <summary>Between 0 and 1, on average 0.4: with 20–120 minutes, most episodes near an hour, a few long ones.</summary>
    private static double Skewed(Random rng) => Math.Clamp((rng.NextDouble() + rng.NextDouble() + rng.NextDouble()) / 3 * 1.1 - 0.15, 0, 1);

    /// <summary>A word from the middle of the vocabulary: topics, titles and names are neither rare nor common.</summary>
    private string MidWord(Random rng) => _words[200 + rng.Next(4000)];

    private string Person(Random rng) =>
        FirstNames[rng.Next(FirstNames.Length)] + " " +
        (rng.Next(4) == 0 ? Capitalize(_words[500 + rng.Next(20_000)]) : LastNames[rng.Next(LastNames.Length)]);

    private static string[] MakeVocabulary(Random rng)
    {
        string[] onsets = ["b", "c", "d", "f", "g", "h", "k", "l", "m", "n", "p", "r", "s", "t", "v", "w", "br", "cr", "dr", "gr", "pl", "st", "tr", "sh", "ch", "th", "sp", "fl"];
        string[] vowels = ["a", "e", "i", "o", "u", "ai", "ea", "io", "ou", "y"];
        string[] codas = ["", "", "", "n", "r", "s", "t", "l", "m", "nd", "st", "ng", "ck", "rt"];
        var words = new List<string>(Vocabulary);
        var seen = new HashSet<string>(StringComparer.Ordinal);
        while (words.Count < Vocabulary)
        {
            var sb = new StringBuilder();
            int syllables = 1 + (int)Math.Floor(Math.Pow(rng.NextDouble(), 1.6) * 4);
            for (int s = 0; s < syllables; s++)
                sb.Append(onsets[rng.Next(onsets.Length)]).Append(vowels[rng.Next(vowels.Length)]).Append(codas[rng.Next(codas.Length)]);
            var word = sb.ToString();
            if (word.Length >= 2 && seen.Add(word)) words.Add(word);
        }
        // Short words are the common ones.
        return [.. words.OrderBy(w => w.Length + rng.NextDouble() * 4)];
    }

    private static string Title(params string[] words) => string.Join(' ', words.Select(Capitalize));

    private static string Capitalize(string word) =>
        string.Join(' ', word.Split(' ').Select(w => w.Length == 0 ? w : char.ToUpperInvariant(w[0]) + w[1..]));

    private static string SlugOf(string name) => Archive.Core.Text.Slug.From(name);

    private static string Quote(string text) => "\"" + text.Replace("\\", "\\\\").Replace("\"", "\\\"") + "\"";

    private static string Clock(double seconds) =>
        Archive.Core.Model.Timecode.FormatLong(TimeSpan.FromSeconds(Math.Floor(seconds)));

    private static int HashCode(int seed, int number) => unchecked(seed * 1_000_003 + number * 7919 + 17);
}
