using Archive.Core.Loading;
using Archive.Cli.Benchmarking;
using Archive.Site;
using Archive.Site.Indexing;
using Archive.Site.Rendering;
using Archive.Site.Writing;
using Archive.Tests.Support;

namespace Archive.Tests.Site;

/// <summary>
/// A rebuild parses only changed transcripts, rewrites only changed files, deletes what is gone,
/// and gives exactly what a clean build gives; a failed or interrupted build changes nothing.
/// </summary>
public class IncrementalBuildTests
{
    private static readonly DateTime LongAgo = new(2001, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private static string EpisodeText(string title, string show, string date, string topic, string speaker, string words) => $"""
        ---
        title: "{title}"
        show: {show}
        date: {date}
        speakers: [{speaker}, Rae Host]
        topics: [{topic}, shared topic]
        ---

        ## Opening

        **[00:00:01] Rae Host:** Welcome. Today we talk about {topic}.

        **[00:00:09] {speaker}:** {words}

        ## Closing

        **[00:03:00] Rae Host:** Thanks for listening to {show}.
        """;

    private static void WriteArchive(TempFolder temp)
    {
        temp.Write("input/archive.yml", "title: Rebuild Test\n");
        temp.Write("input/alpha/one.md", EpisodeText("Kites and Wind", "Alpha Hour", "2024-01-01", "kites", "Ann Lee", "Kites need steady wind."));
        temp.Write("input/alpha/two.md", EpisodeText("Tides Explained", "Alpha Hour", "2024-01-08", "tides", "Bo Park", "The moon pulls the sea."));
        temp.Write("input/alpha/three.md", EpisodeText("Bread at Home", "Alpha Hour", "2024-01-15", "bread", "Cy Ortiz", "Flour, water, salt, time."));
        temp.Write("input/beta/four.md", EpisodeText("Night Trains", "Beta Talks", "2024-02-01", "trains", "Di Moss", "Sleeper cars are back."));
        temp.Write("input/beta/five.md", EpisodeText("Moss Gardens", "Beta Talks", "2024-02-08", "gardens", "Ed Yoon", "Moss likes shade."));
        // Times that run backwards: a warning that must be reported on cached builds too.
        temp.Write("input/beta/six.md", """
            ---
            title: Clock Trouble
            show: Beta Talks
            date: 2024-02-15
            ---

            **[00:05:00] Fay Ng:** First words.

            **[00:01:00] Fay Ng:** Earlier than the first.
            """);
    }

    private static (LoadedArchive Archive, BuildResult Result) Build(string input, string output, bool clean = false, CancellationToken cancellation = default,
        IStageProgress? progress = null, bool search = false, long searchPartitionCharacters = SearchPartitions.DefaultMaxCharacters,
        long searchSplitCharacters = SearchPartitions.DefaultSplitAbove, ListLimits? lists = null)
    {
        var archive = ArchiveLoader.Load(new LoadOptions(input)
        {
            CacheDirectory = SiteWriter.CacheDirectoryFor(output),
            IgnoreCache = clean,
        }, cancellation: cancellation);
        var result = SiteBuilder.Build(archive, new BuildOptions(output)
        {
            ThemeDirectory = RepoPaths.DefaultTheme,
            SkipSearchIndex = !search,
            SearchPartitionCharacters = searchPartitionCharacters,
            SearchSplitCharacters = searchSplitCharacters,
            Clean = clean,
            Lists = lists ?? ListLimits.Default,
        }, progress, cancellation: cancellation);
        return (archive, result);
    }

    private static Dictionary<string, byte[]> Snapshot(string folder) =>
        Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories)
            .ToDictionary(f => Path.GetRelativePath(folder, f).Replace('\\', '/'), File.ReadAllBytes, StringComparer.Ordinal);

    private static void AgeEveryFile(string folder)
    {
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
            File.SetLastWriteTimeUtc(file, LongAgo);
    }

    /// <summary>Builds the same input clean into <paramref name="clean"/>, with the same search settings, and asserts <paramref name="output"/> holds exactly its files.</summary>
    private static void AssertSameAsCleanBuild(string input, string output, string clean, bool search = false, long searchSplitCharacters = SearchPartitions.DefaultSplitAbove)
    {
        Build(input, clean, clean: true, search: search, searchSplitCharacters: searchSplitCharacters);
        AssertSameTree(Snapshot(clean), Snapshot(output));
    }

    private static void AssertSameTree(Dictionary<string, byte[]> expected, Dictionary<string, byte[]> actual)
    {
        Assert.Equal(expected.Keys.Order(StringComparer.Ordinal), actual.Keys.Order(StringComparer.Ordinal));
        foreach (var (path, bytes) in expected)
            Assert.True(bytes.AsSpan().SequenceEqual(actual[path]), $"{path} differs from the clean build");
    }

