using System.Globalization;
using System.Text;
using Archive.Tests.Support;
using Xunit.Abstractions;

namespace Archive.Tests.Site;

/// <summary>The demo archive built with its search index split into one index per month or so.</summary>
public sealed class SplitIndexSiteFixture : IDisposable
{
    private readonly TempFolder _folder = new("split-index-site");

    public SplitIndexSiteFixture()
    {
        Output = _folder.Combine("output");
        if (!ExternalTools.HasNode.Value) return;
        Build = CliRunner.Run("build", "--input", RepoPaths.DemoInput, "--output", Output, "--theme", RepoPaths.DefaultTheme,
            "--quiet", "--search-index-chars", "3000").GetAwaiter().GetResult();
    }

    public string Output { get; }
    public CliRunner.Result? Build { get; }

    public void Dispose() => _folder.Dispose();
}

/// <summary>
/// What keeps search affordable as an archive grows: several indexes merged by the search page,
/// and long transcripts that do not make a query heavy.
/// </summary>
public class SearchScaleTests(SplitIndexSiteFixture split, ITestOutputHelper log) : IClassFixture<SplitIndexSiteFixture>
{
    [RequiresNodeFact]
    public void Indexes_split_by_time_are_merged_into_the_same_results()
    {
        Assert.Equal(0, split.Build!.ExitCode);
        var bundles = Directory.GetDirectories(Path.Combine(split.Output, "pagefind", "parts"));
        Assert.True(bundles.Length >= 3, "the demo should be split into several indexes");
        // Merged bundles hold their index alone: Pagefind's scripts and WebAssembly come from the primary one.
        foreach (var bundle in bundles)
        {
            var entries = Directory.EnumerateFileSystemEntries(bundle).Select(e => Path.GetFileName(e)!).Order(StringComparer.Ordinal).ToList();
            Assert.Equal(["filter", "fragment", "index", "pagefind-entry.json"], entries.Where(n => !n.EndsWith(".pf_meta", StringComparison.Ordinal)));
            Assert.Single(entries, n => n.EndsWith(".pf_meta", StringComparison.Ordinal));
        }

        var all = PagefindQuery.Run(split.Output, "the", counts: true);
        Assert.Equal(Directory.GetDirectories(Path.Combine(split.Output, "episodes")).Length, all.Count);
        // Every index tags its results, so the page can list them index by index in date order.
        Assert.Equal(bundles.Length + 1, all.Filters["archive-index"].Count);
        Assert.Equal(all.Count, all.Filters["archive-index"].Values.Sum());

        var parquet = PagefindQuery.Search(split.Output, "parquet");
        Assert.Equal(["/episodes/streams-batches-and-the-space-between/", "/episodes/why-your-data-pipeline-needs-a-schema/"],
            parquet.Select(h => h.Url.Split('?')[0]).Order(StringComparer.Ordinal));
        Assert.Contains(parquet.SelectMany(h => h.SubResults), s => s.Url.EndsWith("#t-00-03-30", StringComparison.Ordinal));
    }

