using System.Globalization;
using Archive.Core.Loading;

namespace Archive.Site.Indexing;

/// <summary>
/// One search index of the site: the episodes of a stretch of time, indexed by one Pagefind run
/// into <see cref="Folder"/>. <see cref="Name"/> says the stretch (<c>2024</c>, <c>2019_2021</c>,
/// <c>2025-03</c>, <c>undated</c>) and is what the search page filters on to sort by date;
/// <see cref="Dated"/> is false for a partition of undated episodes alone, which comes last
/// whichever way results are sorted.
/// </summary>
public sealed record SearchPartition(string Name, string Folder, IReadOnlyList<int> Episodes, bool Dated = true)
{
    /// <summary>Characters of text Pagefind indexes for it (<see cref="SearchPartitions.TextSize"/>): what its memory follows.</summary>
    public long Characters { get; init; }

    /// <summary>The primary bundle (<c>pagefind/</c>, with Pagefind's scripts): the newest partition but the newest month's. The rest are merged into it.</summary>
    public bool IsPrimary => Folder == SearchPartitions.PrimaryFolder;
}

/// <summary>
/// Splits an archive into search partitions small enough for one Pagefind run each.
/// <para>
/// Pagefind holds a whole index in memory while it builds it, about 40 bytes for every byte of
/// text (2.2 GB for 1,000 one-hour episodes), so one run over 10,000 episodes cannot fit in a
/// machine's memory. The site gets one index per stretch of time instead, built one after the
/// other, and the search page merges them (Pagefind's <c>mergeIndex</c>). Every partition a
/// query touches costs it a request and an index chunk, so partitions are as large as the memory
/// budget allows: an archive of up to <see cref="DefaultMaxCharacters"/> characters of text has one.
/// </para>
/// <para>
/// Partitions follow the calendar, so adding an episode changes only the partition its date
/// falls in (usually the newest) and a rebuild re-indexes that one alone: whole years are grouped
/// while they fit, a year too large for one partition is split into months, a month into days.
/// Consecutive units are packed oldest first. Undated episodes come last. The result depends only
/// on the archive, never on the machine, so the output stays deterministic. An archive that fits
/// in one partition has exactly one, its undated episodes included.
/// </para>
/// <para>
/// Pagefind indexes mostly on one core. An archive that fits in one partition but has more than
/// <see cref="DefaultSplitAbove"/> characters of dated text therefore gets two: the older and the
/// newer half of what comes before its newest month (below), cut at the month boundary (a day's,
/// for a single month) that makes them most equal; undated episodes then have their own. The
/// halves together hold no more text than the one partition would, so <see cref="SearchIndexer"/>
/// indexes them at once within the same memory. Larger archives are not halved: every
/// index costs each query its own index chunk (~30 KB a word), so their partitions stay as large
/// as the budget allows.
/// </para>
/// <para>
/// In an archive with more than <see cref="DefaultSplitAbove"/> characters of dated text, the
/// newest calendar month is a partition of its own (when it holds no more than that): new episodes
/// arrive there, and re-indexing a month takes Pagefind a second or two where the partition it
/// would join takes many. It costs a query one small index more. When the next month begins, the
/// month joins the partitions before it, which are then indexed again, once a month. It is not the
/// primary bundle (<c>pagefind/</c>): the partition after it is.
/// </para>
/// </summary>
public static class SearchPartitions
{
    /// <summary>Characters of text per partition: about 1,750 hours of speech, which Pagefind needs about 4 GB to index.</summary>
    public const long DefaultMaxCharacters = 100_000_000;
    /// <summary>An archive of one partition with more text than this is indexed as two halves (about 175 hours of speech; Pagefind takes a few seconds over it).</summary>
    public const long DefaultSplitAbove = 10_000_000;
    public const string PrimaryFolder = "pagefind/";
    public const string Undated = "undated";