    [Fact]
    public void Rebuild_after_adding_changing_and_removing_episodes_equals_a_clean_build_and_rewrites_only_changed_files()
    {
        using var temp = new TempFolder("incremental");
        WriteArchive(temp);
        var input = temp.Combine("input");
        var output = temp.Combine("site");

        var (first, _) = Build(input, output);
        Assert.Equal(0, first.CachedFiles);
        Assert.Contains(first.Diagnostics, d => d.Path.EndsWith("six.md", StringComparison.Ordinal));
        var before = Snapshot(output);
        AgeEveryFile(output);

        // Add one episode, change one, remove one.
        temp.Write("input/alpha/seven.md", EpisodeText("Kites Again", "Alpha Hour", "2024-01-22", "kites", "Gil Ruiz", "Stunt kites have two lines."));
        temp.Write("input/alpha/two.md", EpisodeText("Tides Explained", "Alpha Hour", "2024-01-08", "tides", "Bo Park", "The moon and the sun pull the sea."));
        File.Delete(temp.Combine("input", "beta", "five.md"));

        var (second, result) = Build(input, output);
        Assert.Equal(4, second.CachedFiles); // one, three, four, six: not parsed again
        Assert.Equal(first.Diagnostics.Select(d => d.ToString()), second.Diagnostics.Select(d => d.ToString()));
        var after = Snapshot(output);

        var (_, cleanResult) = Build(input, temp.Combine("clean"), clean: true);
        AssertSameTree(Snapshot(temp.Combine("clean")), after);
        Assert.Equal(cleanResult.Written, cleanResult.Files);
        Assert.Equal(0, cleanResult.Unchanged);

        // Exactly the files whose bytes changed were written; the others kept their time.
        var changed = after.Keys.Where(p => !before.TryGetValue(p, out var old) || !old.AsSpan().SequenceEqual(after[p])).ToList();
        Assert.Contains("episodes/kites-again/index.html", changed);
        Assert.Contains("topics/kites/index.html", changed);
        // Pages may change with their neighbours and related episodes; an unchanged episode's
        // downloads and the theme's assets do not.
        Assert.Contains(after.Keys, p => p.StartsWith("episodes/bread-at-home/", StringComparison.Ordinal) && !p.EndsWith(".html", StringComparison.Ordinal) && !changed.Contains(p));
        Assert.DoesNotContain("assets/style.css", changed);
        Assert.DoesNotContain("episodes/night-trains/night-trains.txt", changed);
        foreach (var path in after.Keys)
        {
            var time = File.GetLastWriteTimeUtc(Path.Combine(output, path));
            if (changed.Contains(path)) Assert.True(time > LongAgo, $"{path} changed but was not written");
            else Assert.True(time == LongAgo, $"{path} did not change but was written again");
        }
        Assert.Equal(changed.Count, result.Written);
        Assert.Equal(after.Count - changed.Count, result.Unchanged);

        // The removed episode's pages are gone, and so is its topic.
        Assert.False(Directory.Exists(Path.Combine(output, "episodes", "moss-gardens")));
        Assert.False(Directory.Exists(Path.Combine(output, "topics", "gardens")));
        Assert.Equal(before.Keys.Count(p => !after.ContainsKey(p)), result.Removed);
        Assert.True(result.Removed >= 2);
    }

    [Fact]
    public void A_new_episode_rewrites_the_archive_page_and_its_year_page_not_the_other_years()
    {
        using var temp = new TempFolder("incremental-years");
        WriteArchive(temp);
        temp.Write("input/alpha/old.md", EpisodeText("Kites in 2022", "Alpha Hour", "2022-05-01", "kites", "Ann Lee", "Old kites were paper."));
        temp.Write("input/alpha/older.md", EpisodeText("Kites in 2021", "Alpha Hour", "2021-05-01", "kites", "Ann Lee", "Older kites were silk."));
        var input = temp.Combine("input");
        var output = temp.Combine("site");
        var lists = new ListLimits(ArchiveOnOnePage: 4, ArchiveNewest: 2);
        Build(input, output, lists: lists);
        var before = Snapshot(output);
        Assert.Contains("archive/2021/index.html", before.Keys);
        AgeEveryFile(output);

        temp.Write("input/beta/seven.md", EpisodeText("Night Buses", "Beta Talks", "2024-02-22", "buses", "Gil Ruiz", "The last bus leaves at one."));
        Build(input, output, lists: lists);
        Build(input, temp.Combine("clean"), clean: true, lists: lists);
        var after = Snapshot(output);
        AssertSameTree(Snapshot(temp.Combine("clean")), after);
        var written = after.Keys.Where(p => p.StartsWith("archive/", StringComparison.Ordinal) && File.GetLastWriteTimeUtc(Path.Combine(output, p)) > LongAgo).Order(StringComparer.Ordinal);
        Assert.Equal(["archive/2024/index.html", "archive/index.html"], written);
        Assert.Contains("/episodes/night-buses/", Text(after["archive/2024/index.html"]));
    }

