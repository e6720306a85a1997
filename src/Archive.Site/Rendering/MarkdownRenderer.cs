using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Archive.Site.Rendering;

/// <summary>
/// Markdown from inputs (summaries, show notes) to HTML that cannot carry markup of its own: raw
/// HTML is rendered as text, links with script schemes lose their link, and images become links
/// so no page loads anything from elsewhere.
/// </summary>
public static class MarkdownRenderer
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder()
        .UseAutoLinks()
        .UseEmphasisExtras()
        .DisableHtml()
        .Build();

    private static readonly string[] SafeSchemes = ["http:", "https:", "mailto:"];

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);
        foreach (var link in document.Descendants<LinkInline>().ToList())
        {
            link.IsImage = false;
            if (!IsSafe(link.Url)) Unwrap(link);
        }
        // The page title is the only h1; headings in a summary sit under it.
        foreach (var heading in document.Descendants<HeadingBlock>())
            heading.Level = 2;
        using var writer = new StringWriter();
        var renderer = new Markdig.Renderers.HtmlRenderer(writer);
        Pipeline.Setup(renderer);
        renderer.Render(document);
        return writer.ToString().Trim();
    }

    /// <summary>Plain text of a Markdown snippet, for excerpts and meta descriptions.</summary>
    public static string ToPlainText(string markdown) =>
        Markdown.ToPlainText(markdown, Pipeline).Trim();

    private static bool IsSafe(string? url)
    {
        if (string.IsNullOrWhiteSpace(url)) return false;
        var u = url.Trim();
        int colon = u.IndexOf(':');
        int slash = u.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon)) return true; // relative
        return SafeSchemes.Any(s => u.StartsWith(s, StringComparison.OrdinalIgnoreCase));
    }

    private static void Unwrap(LinkInline link)
    {
        var child = link.FirstChild;
        while (child is not null)
        {
            var next = child.NextSibling;
            child.Remove();
            link.InsertBefore(child);
            child = next;
        }
        link.Remove();
    }
}
