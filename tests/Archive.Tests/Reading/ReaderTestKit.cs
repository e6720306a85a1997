using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Normalizing;
using Archive.Core.Reading;

namespace Archive.Tests.Reading;

/// <summary>Reads text with one reader and normalizes it, as the loader would.</summary>
internal static class ReaderTestKit
{
    public static (Episode Episode, DiagnosticBag Diagnostics) ReadOne(ITranscriptReader reader, string path, string text)
    {
        var diagnostics = new DiagnosticBag();
        var raw = reader.Read(new SourceText(path, text), diagnostics);
        return (EpisodeNormalizer.Normalize(Assert.Single(raw), diagnostics), diagnostics);
    }

    public static string AllText(Episode episode) => string.Join(" ", episode.Paragraphs.Select(p => p.Text));

    public static int Occurrences(string text, string word)
    {
        int count = 0;
        for (int at = text.IndexOf(word, StringComparison.OrdinalIgnoreCase); at >= 0; at = text.IndexOf(word, at + word.Length, StringComparison.OrdinalIgnoreCase))
            count++;
        return count;
    }
}
