using System.Text;
using Archive.Core.Diagnostics;
using Archive.Core.Loading;
using Archive.Core.Normalizing;
using Archive.Core.Reading;
using Archive.Core.Writing;
using Archive.Tests.Golden;
using Archive.Tests.Support;

namespace Archive.Tests.Reading;

/// <summary>
/// No input makes a reader throw: every reader in <see cref="TranscriptReaders.All"/> (whoever
/// added it) gets the golden and demo files mutated by a seeded random generator, truncated,
/// shuffled, sprinkled with markup, plus random bytes, deep nesting and very long lines. Each
/// result must also normalize and write as canonical Markdown without throwing.
/// </summary>
public class ReaderFuzzTests
{
    private const int Seed = 20250601;

    private static readonly string[] Tokens =
    [
        "-->", " --> ", "<v ", "</v>", "<", ">", "&amp;", "&#", "&#x110000;", "{", "}", "[", "]", "\"", ":", ",", "\n", "\n\n", "\r", "\r\n",
        "WEBVTT\n", "NOTE ", "00:00:01.000", "99:99:99,999", "-1", "1e308", "NaN", "**", "**[00:00:01] A:**", "---\n", "# ", "## ", ">>", "- ",
        "\u0000", "\uFEFF", "\u2028", "\uD800", "é", "null", "true", "[00:01]", "(00:00:01)", "Speaker 1:", "<cite>", "<time>", "<p>", "<table><tr><td>",
        "<?xml version=\"1.0\"?>", "<tt>", "{\"segments\":[", "{\"startTime\":", "\"text\":", "Transcript", "Chapters: 00:00 Intro", "\t", "🎵",
    ];

    private static readonly string[] Extensions = [".vtt", ".srt", ".json", ".md", ".txt", ".html", ".xml", ".ttml", ""];

    /// <summary>Every golden input and demo transcript, decoded as the loader would.</summary>
    private static List<(string Name, string Text)> Corpus()
    {
        var files = Directory.EnumerateFiles(GoldenTests.Folder, "*", SearchOption.AllDirectories)
            .Where(f => !f.EndsWith(".expected.json", StringComparison.Ordinal) && !f.EndsWith(".cs", StringComparison.Ordinal))
            .Concat(Directory.EnumerateFiles(RepoPaths.DemoInput))
            .Order(StringComparer.Ordinal);
        var corpus = new List<(string, string)>();
        foreach (var file in files)
            if (SourceDecoder.Decode(File.ReadAllBytes(file)).Text is { } text)
                corpus.Add((Path.GetFileName(file), text));
        return corpus;
    }

    private static string Mutate(string text, Random random)
    {
        if (text.Length == 0) return Tokens[random.Next(Tokens.Length)];
        switch (random.Next(7))
        {
            case 0: return text[..random.Next(text.Length)];
            case 1:
            {
                int at = random.Next(text.Length);
                return text.Remove(at, Math.Min(text.Length - at, 1 + random.Next(200)));
            }
            case 2:
            {
                int at = random.Next(text.Length), length = Math.Min(text.Length - at, 1 + random.Next(400));
                return text.Insert(random.Next(text.Length), text.Substring(at, length));
            }
            case 3:
            {
                var sb = new StringBuilder(text);
                for (int i = 0; i < 8; i++) sb.Insert(random.Next(sb.Length + 1), Tokens[random.Next(Tokens.Length)]);
                return sb.ToString();
            }
            case 4:
            {
                var lines = text.Split('\n');
                for (int i = 0; i < Math.Max(1, lines.Length / 4); i++)
                {
                    int a = random.Next(lines.Length), b = random.Next(lines.Length);
                    (lines[a], lines[b]) = (lines[b], lines[a]);
                }
                return string.Join('\n', lines);
            }
            case 5:
            {
                var chars = text.ToCharArray();
                for (int i = 0; i < Math.Max(1, chars.Length / 50); i++) chars[random.Next(chars.Length)] = (char)random.Next(0x20, 0x3000);
                return new string(chars);
            }
            default:
                return string.Concat(Enumerable.Range(0, 3).Select(_ => Mutate(text, random)));
        }
    }

