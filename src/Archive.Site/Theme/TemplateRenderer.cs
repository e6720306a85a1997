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

    // Themes' templates as compiled, by the hash of their files; a few, for a process that renders with several.
    private static readonly System.Collections.Concurrent.ConcurrentDictionary<string, TemplateRenderer> s_compiled = new(StringComparer.Ordinal);
    private const int MostCompiled = 8;

    /// <summary>
    /// The templates of <paramref name="theme"/> compiled, once per process for the same files.
    /// <c>archive serve</c> rebuilds in one process, and each Handlebars environment compiles its
    /// templates and its accessors of the views' members into dynamic methods: compiling them per
    /// rebuild cost as much as the rest of the render, and as much again for the finalizer.
    /// </summary>
    public static TemplateRenderer For(Theme theme)
    {
        var key = Convert.ToHexString(theme.TemplatesHash);
        if (s_compiled.TryGetValue(key, out var compiled)) return compiled;
        if (s_compiled.Count >= MostCompiled) s_compiled.Clear();
        return s_compiled.GetOrAdd(key, _ => new TemplateRenderer(theme));
    }

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
