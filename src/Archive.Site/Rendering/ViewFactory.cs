using System.Globalization;
using Archive.Core.Enriching;
using Archive.Core.Loading;
using Archive.Core.Model;
using Archive.Core.Text;
using Archive.Site.Views;

namespace Archive.Site.Rendering;

/// <summary>Makes the view records templates see from the loaded archive.</summary>
public sealed class ViewFactory
{
    private readonly LoadedArchive _archive;
    private readonly Dictionary<string, TaxonomyTerm> _topics;
    private readonly Dictionary<string, TaxonomyTerm> _people;
    private readonly Dictionary<string, TaxonomyTerm> _shows;

    public ViewFactory(LoadedArchive archive, string generator, bool hasSearch)
    {
        _archive = archive;
        Urls = new SiteUrls(archive.Config.BaseUrl);
        _topics = archive.Topics.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        _people = archive.People.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        _shows = archive.Shows.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        var c = archive.Config;
        Site = new SiteView(c.Title, c.Description, c.BaseUrl, c.Language, Urls.Home, Urls.Search, Urls.Topics, Urls.People,
            Urls.Shows, Urls.Asset("style.css"), Urls.Asset("site.js"), generator, hasSearch);
    }

    public SiteUrls Urls { get; }
    public SiteView Site { get; }

    /// <summary>Episodes newest first; undated ones after the dated, then by title.</summary>
    public IReadOnlyList<int> NewestFirst(IEnumerable<int> episodes) =>
        episodes
            .OrderByDescending(i => _archive.Episodes[i].Episode.Date ?? DateOnly.MinValue)
            .ThenBy(i => _archive.Episodes[i].Episode.Title, StringComparer.OrdinalIgnoreCase)
            .ThenBy(i => _archive.Episodes[i].Slug, StringComparer.Ordinal)
            .ToList();

    public HomePageView Home() => new(
        Site,
        NewestFirst(Enumerable.Range(0, _archive.Episodes.Count)).Select(Card).ToList(),
        _archive.Shows.Select(t => TermLink(t, Urls.Show)).ToList(),
        _archive.Topics.OrderByDescending(t => t.Episodes.Count).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
            .Take(24).Select(t => TermLink(t, Urls.Topic)).ToList());

    public EpisodeCardView Card(int index)
    {
        var ae = _archive.Episodes[index];
        var e = ae.Episode;
        var show = ShowLink(e.Show);
        return new EpisodeCardView(
            e.Title, Urls.Episode(ae.Slug), show?.Name, show?.Url,
            FormatDate(e.Date), e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            e.Duration is { } d ? Timecode.Format(d) : null,
            e.Speakers.Select(SpeakerLink).ToList(),
            Excerpt(e));
    }