    [Fact]
    public void An_unchanged_transcript_gets_the_links_and_names_that_other_files_give_it()
    {
        using var temp = new TempFolder("incremental-links");
        WriteArchive(temp);
        // It carries "kites" too: a topic named by an everyday word links only where it is carried.
        temp.Write("input/alpha/three.md", EpisodeText("Bread at Home", "Alpha Hour", "2024-01-15", "bread, kites", "Cy Ortiz", "Flour, water, salt, and kites for the kids."));
        var input = temp.Combine("input");
        var output = temp.Combine("site");
        Build(input, output);
        const string page = "episodes/bread-at-home/index.html";
        Assert.Contains("href=\"/topics/kites/\"", Text(Snapshot(output)[page]));

        // Its file stays as it is, but archive.yml renames the topic it mentions, then its guest.
        temp.Write("input/archive.yml", "title: Rebuild Test\ntopics:\n  merge:\n    kite flying: [kites]\n");
        AssertRebuildIsClean("href=\"/topics/kite-flying/\"");
        temp.Write("input/archive.yml", "title: Rebuild Test\nspeakers:\n  Chef Cy: [Cy Ortiz]\ntopics:\n  merge:\n    kite flying: [kites]\n");
        AssertRebuildIsClean("Chef Cy");

        void AssertRebuildIsClean(string expected)
        {
            var (rebuilt, _) = Build(input, output);
            Assert.Equal(6, rebuilt.CachedFiles);
            var cleanOutput = temp.Combine("clean");
            Build(input, cleanOutput, clean: true);
            var clean = Snapshot(cleanOutput);
            AssertSameTree(clean, Snapshot(output));
            Assert.Contains(expected, Text(clean[page]));
        }
    }

    private static string Text(byte[] bytes) => System.Text.Encoding.UTF8.GetString(bytes);

    [Fact]
    public void A_name_merged_into_a_topic_gives_its_page_a_moment_in_an_episode_whose_file_did_not_change()
    {
        using var temp = new TempFolder("incremental-moments");
        WriteArchive(temp);
        temp.Write("input/alpha/one.md", """
            ---
            title: Kites and Wind
            show: Alpha Hour
            date: 2024-01-01
            speakers: [Ann Lee, Rae Host]
            topics: [kites]
            ---

            ## Opening

            **[00:00:01] Rae Host:** Welcome. Today we talk about kites.

            ## Workshop

            **[00:02:00] Ann Lee:** My grandfather built paper dragons from bamboo and rice paper.
            """);
        var input = temp.Combine("input");
        var output = temp.Combine("site");
        Build(input, output);
        const string page = "topics/kites/index.html";
        Assert.DoesNotContain("Workshop", Text(Snapshot(output)[page]));

        // The topic keeps its episodes; only where it comes up in one of them changes.
        temp.Write("input/archive.yml", "title: Rebuild Test\ntopics:\n  merge:\n    kites: [paper dragons]\n");
        var (rebuilt, _) = Build(input, output);
        Assert.Equal(rebuilt.Files.Count, rebuilt.CachedFiles);
        Assert.Contains("Workshop", Text(Snapshot(output)[page]));
        AssertSameAsCleanBuild(input, output, temp.Combine("clean"));
    }

    [RequiresNodeFact]
    public void With_the_search_index_a_rebuild_equals_a_clean_build_and_keeps_unchanged_index_files()
    {
        using var temp = new TempFolder("incremental");
        WriteArchive(temp);
        var input = temp.Combine("input");
        var output = temp.Combine("site");
        Build(input, output, search: true);
        AgeEveryFile(output);
        temp.Write("input/alpha/seven.md", EpisodeText("Kites Again", "Alpha Hour", "2024-01-22", "kites", "Gil Ruiz", "Stunt kites have two lines."));

        var (_, result) = Build(input, output, search: true);
        Build(input, temp.Combine("clean"), clean: true, search: true);
        var after = Snapshot(output);
        AssertSameTree(Snapshot(temp.Combine("clean")), after);
        Assert.Contains(after.Keys, p => p.StartsWith("pagefind/", StringComparison.Ordinal));
        // Pagefind rewrote its index; the parts that came out the same kept their time.
        var keptIndexFiles = after.Keys.Where(p => p.StartsWith("pagefind/", StringComparison.Ordinal)
            && File.GetLastWriteTimeUtc(Path.Combine(output, p)) == LongAgo).ToList();
        Assert.NotEmpty(keptIndexFiles);
        Assert.True(result.Unchanged > result.Written);

        // A third build starts from the first site, whose index files are stale: the new index
        // moves in over them, and what the new one lacks is gone.
        File.Delete(temp.Combine("input", "beta", "four.md"));
        Build(input, output, search: true);
        AssertSameAsCleanBuild(input, output, temp.Combine("clean-3"), search: true);
    }

    /// <summary>Far less than <see cref="BuildThreeIndexes"/>' archive (125,000 characters): the newest month (26,000) and two halves before it.</summary>
    private const long ThreeIndexesSplit = 40_000;