    /// <summary>The partitions, newest first; undated episodes last. Empty for an archive without episodes.</summary>
    public static IReadOnlyList<SearchPartition> Plan(LoadedArchive archive, long maxCharacters = DefaultMaxCharacters, long splitAbove = DefaultSplitAbove)
    {
        if (maxCharacters < 1) throw new ArgumentOutOfRangeException(nameof(maxCharacters));
        if (splitAbove < 1) throw new ArgumentOutOfRangeException(nameof(splitAbove));
        var sizes = archive.Episodes.Select(e => TextSize(e.Episode)).ToArray();
        bool fitsInOne = sizes.Sum() <= maxCharacters;
        var dated = Enumerable.Range(0, archive.Episodes.Count).Where(i => archive.Episodes[i].Episode.Date is not null)
            .OrderBy(i => archive.Episodes[i].Episode.Date).ThenBy(i => archive.Episodes[i].Slug, StringComparer.Ordinal).ToList();
        var undated = Enumerable.Range(0, archive.Episodes.Count).Where(i => archive.Episodes[i].Episode.Date is null)
            .OrderBy(i => archive.Episodes[i].Slug, StringComparer.Ordinal).ToList();

        DateOnly DateOf(int i) => archive.Episodes[i].Episode.Date!.Value;
        var newestMonth = NewestMonth(dated, DateOf, sizes, splitAbove, maxCharacters);
        var older = dated.Take(dated.Count - (newestMonth?.Episodes.Count ?? 0));

        // Calendar units: a year when it fits, else its months, else a month's days.
        var units = new List<Unit>();
        foreach (var year in older.GroupBy(i => DateOf(i).Year))
        {
            if (Size(year, sizes) <= maxCharacters) { units.Add(new Unit(Key(year.Key), [.. year])); continue; }
            foreach (var month in year.GroupBy(i => DateOf(i).Month))
            {
                if (Size(month, sizes) <= maxCharacters) { units.Add(new Unit(Key(year.Key, month.Key), [.. month])); continue; }
                foreach (var day in month.GroupBy(i => DateOf(i).Day))
                    units.Add(new Unit(Key(year.Key, month.Key, day.Key), [.. day]));
            }
        }
        var groups = Pack(units, sizes, fitsInOne ? long.MaxValue : maxCharacters);
        groups.Reverse();
        if (fitsInOne && groups.Count == 1 && Size(groups[0].Episodes, sizes) > splitAbove)
            groups = Halves(groups[0], DateOf, sizes).ToList();
        if (newestMonth is not null) groups.Insert(0, newestMonth);
        if (fitsInOne && groups.Count <= 1)
        {
            var name = groups.Count > 0 ? groups[0].Name : Undated;
            return [new SearchPartition(name, PrimaryFolder, [.. dated, .. undated], dated.Count > 0) { Characters = sizes.Sum() }];
        }
        // Undated episodes have no calendar: packed in slug order, named undated, undated-2…
        var undatedGroups = Pack(undated.Select(i => new Unit(Undated, [i])).ToList(), sizes, maxCharacters);
        for (int g = 0; g < undatedGroups.Count; g++)
            groups.Add(undatedGroups[g] with { Name = g == 0 ? Undated : Undated + "-" + (g + 1).ToString(CultureInfo.InvariantCulture), Dated = false });

        // The primary bundle is the newest partition but the newest month: a tool that reads
        // pagefind/ alone (Pagefind's own UI, a site checker) finds the most recent years there,
        // not a few episodes, and it changes once a month, not with every episode.
        int primary = newestMonth is null ? 0 : 1;
        return groups.Select((g, n) => new SearchPartition(g.Name, n == primary ? PrimaryFolder : PrimaryFolder + "parts/" + g.Name + "/", g.Episodes, g.Dated)
            { Characters = Size(g.Episodes, sizes) }).ToList();
    }