    public EpisodePageView Episode(int index)
    {
        var ae = _archive.Episodes[index];
        var e = ae.Episode;
        var ids = new PageIds();

        // Paragraph anchors first: they are the stable, shareable ones.
        var paragraphIds = e.Paragraphs.Select((p, i) => ids.Claim(p.Start is { } t ? Timecode.Anchor(t) : $"p-{i + 1}")).ToList();
        var chapters = e.Chapters.Select(c => new ChapterView(
            c.Title, ids.Claim(Slug.From(c.Title, "chapter")),
            c.Start is { } s ? Timecode.Format(s) : null,
            c.Start is { } s2 ? Timecode.Iso8601(s2) : null)).ToList();

        var sections = new List<TranscriptSectionView>();
        int chapter = -1;
        var current = new List<ParagraphView>();
        string? previousSpeaker = null;
        for (int i = 0; i < e.Paragraphs.Count; i++)
        {
            while (chapter + 1 < e.Chapters.Count && e.Chapters[chapter + 1].FirstParagraph <= i)
            {
                if (current.Count > 0 || chapter >= 0) sections.Add(new TranscriptSectionView(chapter >= 0 ? chapters[chapter] : null, current));
                current = [];
                chapter++;
                previousSpeaker = null;
            }
            var p = e.Paragraphs[i];
            var speaker = SpeakerLink(p.Speaker ?? "");
            current.Add(new ParagraphView(
                paragraphIds[i],
                p.Start is { } t ? Timecode.Format(t) : null,
                p.Speaker,
                p.Speaker is null ? null : speaker.Url,
                p.Speaker is not null && !string.Equals(p.Speaker, previousSpeaker, StringComparison.Ordinal),
                p.Text));
            previousSpeaker = p.Speaker;
        }
        if (current.Count > 0 || chapter >= 0) sections.Add(new TranscriptSectionView(chapter >= 0 ? chapters[chapter] : null, current));
        // Chapters placed after the last paragraph still get their heading.
        for (chapter++; chapter < chapters.Count; chapter++) sections.Add(new TranscriptSectionView(chapters[chapter], []));

        return new EpisodePageView(
            Site, e.Title, Urls.Episode(ae.Slug), ShowLink(e.Show),
            FormatDate(e.Date), e.Date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture),
            e.Duration is { } d ? Timecode.Format(d) : null,
            e.Duration is { } d2 ? Timecode.Iso8601(d2) : null,
            e.Speakers.Select(SpeakerLink).ToList(),
            e.Topics.Select(TopicLink).ToList(),
            e.Summary is null ? null : MarkdownRenderer.ToHtml(e.Summary),
            SafeMediaUrl(e.MediaUrl),
            chapters, sections, e.Truncated, e.Source.ToString());
    }

    public TermPageView TermPage(string kind, TaxonomyTerm term, Func<string, string> url) =>
        new(Site, kind, term.Name, url(term.Slug), CountLabel(term.Episodes.Count), NewestFirst(term.Episodes).Select(Card).ToList());

    public static string CountLabel(int episodes) => episodes == 1 ? "1 episode" : $"{episodes} episodes";

    public TermIndexView TermIndex(string kind, string title, IReadOnlyList<TaxonomyTerm> terms, Func<string, string> url) =>
        new(Site, kind, title,
            terms.Select(t => TermLink(t, url)).ToList(),
            terms.OrderByDescending(t => t.Episodes.Count).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase)
                .Select(t => TermLink(t, url)).ToList());

    private static TermView TermLink(TaxonomyTerm term, Func<string, string> url) => new(term.Name, url(term.Slug), term.Episodes.Count);

    private LinkView SpeakerLink(string name)
    {
        var slug = Taxonomy.SlugOf(name);
        return new LinkView(name, _people.ContainsKey(slug) ? Urls.Person(slug) : null);
    }

    private LinkView TopicLink(string name)
    {
        var slug = Taxonomy.SlugOf(name);
        return new LinkView(name, _topics.ContainsKey(slug) ? Urls.Topic(slug) : null);
    }

    private LinkView? ShowLink(string? name)
    {
        if (name is null) return null;
        var slug = Taxonomy.SlugOf(name);
        return new LinkView(name, _shows.ContainsKey(slug) ? Urls.Show(slug) : null);
    }

    public static string? FormatDate(DateOnly? date) =>
        date?.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>A short plain-text description: the summary, else the start of the transcript.</summary>
    public static string Excerpt(Episode e, int max = 220)
    {
        var text = e.Summary is not null ? MarkdownRenderer.ToPlainText(e.Summary) : e.Paragraphs.FirstOrDefault()?.Text ?? "";
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Archive.Core.Normalizing.TitleText.CutAtWord(text, max);
    }

    /// <summary>Media links must be http(s); anything else is not linked.</summary>
    private static string? SafeMediaUrl(string? url) =>
        url is not null && Uri.TryCreate(url, UriKind.Absolute, out var u) && u.Scheme is "http" or "https" ? u.AbsoluteUri : null;

    /// <summary>Ids on one page, unique: a repeated id gets <c>-2</c>, <c>-3</c>…; layout ids are reserved.</summary>
    private sealed class PageIds
    {
        private readonly Slug.Registry _registry = new();

        public PageIds()
        {
            foreach (var reserved in new[] { "main", "top", "content", "search", "toc-title", "transcript-title", "site-search-q" })
                _registry.Claim(reserved);
        }

        public string Claim(string id) => _registry.Claim(id);
    }
}
