using Archive.Site.Theme;
using Archive.Tests.Support;

namespace Archive.Tests.Rendering;

public class TemplateRendererTests
{
    [Fact]
    public void A_theme_is_compiled_once_per_process_until_a_template_file_changes()
    {
        using var temp = new TempFolder("template-renderer");
        temp.Write("theme/templates/404.hbs", "<p>first {{Site.Title}}</p>");
        var theme = Theme.Load(temp.Combine("theme"));

        var first = TemplateRenderer.For(theme);
        // A rebuild loads the theme again: the same files are the same compiled templates.
        Assert.Same(first, TemplateRenderer.For(Theme.Load(temp.Combine("theme"))));

        temp.Write("theme/templates/404.hbs", "<p>second {{Site.Title}}</p>");
        var edited = TemplateRenderer.For(Theme.Load(temp.Combine("theme")));
        Assert.NotSame(first, edited);
        var view = new { Site = new { Title = "T" } };
        Assert.Equal("<p>second T</p>", edited.Render("404", view));
        Assert.Equal("<p>first T</p>", first.Render("404", view));
    }
}
