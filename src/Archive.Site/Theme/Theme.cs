namespace Archive.Site.Theme;

/// <summary>
/// A theme is a folder of Handlebars templates (<c>templates/*.hbs</c>, partials in
/// <c>templates/partials/</c>) and assets (<c>assets/</c>). Folders are searched in order: a
/// user's theme first, then the default theme, so a user theme overrides any single file by its
/// path and inherits the rest.
/// </summary>
public sealed class Theme
{
    private Theme(IReadOnlyList<string> folders)
    {
        Folders = folders;
        _templatesHash = new Lazy<byte[]>(HashTemplates);
    }

    private readonly Lazy<byte[]> _templatesHash;

    /// <summary>A hash of every template file of every folder, by path and content: what the pages' markup is made from.</summary>
    public byte[] TemplatesHash => _templatesHash.Value;

    private byte[] HashTemplates()
    {
        using var hash = System.Security.Cryptography.IncrementalHash.CreateHash(System.Security.Cryptography.HashAlgorithmName.SHA256);
        foreach (var folder in Folders)
        {
            var templates = Path.Combine(folder, "templates");
            if (!Directory.Exists(templates)) continue;
            foreach (var file in Directory.EnumerateFiles(templates, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
            {
                hash.AppendData(System.Text.Encoding.UTF8.GetBytes(Path.GetRelativePath(folder, file) + "\n"));
                hash.AppendData(System.Security.Cryptography.SHA256.HashData(File.ReadAllBytes(file)));
            }
        }
        return hash.GetHashAndReset();
    }

    /// <summary>The theme folders, most specific first.</summary>
    public IReadOnlyList<string> Folders { get; }

    /// <summary>The default theme shipped beside the program (copied from <c>themes/default</c> at build).</summary>
    public static string BuiltInFolder => Path.Combine(AppContext.BaseDirectory, "themes", "default");

    /// <summary>A theme made of <paramref name="folder"/> (if any) over the built-in default.</summary>
    public static Theme Load(string? folder)
    {
        var folders = new List<string>();
        if (folder is not null) folders.Add(Path.GetFullPath(folder));
        var builtIn = Path.GetFullPath(BuiltInFolder);
        if (!folders.Contains(builtIn) && Directory.Exists(builtIn)) folders.Add(builtIn);
        if (folders.Count == 0 || !folders.Any(Directory.Exists))
            throw new DirectoryNotFoundException($"no theme found: neither '{folder}' nor the built-in theme at '{builtIn}' exists");
        return new Theme(folders.Where(Directory.Exists).ToList());
    }

    /// <summary>The file that wins for a theme-relative path, or null.</summary>
    public string? Find(string relativePath)
    {
        foreach (var folder in Folders)
        {
            var candidate = Path.Combine(folder, relativePath);
            if (File.Exists(candidate)) return candidate;
        }
        return null;
    }

    public string ReadTemplate(string name) =>
        File.ReadAllText(Find($"templates/{name}.hbs")
            ?? throw new FileNotFoundException($"the theme has no template '{name}' (looked for templates/{name}.hbs in {string.Join(", ", Folders)})"));

    /// <summary>Partials by name (file name without .hbs), the most specific folder winning.</summary>
    public IReadOnlyList<(string Name, string Path)> Partials() =>
        Union("templates/partials", "*.hbs")
            .Select(f => (Name: System.IO.Path.GetFileNameWithoutExtension(f.Relative), f.Path))
            .ToList();

    /// <summary>Assets by theme-relative path under <c>assets/</c>, the most specific folder winning.</summary>
    public IReadOnlyList<(string Relative, string Path)> Assets() => Union("assets", "*");

    private List<(string Relative, string Path)> Union(string subfolder, string pattern)
    {
        var found = new SortedDictionary<string, string>(StringComparer.Ordinal);
        foreach (var folder in Folders.Reverse())
        {
            var dir = Path.Combine(folder, subfolder);
            if (!Directory.Exists(dir)) continue;
            foreach (var file in Directory.EnumerateFiles(dir, pattern, SearchOption.AllDirectories))
            {
                var relative = Path.GetRelativePath(dir, file).Replace('\\', '/');
                if (relative.Split('/').Any(s => s.StartsWith('.'))) continue;
                found[relative] = file;
            }
        }
        return found.Select(kv => (kv.Key, kv.Value)).ToList();
    }
}