    /// <summary>Writes and builds, with search, a synthetic archive of 24 short episodes that has three indexes: the newest month and two halves.</summary>
    private static (string Input, string Output, SyntheticArchive Corpus, LoadedArchive Archive) BuildThreeIndexes(TempFolder temp)
    {
        var input = temp.Combine("input");
        var output = temp.Combine("site");
        var corpus = WriteSynthetic(input, 24, seed: 5);
        var (archive, first) = Build(input, output, search: true, searchSplitCharacters: ThreeIndexesSplit);
        var plan = string.Join(", ", SearchPartitions.Plan(archive, SearchPartitions.DefaultMaxCharacters, ThreeIndexesSplit).Select(p => $"{p.Name} ({p.Characters})"));
        Assert.True(first.Search == new SearchIndexer.Outcome(3, 0), $"expected three indexes, got {first.Search}: {plan}");
        return (input, output, corpus, archive);
    }

    [RequiresNodeFact]
    public void With_only_the_cache_and_the_search_index_restored_as_the_pages_workflow_does_a_new_episode_reindexes_its_month_alone()
    {
        using var temp = new TempFolder("search-restored-index");
        var (input, output, corpus, before) = BuildThreeIndexes(temp);

        // A fresh runner: the workflow restores the cache folder but its spare tree, output/pagefind
        // and the output's marker (actions/cache keeps files' times to the nanosecond), and nothing
        // else of the last site.
        var spare = Path.Combine(SiteWriter.CacheDirectoryFor(output), SiteWriter.SpareFolder);
        Assert.False(Directory.Exists(spare)); // one build replaced no site: none to leave out here
        foreach (var entry in Directory.EnumerateFileSystemEntries(output).Where(e => Path.GetFileName(e) is not ("pagefind" or SiteWriter.MarkerFile)))
            if (Directory.Exists(entry)) Directory.Delete(entry, recursive: true); else File.Delete(entry);
        AddNewest(input, corpus, 24, before, daysAfter: 0);
        var (_, rebuild) = Build(input, output, search: true, searchSplitCharacters: ThreeIndexesSplit);
        Assert.Equal(new SearchIndexer.Outcome(1, 2), rebuild.Search);
        // Why the workflow leaves the spare tree out: on a runner it is what was restored, the search index again.
        Assert.Equal([SiteWriter.MarkerFile, "pagefind"], Directory.EnumerateFileSystemEntries(spare).Select(e => Path.GetFileName(e)!).Order(StringComparer.Ordinal));
        AssertSameAsCleanBuild(input, output, temp.Combine("clean"), search: true, searchSplitCharacters: ThreeIndexesSplit);
    }

    [RequiresNodeFact]
    public void A_search_index_whose_records_filters_changed_with_archive_yml_is_built_again()
    {
        using var temp = new TempFolder("incremental-search-settings");
        WriteArchive(temp);
        var input = temp.Combine("input");
        var output = temp.Combine("site");
        var (_, first) = Build(input, output, search: true);
        Assert.Equal(new SearchIndexer.Outcome(1, 0), first.Search);
        var (_, same) = Build(input, output, search: true);
        Assert.Equal(new SearchIndexer.Outcome(0, 1), same.Search);

        // No transcript changed, but "Night Trains" now has the topic "sleeper cars" (it says it):
        // its record's topic filter does, so the index is made again.
        temp.Write("input/archive.yml", "title: Rebuild Test\ntopics:\n  add: [sleeper cars]\n");
        var (_, rebuild) = Build(input, output, search: true);
        Assert.Equal(new SearchIndexer.Outcome(1, 0), rebuild.Search);
        Assert.Equal(1, PagefindQuery.Run(output, null, filters: new Dictionary<string, string> { ["topic"] = "sleeper cars" }).Count);
        AssertSameAsCleanBuild(input, output, temp.Combine("clean"), search: true);
    }

    /// <summary>A synthetic archive of short episodes (4–8 minutes) spread over several years.</summary>
    private static SyntheticArchive WriteSynthetic(string input, int episodes, int seed)
    {
        var corpus = new SyntheticArchive(new SyntheticArchive.Options(episodes, Seed: seed, MinMinutes: 4, MaxMinutes: 8));
        corpus.WriteAll(input);
        return corpus;
    }

