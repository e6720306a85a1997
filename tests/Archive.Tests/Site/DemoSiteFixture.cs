using Archive.Tests.Support;

namespace Archive.Tests.Site;

/// <summary>The demo archive in input/ built once, with its search index where Node is present.</summary>
public sealed class DemoSiteFixture : IDisposable
{
    private readonly TempFolder _folder = new("demo-site");

    public DemoSiteFixture()
    {
        Output = _folder.Combine("output");
        var args = new List<string> { "build", "--input", RepoPaths.DemoInput, "--output", Output, "--theme", RepoPaths.DefaultTheme, "--quiet" };
        if (!ExternalTools.HasNode.Value) args.Add("--no-search");
        Build = CliRunner.Run([.. args]).GetAwaiter().GetResult();
    }

    public string Output { get; }
    public CliRunner.Result Build { get; }

    public string Page(string relative) => File.ReadAllText(Path.Combine(Output, relative));

    public IEnumerable<string> EpisodePages() =>
        Directory.EnumerateDirectories(Path.Combine(Output, "episodes")).Order(StringComparer.Ordinal)
            .Select(d => Path.Combine(d, "index.html"));

    public void Dispose() => _folder.Dispose();
}
