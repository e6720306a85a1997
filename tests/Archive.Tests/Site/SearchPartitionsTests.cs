using Archive.Core.Config;
using Archive.Core.Loading;
using Archive.Core.Model;
using Archive.Site.Indexing;

namespace Archive.Tests.Site;

public class SearchPartitionsTests
{
    /// <summary>An archive of episodes with these dates, each with <paramref name="characters"/> of transcript.</summary>
    private static LoadedArchive Archive(int characters, params string?[] dates) => new()
    {
        Config = new ArchiveConfig(),
        Episodes = dates.Select((d, i) => new ArchiveEpisode(new Episode
        {
            Title = "E",
            Date = d is null ? null : DateOnly.Parse(d, System.Globalization.CultureInfo.InvariantCulture),
            Paragraphs = [new Paragraph(null, null, new string('w', characters - 2))],
            Source = new SourceRef("x.md", 1),
        }, $"e{i:00}")).ToList(),
        Files = [], Topics = [], People = [], Shows = [], Diagnostics = [], Timings = [],
    };

    private static IEnumerable<string> Names(IEnumerable<SearchPartition> partitions) => partitions.Select(p => p.Name);

    [Fact]
    public void A_small_archive_has_one_index_in_the_primary_bundle_undated_episodes_included()
    {
        var archive = Archive(100, "2024-01-02", null, "2023-05-01");
        var only = Assert.Single(SearchPartitions.Plan(archive, 1_000));
        Assert.Equal("2023_2024", only.Name);
        Assert.Equal("pagefind/", only.Folder);
        Assert.True(only.IsPrimary);
        Assert.True(only.Dated);
        Assert.Equal([2, 0, 1], only.Episodes);
    }

    [Fact]
    public void Years_that_fit_are_packed_oldest_first_and_listed_newest_first()
    {
        // 100 characters an episode, 250 a partition: 2019+2020 (200), 2021 (200, 2022 would overflow), 2022.
        var archive = Archive(100, "2019-03-01", "2020-03-01", "2021-01-01", "2021-06-01", "2022-02-02", null);
        var plan = SearchPartitions.Plan(archive, 250);
        Assert.Equal(["2022", "2021", "2019_2020", "undated"], Names(plan));
        Assert.Equal(["pagefind/", "pagefind/parts/2021/", "pagefind/parts/2019_2020/", "pagefind/parts/undated/"], plan.Select(p => p.Folder));
        Assert.Equal([2, 3], plan[1].Episodes);
        Assert.Equal([5], plan[3].Episodes);
        Assert.Equal([true, true, true, false], plan.Select(p => p.Dated));
    }

    [Fact]
    public void A_year_too_large_is_split_by_month_and_a_month_by_day()
    {
        var archive = Archive(100, "2024-01-05", "2024-01-20", "2024-02-01", "2024-03-01", "2024-03-01", "2024-03-02", "2024-03-03");
        var plan = SearchPartitions.Plan(archive, 200);
        // January (200) fits; February (100) with March 1 (200 alone) would not; March is split by day.
        Assert.Equal(["2024-03-02_2024-03-03", "2024-03-01", "2024-02", "2024-01"], Names(plan));
        Assert.Equal(archive.Episodes.Count, plan.Sum(p => p.Episodes.Count));
    }

    [Fact]
    public void Adding_a_new_episode_changes_only_the_newest_partition()
    {
        var dates = new[] { "2020-01-01", "2020-06-01", "2021-01-01", "2021-06-01", "2022-01-01" };
        var before = SearchPartitions.Plan(Archive(100, dates), 200);
        var after = SearchPartitions.Plan(Archive(100, [.. dates, "2022-03-01"]), 200);
        Assert.Equal(before.Skip(1), after.Skip(1), (a, b) => a.Name == b.Name && a.Episodes.SequenceEqual(b.Episodes));
        Assert.Equal(["2022"], Names(after.Take(1)));
        Assert.Equal([4, 5], after[0].Episodes);
    }