    /// <summary>Writes the corpus's episode <paramref name="number"/> dated after every episode of <paramref name="archive"/>.</summary>
    private static void AddNewest(string input, SyntheticArchive corpus, int number, LoadedArchive archive, int daysAfter = 3)
    {
        var newest = archive.Episodes.Max(e => e.Episode.Date!.Value).AddDays(daysAfter);
        var (relative, text) = corpus.Episode(number);
        File.WriteAllText(Path.Combine(input, relative), System.Text.RegularExpressions.Regex.Replace(text, @"(?m)^date: .*$",
            "date: " + newest.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture)));
    }

    [RequiresNodeFact]
    public void A_newest_episode_that_shifts_older_episodes_found_topics_reindexes_only_the_newest_search_index()
    {
        using var temp = new TempFolder("search-partitions-rebuild");
        var input = temp.Combine("input");
        var output = temp.Combine("site");
        // Seed 13 gives a newest episode that changes older episodes' topics (most do not).
        var corpus = WriteSynthetic(input, 40, seed: 13);
        const long budget = 60_000; // about a year per index: several indexes
        var (before, first) = Build(input, output, search: true, searchPartitionCharacters: budget);
        Assert.True(first.Search!.Indexed >= 3, $"the archive should have several search indexes, not {first.Search.Indexed}");
        Assert.Equal(0, first.Search.Kept);

        AddNewest(input, corpus, 40, before);
        var (after, rebuild) = Build(input, output, search: true, searchPartitionCharacters: budget);

        // The new episode changes the topics found in older episodes' text (a phrase it says
        // becomes a topic or stops being one), across the years...
        var topicsBefore = before.Episodes.ToDictionary(e => e.Slug, e => string.Join("|", e.Topics));
        var shifted = Enumerable.Range(0, after.Episodes.Count)
            .Where(i => topicsBefore.TryGetValue(after.Episodes[i].Slug, out var old) && old != string.Join("|", after.Episodes[i].Topics)).ToList();
        Assert.NotEmpty(shifted.Except(SearchPartitions.Plan(after, budget)[0].Episodes));
        // ...but the search records hold only what the episode itself says, so one index is built again: the newest.
        Assert.Equal(first.Search.Indexed + first.Search.Kept, rebuild.Search!.Indexed + rebuild.Search.Kept);
        Assert.Equal(1, rebuild.Search.Indexed);

        var (_, clean) = Build(input, temp.Combine("clean"), clean: true, search: true, searchPartitionCharacters: budget);
        Assert.Equal(rebuild.Search.Indexed + rebuild.Search.Kept, clean.Search!.Indexed);
        AssertSameTree(Snapshot(temp.Combine("clean")), Snapshot(output));
    }

    [RequiresNodeFact]
    public void A_search_index_with_a_file_touched_since_is_built_again_whole_and_counted_once()
    {
        using var temp = new TempFolder("search-touched-rebuild");
        var input = temp.Combine("input");
        var output = temp.Combine("site");
        WriteSynthetic(input, 12, seed: 6);
        var (_, first) = Build(input, output, search: true);
        Assert.Equal(new SearchIndexer.Outcome(1, 0), first.Search);

        // The last of the index's files in path order: every other file of it could be kept.
        var touched = Directory.EnumerateFiles(Path.Combine(output, "pagefind"), "*", SearchOption.AllDirectories)
            .Order(StringComparer.Ordinal).Last();
        File.SetLastWriteTimeUtc(touched, LongAgo);
        var (_, rebuild) = Build(input, output, search: true);

        Assert.Equal(new SearchIndexer.Outcome(1, 0), rebuild.Search);
        // Files kept before the touched one was found are not counted as kept and written both.
        Assert.Equal(Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories).Count(), rebuild.Files);
        Assert.Equal(first.Files, rebuild.Files);
        AssertSameAsCleanBuild(input, output, temp.Combine("clean"), search: true);
    }

    [RequiresNodeFact]
    public void An_archive_indexed_in_halves_and_its_newest_month_rebuilds_that_month_alone_and_the_halves_when_a_month_begins()
    {
        using var temp = new TempFolder("search-halves-rebuild");
        var (input, output, corpus, before) = BuildThreeIndexes(temp);
        Assert.Equal(2, Directory.GetDirectories(Path.Combine(output, "pagefind", "parts")).Length);
        // Every episode is found once, through one of the indexes.
        Assert.Equal(before.Episodes.Count, PagefindQuery.Run(output, "the", counts: true).Count);

        // An episode on the newest day: the newest month's index alone is built again.
        AddNewest(input, corpus, 24, before, daysAfter: 0);
        var (same, rebuild) = Build(input, output, search: true, searchSplitCharacters: ThreeIndexesSplit);
        Assert.Equal(new SearchIndexer.Outcome(1, 2), rebuild.Search);
        AssertSameAsCleanBuild(input, output, temp.Combine("clean"), search: true, searchSplitCharacters: ThreeIndexesSplit);

        // The first episode of the next month: its index is new, and the month before joins the halves.
        var newest = same.Episodes.Max(e => e.Episode.Date!.Value);
        AddNewest(input, corpus, 25, same, daysAfter: DateTime.DaysInMonth(newest.Year, newest.Month) - newest.Day + 1);
        var (next, monthly) = Build(input, output, search: true, searchSplitCharacters: ThreeIndexesSplit);
        Assert.Equal(3, monthly.Search!.Indexed + monthly.Search.Kept);
        Assert.InRange(monthly.Search.Indexed, 2, 3);
        Assert.Equal(next.Episodes.Count, PagefindQuery.Run(output, "the", counts: true).Count);
        AssertSameAsCleanBuild(input, output, temp.Combine("clean2"), search: true, searchSplitCharacters: ThreeIndexesSplit);
    }

    [Fact]
    public void A_kept_download_edited_in_the_output_is_made_again()
    {
        using var temp = new TempFolder("incremental");
        WriteArchive(temp);
        var output = temp.Combine("site");
        Build(temp.Combine("input"), output);
        var download = Directory.EnumerateFiles(Path.Combine(output, "episodes", "night-trains"), "*.txt").Single();
        var original = File.ReadAllBytes(download);
        File.AppendAllText(download, "tampered");

        Build(temp.Combine("input"), output);
        Assert.Equal(original, File.ReadAllBytes(download));
    }

    [Fact]
    public void Nothing_changed_means_nothing_written()
    {
        using var temp = new TempFolder("incremental");
        WriteArchive(temp);
        var output = temp.Combine("site");
        Build(temp.Combine("input"), output);
        var (archive, result) = Build(temp.Combine("input"), output);
        Assert.Equal(archive.Files.Count, archive.CachedFiles);
        Assert.Equal(0, result.Written);
        Assert.Equal(0, result.Removed);
        // Every page and download was kept by its fingerprint, without being rendered.
        var downloads = Directory.EnumerateFiles(Path.Combine(output, "episodes"), "*", SearchOption.AllDirectories).Count(f => !f.EndsWith(".html", StringComparison.Ordinal));
        Assert.True(downloads > 0);
        Assert.Equal(result.Pages + downloads, result.NotRemade);
    }

    [Fact]
    public void Editing_a_sidecar_reads_its_transcript_again()
    {
        using var temp = new TempFolder("incremental");
        WriteArchive(temp);
        temp.Write("input/alpha/one.yml", "title: Kites and Wind\n");
        var output = temp.Combine("site");
        Build(temp.Combine("input"), output);
        temp.Write("input/alpha/one.yml", "title: Kites and More Wind\n");
        var (archive, _) = Build(temp.Combine("input"), output);
        Assert.Equal(archive.Files.Count - 1, archive.CachedFiles);
    }

    [Fact]
    public void A_build_cancelled_while_rendering_and_writing_leaves_the_previous_site_untouched()
    {
        using var temp = new TempFolder("incremental");
        WriteArchive(temp);
        var output = temp.Combine("site");
        Build(temp.Combine("input"), output);
        AgeEveryFile(output);
        var before = Snapshot(output);

        temp.Write("input/alpha/seven.md", EpisodeText("Kites Again", "Alpha Hour", "2024-01-22", "kites", "Gil Ruiz", "Two lines."));
        File.Delete(temp.Combine("input", "alpha", "one.md"));
        using var cancel = new CancellationTokenSource();
        var progress = new CancelAfter("render", 3, cancel);
        Assert.ThrowsAny<OperationCanceledException>(() => Build(temp.Combine("input"), output, cancellation: cancel.Token, progress: progress));
        Assert.True(progress.Count >= 3);

        AssertSameTree(before, Snapshot(output));
        Assert.All(Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories), f => Assert.Equal(LongAgo, File.GetLastWriteTimeUtc(f)));
        // No staging or set-aside folder is left behind.
        Assert.Equal(["input", "site"],
            Directory.EnumerateFileSystemEntries(temp.Path).Select(p => Path.GetFileName(p)!).Where(n => n != ".archive-cache").Order(StringComparer.Ordinal));

        // The next build finishes the job.
        Build(temp.Combine("input"), output);
        Assert.True(File.Exists(Path.Combine(output, "episodes", "kites-again", "index.html")));
        Assert.False(Directory.Exists(Path.Combine(output, "episodes", "kites-and-wind")));
    }

    [Fact]
    public void A_rebuild_of_an_archive_with_a_duplicate_keeps_both_listings_digests_and_equals_a_clean_build()
    {
        using var temp = new TempFolder("incremental-duplicate");
        WriteArchive(temp);
        const string pond = "Every pond we visited this spring had newts under the lily pads, dragonfly larvae in the mud, " +
            "and a heron that came back at dusk. We counted frogspawn in April, measured the water after the storms, " +
            "and asked the warden why the reeds grow thicker on the northern bank than anywhere else in the valley.";
        temp.Write("input/beta/seven.md", EpisodeText("Pond Life", "Beta Talks", "2024-02-22", "ponds", "Gil Roe", pond));
        temp.Write("input/beta/seven-again.md", EpisodeText("Pond Life (re-upload)", "Beta Talks", "2024-02-22", "ponds", "Gil Roe", pond + " Thanks to the warden for the boat."));
        var input = temp.Combine("input");
        var output = temp.Combine("site");
        string[] Digests() => [.. Directory.EnumerateFiles(SiteWriter.CacheDirectoryFor(output), "*" + EpisodeDigestCache.Extension, SearchOption.AllDirectories)];

        var (first, _) = Build(input, output);
        Assert.Single(first.Diagnostics, d => d.Message.Contains("list the same episode", StringComparison.Ordinal));
        Assert.Single(first.Episodes, e => e.Episode.Title.StartsWith("Pond Life", StringComparison.Ordinal));
        // A digest per listing: the dropped one's too, or every rebuild makes its fingerprint again.
        var digests = Digests();
        Assert.Equal(first.Episodes.Count + 1, digests.Length);

        // A new episode makes enrich run again: it asks for every digest (the pruning keeps those it asked for) and adds one.
        temp.Write("input/alpha/eight.md", EpisodeText("Lighthouses", "Alpha Hour", "2024-01-22", "lighthouses", "Hal Ives", "The lamp turns all night."));
        var (rebuilt, _) = Build(input, output);
        Assert.False(rebuilt.EnrichCached);
        Assert.Equal(digests.Length + 1, Digests().Length);
        Assert.Empty(digests.Except(Digests()));
        AssertSameAsCleanBuild(input, output, temp.Combine("clean"));
    }

    [Fact]
    public void Builds_that_start_from_the_site_before_last_still_equal_a_clean_build()
    {
        using var temp = new TempFolder("incremental");
        WriteArchive(temp);
        var input = temp.Combine("input");
        var output = temp.Combine("site");
        var spare = Path.Combine(SiteWriter.CacheDirectoryFor(output), SiteWriter.SpareFolder);
        void AssertEqualsClean()
        {
            var clean = temp.Combine("clean");
            Build(input, clean, clean: true);
            AssertSameTree(Snapshot(clean), Snapshot(output));
            Directory.Delete(clean, recursive: true);
            Assert.Empty(Directory.EnumerateDirectories(temp.Path, ".site.*"));
        }

        Build(input, output);
        Assert.False(Directory.Exists(spare)); // the first site replaced nothing
        Build(input, output);
        Assert.True(Directory.Exists(spare)); // the first site, kept for the next build to start from

        // The third build starts from the first site: one episode new, one changed, one gone.
        temp.Write("input/alpha/seven.md", EpisodeText("Kites Again", "Alpha Hour", "2024-01-22", "kites", "Gil Ruiz", "Stunt kites have two lines."));
        temp.Write("input/alpha/two.md", EpisodeText("Tides Explained", "Alpha Hour", "2024-01-08", "tides", "Bo Park", "The moon and the sun pull the sea."));
        File.Delete(temp.Combine("input", "beta", "five.md"));
        Build(input, output);
        AssertEqualsClean();
        Assert.False(Directory.Exists(Path.Combine(output, "episodes", "moss-gardens")));
        Assert.False(Directory.Exists(Path.Combine(output, "topics", "gardens")));

        // The fourth starts from the second: the gone episode back, another gone.
        temp.Write("input/beta/five.md", EpisodeText("Moss Gardens", "Beta Talks", "2024-02-08", "gardens", "Ed Yoon", "Moss likes shade."));
        File.Delete(temp.Combine("input", "alpha", "three.md"));
        Build(input, output);
        AssertEqualsClean();
        Assert.True(File.Exists(Path.Combine(output, "episodes", "moss-gardens", "index.html")));
        Assert.False(Directory.Exists(Path.Combine(output, "episodes", "bread-at-home")));
    }

    [Fact]
    public void A_file_changed_in_a_staging_folder_made_from_the_site_before_last_never_changes_the_live_site()
    {
        using var temp = new TempFolder("incremental");
        var output = temp.Combine("site");
        void Site(bool commit, params (string Path, string Text)[] files)
        {
            using var writer = new SiteWriter(output);
            foreach (var (path, text) in files) writer.Write(OutputFile.Text(path, text));
            if (commit) writer.Commit();
        }
        string[] Files() => [.. Directory.EnumerateFiles(output, "*", SearchOption.AllDirectories)
            .Select(f => Path.GetRelativePath(output, f).Replace('\\', '/')).Order(StringComparer.Ordinal)];

        Site(true, ("a.txt", "one"), ("x/index.html", "x"), ("y", "y"));
        // The same bytes again: linked from the first site, so the first site (the spare) and
        // the live one share these files.
        Site(true, ("a.txt", "one"), ("x/index.html", "x"), ("y", "y"));

        // Written over the first site's a.txt, then the build fails: the live a.txt is untouched.
        Site(false, ("a.txt", "two"));
        Assert.Equal("one", File.ReadAllText(Path.Combine(output, "a.txt")));

        // A file where the spare tree has a folder, a folder where it has a file, and nothing else left over.
        Site(true, ("a.txt", "two"), ("x", "now a file"), ("y/index.html", "now a folder"));
        Assert.Equal([".archive-output", "a.txt", "x", "y/index.html"], Files());
        Assert.Equal("two", File.ReadAllText(Path.Combine(output, "a.txt")));
        Assert.Equal("now a file", File.ReadAllText(Path.Combine(output, "x")));
    }

    [Fact]
    public void A_kept_file_the_site_before_last_already_holds_stays_and_one_it_holds_older_is_replaced()
    {
        using var temp = new TempFolder("incremental");
        var output = temp.Combine("site");
        string Read(string path) => File.ReadAllText(Path.Combine(output, path));
        DateTime Time(string path) => File.GetLastWriteTimeUtc(Path.Combine(output, path));

        using (var first = new SiteWriter(output))
        {
            first.Write(OutputFile.Text("same.txt", "same"), key: "same");
            first.Write(OutputFile.Text("changed/index.html", "old"), key: "old");
            first.Commit();
        }
        var sameTime = Time("same.txt");
        using (var second = new SiteWriter(output))
        {
            Assert.True(second.TryKeep("same.txt", "same"));
            second.Write(OutputFile.Text("changed/index.html", "new"), key: "new");
            second.Commit();
        }
        var changedTime = Time("changed/index.html");

        // The third build starts from the first site: it holds same.txt as the live site does,
        // and the old bytes of changed/index.html, which keeping must not leave in place.
        using (var third = new SiteWriter(output))
        {
            Assert.True(third.TryKeep("same.txt", "same"));
            Assert.True(third.TryKeep("changed/index.html", "new"));
            Assert.Equal(0, third.Written);
            third.Commit();
        }
        Assert.Equal(("same", sameTime), (Read("same.txt"), Time("same.txt")));
        Assert.Equal(("new", changedTime), (Read("changed/index.html"), Time("changed/index.html")));
    }

    [Fact]
    public void On_a_disk_that_keeps_whole_seconds_a_kept_file_is_linked_again_whatever_the_site_before_last_holds()
    {
        using var temp = new TempFolder("incremental");
        var output = temp.Combine("site");
        var manifest = temp.Combine(".archive-cache", "site", "outputs.json");
        var second = new DateTime(2026, 11, 21, 12, 0, 0, DateTimeKind.Utc);
        // What such a disk does: every file of the site, and the manifest, at the same whole second.
        void WholeSeconds()
        {
            foreach (var file in Directory.EnumerateFiles(output)) File.SetLastWriteTimeUtc(file, second);
            File.WriteAllText(manifest, System.Text.RegularExpressions.Regex.Replace(
                File.ReadAllText(manifest), "\"WriteTimeTicks\":\\d+", $"\"WriteTimeTicks\":{second.Ticks}"));
        }

        using (var first = new SiteWriter(output))
        {
            first.Write(OutputFile.Text("page.html", "old"), key: "old");
            first.Commit();
        }
        WholeSeconds();
        using (var again = new SiteWriter(output))
        {
            again.Write(OutputFile.Text("page.html", "new"), key: "new"); // the same size, in the same second
            again.Commit();
        }
        WholeSeconds();
        File.SetLastWriteTimeUtc(Path.Combine(SiteWriter.CacheDirectoryFor(output), SiteWriter.SpareFolder, "page.html"), second);

        // The spare tree's page has the kept page's size and time, yet it is the older one.
        using (var third = new SiteWriter(output))
        {
            Assert.True(third.TryKeep("page.html", "new"));
            third.Commit();
        }
        Assert.Equal("new", File.ReadAllText(Path.Combine(output, "page.html")));
    }

    [Fact]
    public void A_build_that_died_between_moving_the_old_site_aside_and_the_new_one_in_is_repaired()
    {
        using var temp = new TempFolder("incremental");
        WriteArchive(temp);
        var output = temp.Combine("site");
        Build(temp.Combine("input"), output);
        var before = Snapshot(output);
        Directory.Move(output, temp.Combine(".site.previous"));
        Directory.CreateDirectory(temp.Combine(".site.staging-999999"));

        using (new SiteWriter(output)) { }

        AssertSameTree(before, Snapshot(output));
        Assert.False(Directory.Exists(temp.Combine(".site.previous")));
        Assert.False(Directory.Exists(temp.Combine(".site.staging-999999")));
    }

    [Fact]
    public void Two_builds_cannot_write_the_same_output_at_once()
    {
        using var temp = new TempFolder("incremental");
        using var first = new SiteWriter(temp.Combine("site"));
        var ex = Assert.Throws<IOException>(() => new SiteWriter(temp.Combine("site")));
        Assert.Contains("another build is writing", ex.Message);
    }

    [Fact]
    public void The_cache_lives_beside_the_output_never_inside_it()
    {
        using var temp = new TempFolder("incremental");
        WriteArchive(temp);
        var output = temp.Combine("site");
        Build(temp.Combine("input"), output);
        Assert.True(Directory.Exists(temp.Combine(".archive-cache", "site", "load")));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(output, "*", SearchOption.AllDirectories), p => p.Contains("archive-cache", StringComparison.Ordinal));
    }

    private sealed class CancelAfter(string stage, int count, CancellationTokenSource cancel) : IStageProgress
    {
        private int _count;
        public int Count => _count;

        public void StageStarted(string name, int total) { }

        public void Advance(string name)
        {
            if (name == stage && Interlocked.Increment(ref _count) == count) cancel.Cancel();
        }
    }
}