    /// <summary>
    /// Dated episodes (in date order) cut in two at the month boundary, or for a single month the
    /// day boundary, that makes the halves' text most equal: newer half first. A single day stays
    /// whole. The cut moves only when the newer half outgrows the older by about a month's text, so
    /// a new episode usually changes the newer half alone.
    /// </summary>
    private static IEnumerable<Group> Halves(Group group, Func<int, DateOnly> dateOf, long[] sizes)
    {
        var episodes = group.Episodes;
        var first = dateOf(episodes[0]);
        var last = dateOf(episodes[^1]);
        bool byMonth = (first.Year, first.Month) != (last.Year, last.Month);
        if (!byMonth && first == last) return [group];
        string KeyOf(DateOnly d) => byMonth ? Key(d.Year, d.Month) : Key(d.Year, d.Month, d.Day);
        long total = Size(episodes, sizes), before = 0, bestDifference = long.MaxValue;
        int cut = -1;
        for (int k = 1; k < episodes.Count; k++)
        {
            before += sizes[episodes[k - 1]];
            if (KeyOf(dateOf(episodes[k - 1])) == KeyOf(dateOf(episodes[k]))) continue;
            long difference = Math.Abs(2 * before - total);
            // On a tie the later cut: a new episode, which joins the newer half, then leaves it where it is.
            if (difference <= bestDifference) (bestDifference, cut) = (difference, k);
        }
        string Name(int from, int to)
        {
            string a = KeyOf(dateOf(episodes[from])), b = KeyOf(dateOf(episodes[to]));
            return a == b ? a : a + "_" + b;
        }
        return [new Group(Name(cut, episodes.Count - 1), episodes.Skip(cut).ToList()), new Group(Name(0, cut - 1), episodes.Take(cut).ToList())];
    }

    /// <summary>
    /// The newest calendar month's episodes as a partition of their own, when the archive has more
    /// dated text than <paramref name="splitAbove"/> and the month has no more than that (nor than a partition may hold); else null.
    /// New episodes arrive in it, so a rebuild re-indexes this small index rather than the
    /// partition it would belong to; when the next month begins, this one joins the partitions
    /// before it, which are indexed again once.
    /// </summary>
    private static Group? NewestMonth(List<int> dated, Func<int, DateOnly> dateOf, long[] sizes, long splitAbove, long maxCharacters)
    {
        if (dated.Count == 0 || Size(dated, sizes) <= splitAbove) return null;
        var newest = dateOf(dated[^1]);
        var month = dated.Where(i => (dateOf(i).Year, dateOf(i).Month) == (newest.Year, newest.Month)).ToList();
        if (month.Count == dated.Count || Size(month, sizes) > Math.Min(splitAbove, maxCharacters)) return null;
        return new Group(Key(newest.Year, newest.Month), month);
    }

    /// <summary>What Pagefind indexes of an episode, in characters: its title, summary, chapter titles and transcript.</summary>
    public static long TextSize(Archive.Core.Model.Episode e) =>
        e.Title.Length + (e.Summary?.Length ?? 0) + e.Chapters.Sum(c => (long)c.Title.Length) + e.Paragraphs.Sum(p => (long)p.Text.Length + 1);

    private sealed record Unit(string Key, List<int> Episodes);

    private sealed record Group(string Name, IReadOnlyList<int> Episodes, bool Dated = true);

    private static long Size(IEnumerable<int> episodes, long[] sizes) => episodes.Sum(i => sizes[i]);

    /// <summary>Consecutive units in order, each group as large as fits (a unit larger than the budget is a group alone).</summary>
    private static List<Group> Pack(List<Unit> units, long[] sizes, long max)
    {
        var groups = new List<Group>();
        var current = new List<Unit>();
        long size = 0;
        void Close()
        {
            if (current.Count == 0) return;
            var name = current.Count == 1 || current[0].Key == current[^1].Key ? current[0].Key : current[0].Key + "_" + current[^1].Key;
            groups.Add(new Group(name, current.SelectMany(u => u.Episodes).ToList()));
            current = [];
            size = 0;
        }
        foreach (var unit in units)
        {
            var unitSize = Size(unit.Episodes, sizes);
            if (current.Count > 0 && size + unitSize > max) Close();
            current.Add(unit);
            size += unitSize;
        }
        Close();
        return groups;
    }

    private static string Key(int year) => year.ToString("0000", CultureInfo.InvariantCulture);
    private static string Key(int year, int month) => Key(year) + "-" + month.ToString("00", CultureInfo.InvariantCulture);
    private static string Key(int year, int month, int day) => Key(year, month) + "-" + day.ToString("00", CultureInfo.InvariantCulture);
}
