using Archive.Core.Diagnostics;
using Archive.Core.Model;

namespace Archive.Core.Normalizing;

/// <summary>
/// Reports episodes without transcript text. A file of one episode that has none is worth a
/// warning of its own; in a listing, notes without a transcript are common, so one warning for the
/// file says how many there are and on which lines, rather than one per episode.
/// </summary>
public static class NotesOnlyEpisodes
{
    public static void Report(IReadOnlyList<Episode> episodes, string path, DiagnosticBag diagnostics)
    {
        var lines = episodes.Where(e => e.Paragraphs.Count == 0).Select(e => e.Source.Line).ToList();
        if (lines.Count == 0) return;
        if (episodes.Count == 1)
        {
            diagnostics.Warn(path, lines[0], "no transcript text was found; the page shows the episode's details only");
            return;
        }
        diagnostics.Warn(path, lines[0],
            $"{lines.Count} of the {episodes.Count} episodes have show notes only, no transcript ({(lines.Count == 1 ? "line" : "lines")} {Ranges(lines)}); " +
            "their pages show the notes and chapters");
    }

    /// <summary>"3, 9, 12–15, 20": ascending lines, runs of consecutive lines as ranges.</summary>
    public static string Ranges(IReadOnlyList<int> lines)
    {
        var parts = new List<string>();
        for (int i = 0; i < lines.Count;)
        {
            int j = i;
            while (j + 1 < lines.Count && lines[j + 1] == lines[j] + 1) j++;
            parts.Add(j == i ? lines[i].ToString(System.Globalization.CultureInfo.InvariantCulture)
                : j == i + 1 ? $"{lines[i]}, {lines[j]}" : $"{lines[i]}–{lines[j]}");
            i = j + 1;
        }
        return string.Join(", ", parts);
    }
}
