using System.Text.RegularExpressions;
using Archive.Core.Model;
using Archive.Core.Text;

namespace Archive.Site.Rendering;

/// <summary>
/// The ids on an episode page. A paragraph's id is its time (<c>t-00-12-34</c>), with <c>-2</c>,
/// <c>-3</c>… when earlier paragraphs started in the same second, or <c>p-N</c> without a time:
/// computable for one paragraph alone, so topic and person pages can deep-link without building
/// the page. Chapter ids are slugs of their titles, kept apart from paragraph and layout ids and
/// beginning with a letter (<c>chapter-2026-thesis</c>).
/// </summary>
public static partial class EpisodeAnchors
{
    /// <summary>Ids the layout and the episode template use themselves.</summary>
    public static readonly IReadOnlyList<string> Reserved =
    [
        "main", "top", "content", "search", "site-search-q", "toc-title", "transcript-title", "player",
        "related-title", "more-title", "downloads-title", "source-title",
    ];

    /// <summary>Slugs an id cannot be as they are: a paragraph's form (<c>t-00-…</c>, <c>p-3</c>), or a leading digit (ids begin with a letter).</summary>
    [GeneratedRegex(@"^(?:[tp]-\d|\d)")]
    private static partial Regex NeedsPrefix();

    public static string Paragraph(Episode e, int index)
    {
        var p = e.Paragraphs[index];
        if (p.Start is not { } start) return $"p-{index + 1}";
        var id = Timecode.Anchor(start);
        // Times are in order, so paragraphs that share a second are neighbours.
        int earlier = 0;
        for (int i = index - 1; i >= 0 && e.Paragraphs[i].Start is { } s && Timecode.Anchor(s) == id; i--) earlier++;
        return earlier == 0 ? id : $"{id}-{earlier + 1}";
    }

    public static IReadOnlyList<string> Chapters(Episode e)
    {
        var registry = new Slug.Registry();
        foreach (var reserved in Reserved) registry.Claim(reserved);
        return e.Chapters.Select(c =>
        {
            var slug = Slug.From(c.Title, "chapter");
            return registry.Claim(NeedsPrefix().IsMatch(slug) ? "chapter-" + slug : slug);
        }).ToList();
    }

    /// <summary>The chapter a paragraph belongs to, or -1 before the first chapter.</summary>
    public static int ChapterOf(Episode e, int paragraph)
    {
        int found = -1;
        for (int c = 0; c < e.Chapters.Count && e.Chapters[c].FirstParagraph <= paragraph; c++) found = c;
        return found;
    }
}