    [RequiresNodeFact]
    public async Task A_new_episode_reindexes_only_the_index_of_its_time()
    {
        using var temp = new TempFolder("search-rebuild");
        Directory.CreateDirectory(temp.Combine("input"));
        foreach (var file in Directory.EnumerateFiles(RepoPaths.DemoInput)) File.Copy(file, temp.Combine("input", Path.GetFileName(file)));
        string[] Build(params string[] extra) => ["build", "--input", temp.Combine("input"), "--theme", RepoPaths.DefaultTheme, "--search-index-chars", "6000", .. extra];
        Assert.Equal(0, (await CliRunner.Run(Build("--output", temp.Combine("out")))).ExitCode);
        var parts = Path.Combine(temp.Combine("out"), "pagefind", "parts");
        Dictionary<string, DateTime> Times(string folder) => Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f), File.GetLastWriteTimeUtc);
        var before = Times(parts);
        var primaryEntry = File.ReadAllText(temp.Combine("out", "pagefind", "pagefind-entry.json"));
        Thread.Sleep(1100); // so that a file written again would have a later time

        temp.Write("input/zz-newest.md", "---\ntitle: Queues Are Promises Too\nshow: Signal & Noise\ndate: 2025-12-01\nspeakers: [Maya Okafor]\n---\n\n" +
            "**[00:00:00] Maya Okafor:** A queue is a promise that someone will read your message, eventually; backpressure keeps it honest.\n");
        var rebuild = await CliRunner.Run(Build("--output", temp.Combine("out")));
        Assert.Equal(0, rebuild.ExitCode);
        Assert.Contains("Search: 1 of ", rebuild.Output + rebuild.Error);
        // The older indexes were kept, file for file, with their times; the newest one changed.
        Assert.Equal(before, Times(parts));
        Assert.NotEqual(primaryEntry, File.ReadAllText(temp.Combine("out", "pagefind", "pagefind-entry.json")));
        Assert.Single(PagefindQuery.Search(temp.Combine("out"), "backpressure"), h => h.Url.StartsWith("/episodes/queues-are-promises-too/", StringComparison.Ordinal));

        // And the site is the one a clean build makes.
        Assert.Equal(0, (await CliRunner.Run(Build("--output", temp.Combine("clean"), "--clean"))).ExitCode);
        var incremental = Directory.EnumerateFiles(temp.Combine("out"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(temp.Combine("out"), f)).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(incremental, Directory.EnumerateFiles(temp.Combine("clean"), "*", SearchOption.AllDirectories).Select(f => Path.GetRelativePath(temp.Combine("clean"), f)).Order(StringComparer.Ordinal));
        foreach (var file in incremental)
            Assert.True(File.ReadAllBytes(temp.Combine("out", file)).AsSpan().SequenceEqual(File.ReadAllBytes(temp.Combine("clean", file))), file + " differs from a clean build's");
    }

    [RequiresNodeFact]
    public void A_three_hour_episode_does_not_make_a_search_heavy()
    {
        using var temp = new TempFolder("long-episode");
        temp.Write("input/long.md", LongEpisode(TimeSpan.FromHours(3)));
        var build = CliRunner.Run("build", "--input", temp.Combine("input"), "--output", temp.Combine("out"), "--quiet").GetAwaiter().GetResult();
        Assert.True(build.ExitCode == 0, build.Error);
        var transcript = new FileInfo(temp.Combine("out", "episodes", "three-hours-of-talk", "three-hours-of-talk.txt")).Length;
        Assert.True(transcript > 150_000, $"the episode should hold about three hours of text, not {transcript} bytes");

        var found = PagefindQuery.Run(temp.Combine("out"), "lantern", details: 1);
        var hit = Assert.Single(found.Hits);
        Assert.True(hit.SubResults.Count > 20, "the word is said all through the episode");
        var fragment = found.Fetched.Single(f => f.Url.Contains("/fragment/", StringComparison.Ordinal));
        log.WriteLine($"transcript {transcript} bytes; query fetched {found.TotalBytes} bytes: {string.Join(", ", found.Fetched.Select(f => f.Url + " " + f.Bytes))}");
        // The episode's details arrive compressed, about a third of its text, not megabytes.
        Assert.True(fragment.Bytes < transcript / 2, $"fragment {fragment.Bytes} bytes for {transcript} bytes of text");
        Assert.True(found.TotalBytes < 400_000, $"the query fetched {found.TotalBytes} bytes: {string.Join(", ", found.Fetched.Select(f => f.Url + " " + f.Bytes))}");
    }

    /// <summary>
    /// A canonical transcript of made-up speech: words drawn from a large generated vocabulary with
    /// the skew of real speech (so it compresses like speech does), one paragraph every 20 seconds.
    /// </summary>
    private static string LongEpisode(TimeSpan length)
    {
        var rng = new Random(7);
        string[] syllables = ["ka", "lo", "mi", "ren", "tas", "vel", "dor", "pi", "nu", "sha", "gri", "bel", "fo", "zun", "tri", "om"];
        var vocabulary = Enumerable.Range(0, 6000).Select(_ => string.Concat(Enumerable.Range(0, 1 + rng.Next(3)).Select(_ => syllables[rng.Next(syllables.Length)]))).ToArray();
        string[] common = ["the", "and", "we", "it", "that", "so", "you", "of", "a", "is", "to", "in"];
        var sb = new StringBuilder("---\ntitle: Three Hours of Talk\nshow: Long Form\ndate: 2024-02-03\nspeakers: [Ada Quill, Ben Orrin]\n---\n\n");
        for (var t = TimeSpan.Zero; t < length; t += TimeSpan.FromSeconds(20))
        {
            sb.Append("**[").Append(t.ToString(@"hh\:mm\:ss", CultureInfo.InvariantCulture)).Append("] ").Append(t.TotalSeconds % 40 == 0 ? "Ada Quill" : "Ben Orrin").Append(":** ");
            for (int w = 0; w < 58; w++)
            {
                var word = rng.Next(100) < 45 ? common[rng.Next(common.Length)] : vocabulary[(int)(vocabulary.Length * Math.Pow(rng.NextDouble(), 3))];
                sb.Append(w == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word).Append(w == 57 ? ". " : " ");
            }
            if (t.TotalMinutes % 5 == 0) sb.Append("The lantern again.");
            sb.Append("\n\n");
        }
        return sb.ToString();
    }
}
