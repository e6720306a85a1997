using System.CommandLine;
using Archive.Core.Loading;
using Archive.Site;
using Archive.Site.Indexing;
using Archive.Site.Writing;

namespace Archive.Cli.Commands;

/// <summary>What to build and where: the options <c>build</c> and <c>serve</c> share, and what they resolve to.</summary>
public sealed record BuildSettings(LoadOptions Load, BuildOptions Build, bool Strict)
{
    /// <summary>Where each build writes its timings and counts as JSON (the hidden <c>--report</c>, for <c>archive bench</c>); null: nowhere.</summary>
    public string? ReportFile { get; init; }

    /// <summary>The theme folder watched for changes; null for the built-in theme alone.</summary>
    public string? ThemeDirectory => Build.ThemeDirectory;

    /// <summary>The options, added to a command with <see cref="AddTo"/> and read back with <see cref="Resolve"/>.</summary>
    public sealed class Options
    {
        private readonly Option<string> _input = CommonOptions.Input();
        private readonly Option<string> _output = new("--output", "-o") { Description = "Folder the site is written to (replaced on success)", DefaultValueFactory = _ => "output", HelpName = "DIR" };
        private readonly Option<string?> _baseUrl = new("--base-url") { Description = "Path the site is served under, e.g. /archive/ (default: base_url in archive.yml, else /)", HelpName = "PATH" };
        private readonly Option<string?> _siteUrl = new("--site-url") { Description = "Absolute address of the site, e.g. https://me.github.io, for absolute sitemap URLs (default: url in archive.yml)", HelpName = "URL" };
        private readonly Option<string> _theme = new("--theme") { Description = "Theme folder; its files override the default theme's", DefaultValueFactory = _ => "themes/default", HelpName = "DIR" };
        private readonly Option<bool> _noSearch = new("--no-search") { Description = "Skip the Pagefind search index" };
        private readonly Option<long> _searchIndexChars = new("--search-index-chars") { Description = "Most characters of text in one search index, and in the Pagefind runs going at once; larger archives get several indexes, merged by the search page (default: 100000000, about 4 GB of memory for Pagefind)", DefaultValueFactory = _ => SearchPartitions.DefaultMaxCharacters, HelpName = "N" };
        private readonly Option<bool> _clean = new("--clean") { Description = "Ignore the build cache: parse every transcript and write every file anew" };
        private readonly Option<bool> _strict = CommonOptions.Strict();
        // For `archive bench`, which runs builds as child processes and reads their figures.
        private readonly Option<string?> _report = new("--report") { Description = "Write each build's timings and counts as JSON to FILE", Hidden = true, HelpName = "FILE" };

        public void AddTo(Command command)
        {
            foreach (var option in new Option[] { _input, _output, _baseUrl, _siteUrl, _theme, _noSearch, _searchIndexChars, _clean, _strict, _report })
                command.Options.Add(option);
        }

        /// <summary>The settings, or null after reporting a usage error.</summary>
        public BuildSettings? Resolve(ParseResult parse, ConsoleReport report)
        {
            var inputPath = parse.GetValue(_input)!;
            string? themePath = parse.GetValue(_theme)!;
            if (!Directory.Exists(inputPath))
            {
                report.Error($"the input folder '{inputPath}' does not exist (use --input DIR)");
                return null;
            }
            if (!Directory.Exists(themePath))
            {
                if (parse.GetResult(_theme) is { Implicit: false })
                {
                    report.Error($"the theme folder '{themePath}' does not exist");
                    return null;
                }
                themePath = null; // the built-in default theme alone
            }
            var site = parse.GetValue(_siteUrl);
            if (site is not null && !(Uri.TryCreate(site, UriKind.Absolute, out var u) && u.Scheme is "http" or "https"))
            {
                report.Error($"--site-url '{site}' is not an absolute http(s) address");
                return null;
            }
            if (parse.GetValue(_searchIndexChars) < 1)
            {
                report.Error("--search-index-chars must be at least 1");
                return null;
            }
            var outputPath = parse.GetValue(_output)!;
            bool clean = parse.GetValue(_clean);
            return new BuildSettings(
                new LoadOptions(inputPath)
                {
                    BaseUrl = parse.GetValue(_baseUrl),
                    SiteUrl = site,
                    CacheDirectory = SiteWriter.CacheDirectoryFor(outputPath),
                    IgnoreCache = clean,
                },
                new BuildOptions(outputPath)
                {
                    ThemeDirectory = themePath,
                    SkipSearchIndex = parse.GetValue(_noSearch),
                    Generator = SiteGenerator.NameAndVersion,
                    Clean = clean,
                    SearchPartitionCharacters = parse.GetValue(_searchIndexChars),
                },
                parse.GetValue(_strict))
            {
                ReportFile = parse.GetValue(_report),
            };
        }
    }
}