    internal static IEnumerable<(string Name, string Text)> Inputs(bool corpus = true)
    {
        var random = new Random(Seed);
        foreach (var (name, text) in corpus ? Corpus() : [])
        {
            yield return (name, text);
            for (int i = 0; i < 3; i++)
            {
                var extension = random.Next(3) == 0 ? Extensions[random.Next(Extensions.Length)] : Path.GetExtension(name);
                yield return ($"{Path.GetFileNameWithoutExtension(name)}-m{i}{extension}", Mutate(text, random));
            }
        }
        for (int i = 0; i < 24; i++)
        {
            var bytes = new byte[random.Next(0, 3000)];
            random.NextBytes(bytes);
            if (i % 2 == 0) for (int b = 0; b < bytes.Length; b++) bytes[b] = (byte)(bytes[b] % 96 + 32); // printable noise
            if (SourceDecoder.Decode(bytes).Text is { } text) yield return ($"random-{i}{Extensions[i % Extensions.Length]}", text);
        }
        yield return ("deep.json", new string('[', 20_000) + new string(']', 20_000));
        yield return ("deep-objects.json", string.Concat(Enumerable.Repeat("{\"segments\":", 2_000)) + "[]" + new string('}', 2_000));
        yield return ("deep.html", string.Concat(Enumerable.Repeat("<div><p><cite>A:</cite>", 1_500)));
        yield return ("deep.xml", "<?xml version=\"1.0\"?>" + string.Concat(Enumerable.Repeat("<tt><body><div>", 2_000)));
        yield return ("voices.vtt", "WEBVTT\n\n00:00.000 --> 00:01.000\n" + string.Concat(Enumerable.Repeat("<v ", 20_000)));
        yield return ("arrows.srt", string.Concat(Enumerable.Repeat("1\n00:00:01,000 --> 00:00:00,000\n-->\n\n", 5_000)));
        yield return ("one-line.txt", string.Join(' ', Enumerable.Range(0, 100_000).Select(i => (i % 11 == 0 ? "Word." : "word"))));
        yield return ("no-spaces.txt", new string('x', 1_000_000));
        yield return ("one-line.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n" + new string('w', 300_000) + " " + new string('<', 50_000));
        yield return ("only-times.srt", string.Join("\n", Enumerable.Range(0, 3_000).Select(i => $"{i}\n00:00:{i % 60:00},000 --> 00:00:{(i + 1) % 60:00},000\n")));
    }

    [Fact]
    public void No_input_makes_any_reader_throw()
    {
        var failures = new List<string>();
        int runs = 0;
        foreach (var (name, text) in Inputs())
        {
            var source = new SourceText(name, text);
            foreach (var reader in TranscriptReaders.All)
            {
                runs++;
                try
                {
                    int score = reader.Detect(source);
                    if (score is < 0 or > 100) failures.Add($"{reader.Format} scored {score} for {name}");
                    var diagnostics = new DiagnosticBag();
                    foreach (var raw in reader.Read(source, diagnostics))
                    {
                        var episode = EpisodeNormalizer.Normalize(raw, diagnostics);
                        CanonicalMarkdownWriter.Write(episode);
                    }
                    foreach (var d in diagnostics.Items.Where(d => d.Line < 1 || string.IsNullOrEmpty(d.Path)))
                        failures.Add($"{reader.Format} reported '{d}' for {name}: no line");
                }
                catch (Exception ex)
                {
                    failures.Add($"{reader.Format} threw {ex.GetType().Name} for {name} ({text.Length} chars): {ex.Message}\n{ex.StackTrace?.Split('\n').FirstOrDefault()}");
                }
            }
        }
        Assert.True(runs > 1000, $"only {runs} runs");
        Assert.True(failures.Count == 0, $"{failures.Count} failures (seed {Seed}):\n" + string.Join("\n", failures.Take(30)));
    }
}
