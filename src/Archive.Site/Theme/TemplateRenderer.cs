using HandlebarsDotNet;

namespace Archive.Site.Theme;

/// <summary>
/// Compiles each template of a theme once and renders views with it. Pages are rendered into the
/// <c>layout</c> template's <c>{{{Content}}}</c>.
/// </summary>
public sealed class TemplateRenderer
{
    public static readonly string[] PageTemplates = ["layout", "home", "episode", "archive", "archive-year", "topic", "person", "show", "terms", "terms-letter", "search", "404"];

    private readonly Dictionary<string, HandlebarsTemplate<TextWriter, object, object>> _templates = new(StringComparer.Ordinal);

    public TemplateRenderer(Theme theme)
    {
        var handlebars = Handlebars.Create(new HandlebarsConfiguration { ThrowOnUnresolvedBindingExpression = false });
        foreach (var (name, path) in theme.Partials())
            handlebars.RegisterTemplate(name, File.ReadAllText(path));
        foreach (var name in PageTemplates)
        {
            try
            {
                _templates[name] = handlebars.Compile(new StringReader(theme.ReadTemplate(name)));
            }
            catch (HandlebarsException ex)
            {
                throw new ThemeException($"template '{name}' ({theme.Find($"templates/{name}.hbs")}) does not compile: {ex.Message}", ex);
            }
        }
    }

    /// <summary>Renders one template. Handlebars.Net templates are safe to call from several threads.</summary>
    public string Render(string template, object view)
    {
        var writer = new StringWriter();
        Render(writer, template, view);
        return writer.ToString();
    }

    /// <summary>Renders one template into <paramref name="writer"/>: a page need not be a string before it is bytes.</summary>
    public void Render(TextWriter writer, string template, object view)
    {
        if (!_templates.TryGetValue(template, out var compiled)) throw new ThemeException($"the theme has no template '{template}'");
        compiled(writer, view);
    }
}

public sealed class ThemeException(string message, Exception? inner = null) : Exception(message, inner);
