namespace Archive.Site.Rendering;

/// <summary>
/// Where the site's long lists are cut into pages, so a list page stays light on a phone at
/// 10,000 episodes while a small archive keeps each list on one page. The defaults are the site's;
/// tests build small archives with lower ones.
/// </summary>
/// <param name="ArchiveOnOnePage">Up to this many episodes, <c>archive/</c> lists every one; above, each year has its own page (<c>archive/2017/</c>).</param>
/// <param name="ArchiveNewest">When years have their own pages, <c>archive/</c> lists the newest whole months until it shows at least this many episodes.</param>
/// <param name="TermsOnOnePage">Up to this many topics (people, shows), their index lists every one A–Z; above, each first letter has its own page (<c>topics/a-z/c/</c>).</param>
/// <param name="TermsByCount">An index's list by number of episodes shows at most this many.</param>
/// <param name="TermsPerLetterPage">A first letter with more terms than this continues over pages A–Z (<c>topics/a-z/c/page/2/</c>).</param>
/// <param name="EpisodesPerPage">A topic's or a person's episodes, newest first, this many a page (<c>topics/kites/page/2/</c>).</param>
/// <param name="EpisodesPerShowPage">A show's episodes, newest first, this many a page (<c>shows/kite-club/page/2/</c>): a page of cards about as heavy as a year's page of rows.</param>
/// <param name="EpisodesPerYearPage">A year of the archive (or its undated episodes) with more episodes than this continues over pages (<c>archive/2017/page/2/</c>); as many as <c>archive/</c> lists on one page, since both are rows.</param>
public sealed record ListLimits(int ArchiveOnOnePage = 500, int ArchiveNewest = 100, int TermsOnOnePage = 1000, int TermsByCount = 100, int TermsPerLetterPage = 500,
    int EpisodesPerPage = 100, int EpisodesPerYearPage = 500, int EpisodesPerShowPage = 150)
{
    public static readonly ListLimits Default = new();
}