    [Fact]
    public void An_archive_of_one_partition_with_much_text_is_cut_into_two_halves_at_the_month_that_balances_them()
    {
        var dates = new[] { "2023-11-20", "2024-01-05", "2024-01-20", "2024-02-01", "2024-03-01", "2024-03-09", "2024-04-02", "2024-04-05" };
        var plan = SearchPartitions.Plan(Archive(100, [.. dates, null]), 10_000, splitAbove: 500);
        // 800 characters dated: the newest month (April) alone (see below), then the 600 before it
        // cut where up to January holds 300 against 300, the most equal cut between months.
        Assert.Equal(["2024-04", "2024-02_2024-03", "2023-11_2024-01", "undated"], Names(plan));
        Assert.Equal([6, 7], plan[0].Episodes);
        Assert.Equal([3, 4, 5], plan[1].Episodes);
        Assert.Equal([0, 1, 2], plan[2].Episodes);
        Assert.Equal([8], plan[3].Episodes);
        Assert.Equal([200, 300, 300, 100], plan.Select(p => p.Characters));
        // The primary bundle is the newer half: the month is merged into it like the others.
        Assert.Equal(["pagefind/parts/2024-04/", "pagefind/", "pagefind/parts/2023-11_2024-01/", "pagefind/parts/undated/"], plan.Select(p => p.Folder));
        Assert.Equal([true, true, true, false], plan.Select(p => p.Dated));

        // A single month is cut by day; a single day, or an archive under the threshold, stays whole.
        Assert.Equal(["2024-03-09_2024-03-20", "2024-03-01_2024-03-02"],
            Names(SearchPartitions.Plan(Archive(100, "2024-03-01", "2024-03-02", "2024-03-09", "2024-03-20"), 10_000, splitAbove: 300)));
        Assert.Single(SearchPartitions.Plan(Archive(100, "2024-03-01", "2024-03-01", "2024-03-01"), 10_000, splitAbove: 200));
        Assert.Single(SearchPartitions.Plan(Archive(100, dates), 10_000));
    }

    [Fact]
    public void The_newest_month_is_an_index_of_its_own_that_a_new_episode_changes_alone_until_the_next_month_begins()
    {
        var dates = new[] { "2023-11-20", "2024-01-05", "2024-01-20", "2024-02-01", "2024-03-01", "2024-03-09", "2024-04-02" };
        static bool Same(SearchPartition a, SearchPartition b) => a.Name == b.Name && a.Episodes.SequenceEqual(b.Episodes);
        var plan = SearchPartitions.Plan(Archive(100, dates), 10_000, splitAbove: 500);
        // April alone; the 600 characters before it in halves (up to January 300 against 300).
        Assert.Equal(["2024-04", "2024-02_2024-03", "2023-11_2024-01"], Names(plan));

        // Another April episode changes April's index alone.
        var april = SearchPartitions.Plan(Archive(100, [.. dates, "2024-04-28"]), 10_000, splitAbove: 500);
        Assert.Equal(plan.Skip(1), april.Skip(1), Same);
        Assert.Equal([6, 7], april[0].Episodes);

        // The first May episode starts May's index; April joins the months before it, which are cut anew.
        var may = SearchPartitions.Plan(Archive(100, [.. dates, "2024-04-28", "2024-05-01"]), 10_000, splitAbove: 500);
        Assert.Equal(["2024-05", "2024-03_2024-04", "2023-11_2024-02"], Names(may));
        Assert.Equal([8], may[0].Episodes);
        Assert.Equal([4, 5, 6, 7], may[1].Episodes);

        // A newest month with more text than the threshold is not cut off (here it is the newer half)...
        Assert.Equal(["2024-04", "2024-01"], Names(SearchPartitions.Plan(
            Archive(100, "2024-01-05", "2024-04-01", "2024-04-02", "2024-04-03", "2024-04-04", "2024-04-05", "2024-04-06"), 10_000, splitAbove: 500)));
        // ...nor is it in an archive under the threshold, which has one index.
        Assert.Single(SearchPartitions.Plan(Archive(100, dates), 10_000));
    }

    [Fact]
    public void Undated_episodes_are_packed_last_under_numbered_names()
    {
        var plan = SearchPartitions.Plan(Archive(100, null, null, null), 200);
        Assert.Equal(["undated", "undated-2"], Names(plan));
        Assert.True(plan[0].IsPrimary);
        Assert.All(plan, p => Assert.False(p.Dated));
    }
}
