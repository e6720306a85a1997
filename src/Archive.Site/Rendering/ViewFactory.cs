using System.Globalization;
using Archive.Core.Enriching;
using Archive.Core.Loading;
using Archive.Core.Model;
using Archive.Core.Text;
using Archive.Site.Exporting;
using Archive.Site.Views;

namespace Archive.Site.Rendering;

/// <summary>Makes the view records templates see from the loaded archive.</summary>
public sealed class ViewFactory
{
    /// <summary>How many of the newest episodes the home page lists.</summary>
    public const int HomeEpisodes = 10;
    private const int HomeTopics = 24;
    private const int HomePeople = 12;
    private const int SideTopics = 16;
    private const int MomentExcerptLength = 110;

    private readonly LoadedArchive _archive;
    private readonly Dictionary<string, TaxonomyTerm> _topics;
    private readonly Dictionary<string, TaxonomyTerm> _people;
    private readonly Dictionary<string, TaxonomyTerm> _shows;
    private readonly Dictionary<string, int> _episodeBySlug;
    /// <summary>Each episode's place in its show, oldest first: (show's episodes, position).</summary>
    private readonly (IReadOnlyList<int> Episodes, int Position)?[] _showOrder;
    /// <summary>Each show's episodes newest first, by slug, sorted once: its pages and its podcast feed list them.</summary>
    private readonly Dictionary<string, IReadOnlyList<int>> _showNewestFirst = new(StringComparer.Ordinal);
    /// <summary>Each episode's card, made once: an episode appears on the pages of its show, people and topics.</summary>
    private readonly EpisodeCardView?[] _cards;

    public ViewFactory(LoadedArchive archive, string generator, bool hasSearch, ListLimits? lists = null)
    {
        _archive = archive;
        Lists = lists ?? ListLimits.Default;
        Urls = new SiteUrls(archive.Config.BaseUrl);
        _topics = archive.Topics.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        _people = archive.People.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        _shows = archive.Shows.ToDictionary(t => t.Slug, StringComparer.Ordinal);
        _episodeBySlug = archive.Episodes.Select((e, i) => (e.Slug, i)).ToDictionary(x => x.Slug, x => x.i, StringComparer.Ordinal);
        _showOrder = new (IReadOnlyList<int>, int)?[archive.Episodes.Count];
        _cards = new EpisodeCardView?[archive.Episodes.Count];
        foreach (var show in archive.Shows)
        {
            var order = OldestFirst(show.Episodes);
            for (int p = 0; p < order.Count; p++) _showOrder[order[p]] = (order, p);
            _showNewestFirst[show.Slug] = NewestFirst(show.Episodes);
        }
        var c = archive.Config;
        Site = new SiteView(c.Title, c.Description, c.BaseUrl, c.Language, Urls.Home, Urls.Search, Urls.Archive, Urls.Topics,
            Urls.People, Urls.Shows, Urls.Asset("style.css"), Urls.Asset("site.js"), generator, hasSearch, Urls.Feed);
    }

    public SiteUrls Urls { get; }
    public SiteView Site { get; }
    /// <summary>Where long lists are cut into pages.</summary>
    public ListLimits Lists { get; }

    /// <summary>Episodes newest first; undated ones after the dated, then by title.</summary>
    public IReadOnlyList<int> NewestFirst(IEnumerable<int> episodes) =>
        episodes
            .OrderByDescending(i => _archive.Episodes[i].Episode.Date ?? DateOnly.MinValue)
            .ThenBy(i => _archive.Episodes[i].Episode.Title, StringComparer.OrdinalIgnoreCase)
            .ThenBy(i => _archive.Episodes[i].Slug, StringComparer.Ordinal)
            .ToList();

    /// <summary>Every episode newest first, sorted once: the home page, the archive and the Atom feed list them.</summary>
    public IReadOnlyList<int> AllNewestFirst => _allNewestFirst ??= NewestFirst(Enumerable.Range(0, _archive.Episodes.Count));
    private IReadOnlyList<int>? _allNewestFirst;

    /// <summary>A show's episodes in <see cref="NewestFirst"/> order, sorted once for its pages and its feed.</summary>
    public IReadOnlyList<int> ShowNewestFirst(TaxonomyTerm show) => _showNewestFirst[show.Slug];

    /// <summary>Episodes in the order they were published: by date, undated ones last in input order.</summary>
    private List<int> OldestFirst(IEnumerable<int> episodes) =>
        episodes
            .OrderBy(i => _archive.Episodes[i].Episode.Date ?? DateOnly.MaxValue)
            .ThenBy(i => i)
            .ToList();

    public HomePageView Home()
    {
        var newest = AllNewestFirst;
        return new HomePageView(
            Site,
            newest.Take(HomeEpisodes).Select(Card).ToList(),
            newest.Count > HomeEpisodes,
            CountLabel(newest.Count),
            _archive.Shows.Select(t => TermLink(t, Urls.Show)).ToList(),
            Busiest(_archive.Topics, HomeTopics).Select(t => TermLink(t, Urls.Topic)).ToList(),
            Busiest(_archive.People, HomePeople).Select(t => TermLink(t, Urls.Person)).ToList());
    }

    private static IEnumerable<TaxonomyTerm> Busiest(IEnumerable<TaxonomyTerm> terms, int count) =>
        terms.OrderByDescending(t => t.Episodes.Count).ThenBy(t => t.Name, StringComparer.OrdinalIgnoreCase).Take(count);

    public EpisodeCardView Card(int index) => _cards[index] ??= MakeCard(index);

    private EpisodeCardView MakeCard(int index)
    {
        var ae = _archive.Episodes[index];
        var e = ae.Episode;
        var show = ShowLink(e.Show);
        return new EpisodeCardView(
            e.Title, Urls.Episode(ae.Slug), show?.Name, show?.Url,
            FormatDate(e.Date), IsoDate(e.Date),
            e.Duration is { } d ? Timecode.Format(d) : null,
            e.Speakers.Select(SpeakerLink).ToList(),
            Excerpt(e));
    }

    /// <param name="withTranscript">False: <see cref="EpisodePageView.Sections"/> stays empty; the rest of the page is made (for its fingerprint).</param>
    public EpisodePageView Episode(int index, bool withTranscript = true)
    {
        var ae = _archive.Episodes[index];
        var e = ae.Episode;
        var url = Urls.Episode(ae.Slug);
        var media = MediaLink.From(e.MediaUrl);
        var chapterIds = EpisodeAnchors.Chapters(e);
        var chapters = e.Chapters.Select((c, i) => new ChapterView(
            c.Title, chapterIds[i],
            c.Start is { } s ? Timecode.Format(s) : null,
            c.Start is { } s2 ? Timecode.Iso8601(s2) : null,
            InText: c.FirstParagraph < e.Paragraphs.Count,
            AfterCut: e.Truncated && e.Paragraphs.Count > 0 && c.FirstParagraph >= e.Paragraphs.Count)).ToList();
        var mentions = ae.Mentions.ToLookup(m => m.Paragraph);

        var sections = new List<TranscriptSectionView>();
        int chapter = -1;
        var current = new List<ParagraphView>();
        string? previousSpeaker = null;
        for (int i = 0; i < (withTranscript ? e.Paragraphs.Count : 0); i++)
        {
            while (chapter + 1 < e.Chapters.Count && e.Chapters[chapter + 1].FirstParagraph <= i)
            {
                if (current.Count > 0 || chapter >= 0) sections.Add(new TranscriptSectionView(chapter >= 0 ? chapters[chapter] : null, current));
                current = [];
                chapter++;
                previousSpeaker = null;
            }
            var p = e.Paragraphs[i];
            current.Add(new ParagraphView(
                EpisodeAnchors.Paragraph(e, i),
                p.Start is { } t ? Timecode.Format(t) : null,
                p.Start is { } t2 ? (int)t2.TotalSeconds : null,
                p.Start is { } t3 && media is { CanSeek: true } ? media.At(t3) : null,
                p.Speaker,
                p.Speaker is null ? null : SpeakerLink(p.Speaker).Url,
                p.Speaker is not null && !string.Equals(p.Speaker, previousSpeaker, StringComparison.Ordinal),
                p.Text,
                Segments(p.Text, mentions[i])));
            previousSpeaker = p.Speaker;
        }
        // Chapters after the last paragraph (the text was cut off before them, or there is no text)
        // get no empty heading: the chapter table lists them, its entry holding their anchor.
        if (withTranscript && (current.Count > 0 || chapter >= 0))
            sections.Add(new TranscriptSectionView(chapter >= 0 ? chapters[chapter] : null, current));

        var order = _showOrder[index];
        return new EpisodePageView(
            Site, e.Title, url, ShowLink(e.Show),
            FormatDate(e.Date), IsoDate(e.Date),
            e.Duration is { } d ? Timecode.Format(d) : null,
            e.Duration is { } d2 ? Timecode.Iso8601(d2) : null,
            e.Speakers.Select(SpeakerLink).ToList(),
            ae.Topics.Select(TopicLink).ToList(),
            e.Summary is null ? null : MarkdownRenderer.ToHtml(e.Summary),
            media is null ? null : new MediaView(media.Url, MediaLabel(media), media.Kind == MediaLink.MediaKind.Audio, media.CanSeek),
            chapters, sections,
            ae.Related.Select(Related).ToList(),
            order is { Position: > 0 } o ? EpisodeLink(o.Episodes[o.Position - 1]) : null,
            order is { } n && n.Position + 1 < n.Episodes.Count ? EpisodeLink(n.Episodes[n.Position + 1]) : null,
            TranscriptExporters.For(e).Select(x => new DownloadView(Urls.EpisodeFile(ae.Slug, x.Suffix), ae.Slug + x.Suffix, x.Label, x.Format)).ToList(),
            e.Truncated, NotesOnly: e.Paragraphs.Count == 0, e.Source.ToString());
    }

    private static string MediaLabel(MediaLink media) => media.Kind switch
    {
        MediaLink.MediaKind.Audio => "Listen",
        MediaLink.MediaKind.Page => "Episode page",
        _ => "Watch",
    };

    /// <summary>
    /// What an episode's transcript section is made from besides the episode itself and the rest
    /// of its page: where each paragraph's speaker and each mention link to.
    /// </summary>
    public string TranscriptLinks(int index)
    {
        var ae = _archive.Episodes[index];
        var links = new System.Text.StringBuilder();
        foreach (var speaker in ae.Episode.Paragraphs.Select(p => p.Speaker).OfType<string>().Distinct(StringComparer.Ordinal))
            links.Append(speaker).Append('>').Append(SpeakerLink(speaker).Url).Append('\n');
        foreach (var m in ae.Mentions)
        {
            var (url, title) = MentionTarget(m);
            links.Append(m.Paragraph).Append(':').Append(m.Start).Append('+').Append(m.Length).Append('>').Append(url).Append(' ').Append(title).Append('\n');
        }
        return links.ToString();
    }

    /// <summary>Cuts a paragraph where it mentions something with a page; the rest stays plain text (escaped by the template).</summary>
    private List<TextSegmentView> Segments(string text, IEnumerable<Mention> mentions)
    {
        var segments = new List<TextSegmentView>();
        int at = 0;
        foreach (var m in mentions.OrderBy(m => m.Start))
        {
            if (m.Start < at || m.Start + m.Length > text.Length) continue;
            var (url, title) = MentionTarget(m);
            if (url is null) continue;
            if (m.Start > at) segments.Add(new TextSegmentView(text[at..m.Start], null, null));
            segments.Add(new TextSegmentView(text.Substring(m.Start, m.Length), url, title));
            at = m.Start + m.Length;
        }
        if (at < text.Length || segments.Count == 0) segments.Add(new TextSegmentView(text[at..], null, null));
        return segments;
    }

    private (string? Url, string? Title) MentionTarget(Mention m) => m.Kind switch
    {
        MentionKind.Topic when _topics.ContainsKey(m.Slug) => (Urls.Topic(m.Slug), null),
        MentionKind.Person when _people.ContainsKey(m.Slug) => (Urls.Person(m.Slug), null),
        MentionKind.GuestEpisode when _episodeBySlug.TryGetValue(m.Slug, out var other) =>
            (Urls.Episode(m.Slug), "Guest on “" + _archive.Episodes[other].Episode.Title + "”"),
        _ => (null, null),
    };

    private RelatedEpisodeView Related(RelatedEpisode related)
    {
        var ae = _archive.Episodes[related.Episode];
        return new RelatedEpisodeView(ae.Episode.Title, Urls.Episode(ae.Slug), ae.Episode.Show,
            FormatDate(ae.Episode.Date), IsoDate(ae.Episode.Date), related.SharedTopics.Select(TopicLink).ToList());
    }

    private EpisodeLinkView EpisodeLink(int index)
    {
        var ae = _archive.Episodes[index];
        return new EpisodeLinkView(ae.Episode.Title, Urls.Episode(ae.Slug), FormatDate(ae.Episode.Date), IsoDate(ae.Episode.Date));
    }

    /// <summary>The links between the pages of a list, or null when it has one page.</summary>
    private static PaginationView? Pagination(string listUrl, int page, int pages)
    {
        if (pages <= 1) return null;
        var links = new List<PageLinkView>();
        int last = 0;
        for (int n = 1; n <= pages; n++)
        {
            if (n != 1 && n != pages && Math.Abs(n - page) > 2) continue;
            if (n > last + 1) links.Add(new PageLinkView(0, null, false, true));
            links.Add(new PageLinkView(n, SiteUrls.ListPage(listUrl, n), n == page, false));
            last = n;
        }
        return new PaginationView(page, pages,
            page > 1 ? SiteUrls.ListPage(listUrl, page - 1) : null,
            page < pages ? SiteUrls.ListPage(listUrl, page + 1) : null,
            links);
    }

    /// <summary>A list of episodes, already in order, cut into pages of <paramref name="perPage"/>: each page's episodes and its links to the others.</summary>
    private static IEnumerable<(IReadOnlyList<int> Episodes, int Page, PaginationView? Pagination)> Pages(IEnumerable<int> ordered, string listUrl, int perPage)
    {
        var pages = ordered.Chunk(perPage).ToList();
        for (int page = 1; page <= pages.Count; page++)
            yield return (pages[page - 1], page, Pagination(listUrl, page, pages.Count));
    }

    /// <summary>A topic's pages: its episodes, newest first, <see cref="ListLimits.EpisodesPerPage"/> a page (the first at the topic's own URL).</summary>
    public IEnumerable<ListPage<TopicPageView>> TopicPages(TaxonomyTerm topic)
    {
        var listUrl = Urls.Topic(topic.Slug);
        var together = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var i in topic.Episodes)
            foreach (var other in _archive.Episodes[i].Topics.Select(Taxonomy.SlugOf).Distinct())
                if (other != topic.Slug && _topics.ContainsKey(other)) together[other] = together.GetValueOrDefault(other) + 1;
        var related = together
            .OrderByDescending(kv => kv.Value).ThenBy(kv => _topics[kv.Key].Name, StringComparer.OrdinalIgnoreCase)
            .Take(SideTopics).Select(kv => new TermView(_topics[kv.Key].Name, Urls.Topic(kv.Key), kv.Value)).ToList();
        var count = CountLabel(topic.Episodes.Count);
        foreach (var (episodes, page, pagination) in Pages(NewestFirst(topic.Episodes), listUrl, Lists.EpisodesPerPage))
        {
            TopicPageView View(bool withMoments) => new(Site, topic.Name, SiteUrls.ListPage(listUrl, page), count,
                episodes.Select(i => new EpisodeMomentsView(Card(i), withMoments ? TopicMoments(i, topic.Slug) : [])).ToList(), related, pagination);
            // A topic's moments are made from the episode and from where enrich found the topic in it.
            yield return MomentsPage(episodes, View, i => string.Join(',', TopicMentions(i, topic.Slug).Select(m => $"{m.Paragraph}:{m.Start}:{m.Length}")));
        }
    }

    /// <summary>
    /// A page of episodes with their moments, for the renderer: its fingerprint is made from the
    /// view without the moments and from what they are made from (each episode's source key, and
    /// <paramref name="moreOf"/> it), so an unchanged page is kept without making them. Making every
    /// moment of every topic and person page was most of a rebuild's work on pages that did not
    /// change. An episode without a source key: the whole view is the fingerprint's.
    /// </summary>
    private ListPage<TView> MomentsPage<TView>(IReadOnlyList<int> episodes, Func<bool, TView> view, Func<int, string>? moreOf = null) where TView : class
    {
        var identity = new System.Text.StringBuilder("moments\n");
        foreach (var i in episodes)
        {
            if (_archive.SourceKeyOf(i) is not { } key) return ListPage<TView>.Whole(view(true));
            identity.Append(key).Append(' ').Append(moreOf?.Invoke(i)).Append('\n');
        }
        return new ListPage<TView>(view(false), identity.ToString(), () => view(true));
    }

    private IEnumerable<Mention> TopicMentions(int index, string topicSlug) =>
        _archive.Episodes[index].Mentions.Where(m => m.Kind == MentionKind.Topic && m.Slug == topicSlug);

    /// <summary>Where a topic comes up in an episode: its first mention in each chapter, with the words around it.</summary>
    private List<MomentView> TopicMoments(int index, string topicSlug)
    {
        var ae = _archive.Episodes[index];
        var e = ae.Episode;
        var moments = new List<MomentView>();
        foreach (var m in TopicMentions(index, topicSlug))
        {
            var p = e.Paragraphs[m.Paragraph];
            int chapter = EpisodeAnchors.ChapterOf(e, m.Paragraph);
            moments.Add(new MomentView(
                chapter >= 0 ? e.Chapters[chapter].Title : "Mentioned",
                Urls.Episode(ae.Slug) + "#" + EpisodeAnchors.Paragraph(e, m.Paragraph),
                p.Start is { } t ? Timecode.Format(t) : null,
                AroundMention(p.Text, m.Start, m.Length)));
        }
        return moments;
    }

    /// <summary>About a line of text around a mention, cut at words.</summary>
    private static string AroundMention(string text, int start, int length)
    {
        if (text.Length <= MomentExcerptLength) return text;
        int side = Math.Max(0, (MomentExcerptLength - length) / 2);
        int from = Math.Max(0, start - side);
        int to = Math.Min(text.Length, start + length + side);
        if (from > 0) { var space = text.IndexOf(' ', from); from = space >= 0 && space < start ? space + 1 : from; }
        if (to < text.Length) { var space = text.LastIndexOf(' ', to); to = space > start + length ? space : to; }
        return (from > 0 ? "…" : "") + text[from..to].Trim() + (to < text.Length ? "…" : "");
    }

    /// <summary>A person's pages: the episodes they speak in, newest first, <see cref="ListLimits.EpisodesPerPage"/> a page (the first at the person's own URL).</summary>
    public IEnumerable<ListPage<PersonPageView>> PersonPages(TaxonomyTerm person)
    {
        var listUrl = Urls.Person(person.Slug);
        var shows = person.Episodes
            .Select(i => _archive.Episodes[i].Episode.Show).Where(s => s is not null).Select(s => Taxonomy.SlugOf(s!))
            .Where(_shows.ContainsKey).GroupBy(s => s)
            .OrderByDescending(g => g.Count()).ThenBy(g => _shows[g.Key].Name, StringComparer.OrdinalIgnoreCase)
            .Select(g => new TermView(_shows[g.Key].Name, Urls.Show(g.Key), g.Count())).ToList();
        var topics = TopicsOf(person.Episodes);
        var count = CountLabel(person.Episodes.Count);
        foreach (var (episodes, page, pagination) in Pages(NewestFirst(person.Episodes), listUrl, Lists.EpisodesPerPage))
        {
            // Where a person speaks is made from the episode alone.
            PersonPageView View(bool withMoments) => new(Site, person.Name, SiteUrls.ListPage(listUrl, page), count, shows,
                episodes.Select(i => new EpisodeMomentsView(Card(i), withMoments ? SpeakerMoments(i, person.Slug) : [])).ToList(), topics, pagination);
            yield return MomentsPage(episodes, View);
        }
    }

    /// <summary>Where a person speaks in an episode: their first paragraph in each chapter.</summary>
    private List<MomentView> SpeakerMoments(int index, string personSlug)
    {
        var ae = _archive.Episodes[index];
        var e = ae.Episode;
        var moments = new List<MomentView>();
        int lastChapter = -2;
        // Paragraphs share their speaker's string: its slug is looked up once per change of speaker, not per paragraph.
        string? speaker = null;
        bool isPerson = false;
        for (int i = 0; i < e.Paragraphs.Count; i++)
        {
            var p = e.Paragraphs[i];
            if (!ReferenceEquals(p.Speaker, speaker))
            {
                speaker = p.Speaker;
                isPerson = speaker is not null && Taxonomy.SlugOf(speaker) == personSlug;
            }
            if (!isPerson) continue;
            int chapter = EpisodeAnchors.ChapterOf(e, i);
            if (chapter == lastChapter) continue;
            lastChapter = chapter;
            moments.Add(new MomentView(
                chapter >= 0 ? e.Chapters[chapter].Title : "Speaks",
                Urls.Episode(ae.Slug) + "#" + EpisodeAnchors.Paragraph(e, i),
                p.Start is { } t ? Timecode.Format(t) : null,
                null));
            if (chapter < 0 && e.Chapters.Count == 0) break;
        }
        return moments;
    }

    /// <summary>
    /// A show's pages: its episodes, newest first, <see cref="ListLimits.EpisodesPerShowPage"/> a page
    /// (the first at the show's own URL). Its hosts, dates and topics are the whole show's on every
    /// page; the cards leave out the show, which is the page's.
    /// </summary>
    public IEnumerable<ListPage<ShowPageView>> ShowPages(TaxonomyTerm show)
    {
        var listUrl = Urls.Show(show.Slug);
        var (first, last) = DateRange(show.Episodes);
        var count = CountLabel(show.Episodes.Count);
        var hosts = ShowHosts.Of(_archive.Episodes, show).Select(SpeakerLink).ToList();
        var topics = TopicsOf(show.Episodes);
        var feed = Urls.ShowFeed(show.Slug);
        foreach (var (episodes, page, pagination) in Pages(ShowNewestFirst(show), listUrl, Lists.EpisodesPerShowPage))
        {
            var (oldest, newest) = pagination is null ? (null, null) : DateRange(episodes);
            yield return ListPage<ShowPageView>.Whole(new ShowPageView(Site, show.Name, SiteUrls.ListPage(listUrl, page), count, first, last == first ? null : last, hosts,
                episodes.Select(i => Card(i) with { Show = null, ShowUrl = null }).ToList(), topics, feed, listUrl,
                newest, oldest == newest ? null : oldest, pagination));
        }
    }

    /// <summary>The first and last dates of some episodes, formatted; nulls when none is dated.</summary>
    private (string? First, string? Last) DateRange(IEnumerable<int> episodes)
    {
        var dates = episodes.Select(DateOf).OfType<DateOnly>().ToList();
        return dates.Count > 0 ? (FormatDate(dates.Min()), FormatDate(dates.Max())) : (null, null);
    }

    /// <summary>The topics most often found among some episodes.</summary>
    private List<TermView> TopicsOf(IEnumerable<int> episodes) =>
        episodes.SelectMany(i => _archive.Episodes[i].Topics.Select(Taxonomy.SlugOf).Distinct())
            .Where(_topics.ContainsKey).GroupBy(s => s)
            .OrderByDescending(g => g.Count()).ThenBy(g => _topics[g.Key].Name, StringComparer.OrdinalIgnoreCase)
            .Take(SideTopics).Select(g => new TermView(_topics[g.Key].Name, Urls.Topic(g.Key), g.Count())).ToList();

    /// <summary>"1 episode", "1,234 episodes".</summary>
    public static string CountLabel(int episodes) => CountOf("episode", episodes);

    /// <summary>
    /// The index of <paramref name="terms"/> at <paramref name="indexUrl"/>: every term A–Z, or, above
    /// <see cref="ListLimits.TermsOnOnePage"/>, links to a page per first letter; and the terms with
    /// the most episodes. With it, those letters' pages (none when the index fits on one page), each
    /// continued over pages of at most <see cref="ListLimits.TermsPerLetterPage"/>; the page number
    /// is the letter's. The terms are grouped by letter once for both.
    /// </summary>
    public (TermIndexView Index, IEnumerable<(TermLetterPageView View, int Page)> LetterPages) TermIndex(
        string kind, string title, IReadOnlyList<TaxonomyTerm> terms, Func<string, string> url, string indexUrl)
    {
        var letters = ByLetter(terms);
        bool onePage = terms.Count <= Lists.TermsOnOnePage;
        var byCount = Busiest(terms, Lists.TermsByCount).Select(t => TermLink(t, url)).ToList();
        var index = new TermIndexView(Site, kind, title, CountOf(kind, terms.Count),
            onePage ? letters.Select(g => new LetterGroupView(g.Label, "letter-" + g.Key, g.Terms.Select(t => TermLink(t, url)).ToList())).ToList() : [],
            byCount, byCount.Count == terms.Count,
            onePage ? [] : letters.Select(g => new TermView(g.Label, SiteUrls.LetterPage(indexUrl, g.Key), g.Terms.Count)).ToList());
        return (index, onePage ? [] : LetterPages(kind, title, letters, url, indexUrl));
    }

    private IEnumerable<(TermLetterPageView View, int Page)> LetterPages(
        string kind, string title, List<(string Key, string Label, List<TaxonomyTerm> Terms)> letters, Func<string, string> url, string indexUrl)
    {
        var firstPages = letters.Select(l => new LinkView(l.Label, SiteUrls.LetterPage(indexUrl, l.Key))).ToList();
        for (int n = 0; n < letters.Count; n++)
        {
            var letter = letters[n];
            var letterUrl = firstPages[n].Url!;
            var nav = firstPages.Select((page, i) => i == n ? page with { Url = null } : page).ToList();
            var parts = letter.Terms.Chunk(Lists.TermsPerLetterPage).ToList();
            for (int p = 0; p < parts.Count; p++)
            {
                var partLinks = parts.Count == 1 ? [] : parts.Select((part, i) =>
                    new LinkView(part[0].Name + " – " + part[^1].Name, i == p ? null : SiteUrls.ListPage(letterUrl, i + 1))).ToList();
                yield return (new TermLetterPageView(Site, kind, title, indexUrl, letter.Label, SiteUrls.ListPage(letterUrl, p + 1), CountOf(kind, letter.Terms.Count),
                    nav, parts[p].Select(t => TermLink(t, url)).ToList(), partLinks), p + 1);
            }
        }
    }

    /// <summary>Terms by the first character of their slug: <c>a</c>…<c>z</c>, then <c>0-9</c> (a slug has nothing else); each group in the terms' order.</summary>
    private static List<(string Key, string Label, List<TaxonomyTerm> Terms)> ByLetter(IReadOnlyList<TaxonomyTerm> terms) =>
        terms
            .GroupBy(t => t.Slug.Length > 0 && t.Slug[0] is >= 'a' and <= 'z' ? t.Slug[0].ToString() : "0-9")
            .OrderBy(g => g.Key == "0-9" ? 1 : 0).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => (g.Key, g.Key == "0-9" ? "0–9" : g.Key.ToUpperInvariant(), g.ToList()))
            .ToList();

    /// <summary>"1 topic", "1,234 people".</summary>
    private static string CountOf(string kind, int count) =>
        count == 1 ? $"1 {kind}" : $"{count.ToString("N0", CultureInfo.InvariantCulture)} {PluralOf(kind)}";

    private static string PluralOf(string kind) => kind == "person" ? "people" : kind + "s";

    /// <summary>True when the archive's episodes are more than one page holds (<see cref="ListLimits.ArchiveOnOnePage"/>): each year gets its own page.</summary>
    private bool ArchiveByYear => _archive.Episodes.Count > Lists.ArchiveOnOnePage;

    /// <summary>The episodes by year, newest first, then the undated ones (<c>Year</c> null): grouped once, for <c>archive/</c> and its year pages.</summary>
    private List<(int? Year, List<int> Episodes)> ArchiveYears() =>
        _archiveYears ??= AllNewestFirst.GroupBy(i => DateOf(i)?.Year).Select(y => (y.Key, y.ToList())).ToList();
    private List<(int? Year, List<int> Episodes)>? _archiveYears;

    /// <summary>The page of a year of the archive (<c>archive/2017/</c>), or of its undated episodes.</summary>
    private LinkView YearPage(int? year) => year is { } y
        ? new LinkView(y.ToString(CultureInfo.InvariantCulture), Urls.ArchiveYear(y))
        : new LinkView("Undated", Urls.ArchiveUndated);

    private DateOnly? DateOf(int index) => _archive.Episodes[index].Episode.Date;

    /// <summary>A dated episode's month, by which the archive groups its episodes.</summary>
    private (int Year, int Month) MonthOf(int index)
    {
        var date = DateOf(index)!.Value;
        return (date.Year, date.Month);
    }

    /// <summary>A month's anchor on the archive's pages: <c>y2017-03</c>.</summary>
    private static string MonthId((int Year, int Month) month) => $"y{month.Year}-{month.Month:00}";

    /// <summary>"Mar": a month in the archive's month links.</summary>
    private static string ShortMonthName(int month) => CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(month);

    /// <summary>Dated episodes (newest first) by month, each month's view made as it is taken.</summary>
    private IEnumerable<MonthView> Months(IEnumerable<int> newestFirst) =>
        newestFirst.GroupBy(MonthOf)
            .Select(m => new MonthView(
                CultureInfo.InvariantCulture.DateTimeFormat.GetMonthName(m.Key.Month) + " " + m.Key.Year.ToString(CultureInfo.InvariantCulture),
                MonthId(m.Key),
                ShortMonthName(m.Key.Month),
                m.Select(Card).ToList()));

    /// <summary>
    /// <c>archive/</c>: every episode by year and month; or, when years have their own pages, links
    /// to them and the newest whole months (at least <see cref="ListLimits.ArchiveNewest"/> episodes),
    /// so adding an episode changes this page and its year's, not every year's.
    /// </summary>
    public EpisodeArchiveView EpisodeArchive()
    {
        var years = ArchiveYears();
        var dated = years.Where(y => y.Year is not null).ToList();
        var count = CountLabel(_archive.Episodes.Count);
        if (!ArchiveByYear)
            return new EpisodeArchiveView(Site, count,
                dated.Select(y => new YearView(YearPage(y.Year).Name, $"y{y.Year}", CountLabel(y.Episodes.Count), Months(y.Episodes).ToList())).ToList(),
                years.Where(y => y.Year is null).SelectMany(y => y.Episodes).Select(Card).ToList(), [], [], null);

        var yearPages = years.Select(y =>
        {
            var page = YearPage(y.Year);
            return new YearLinkView(page.Name, page.Url!, CountLabel(y.Episodes.Count));
        }).ToList();
        var newest = new List<MonthView>();
        int shown = 0;
        // Only the months shown are made, not every month of every year.
        foreach (var month in Months(dated.SelectMany(y => y.Episodes)))
        {
            if (shown >= Lists.ArchiveNewest) break;
            newest.Add(month);
            shown += month.Episodes.Count;
        }
        var newestYear = dated.Count > 0 ? YearPage(dated[0].Year) : null;
        return new EpisodeArchiveView(Site, count, [], [], yearPages, newest, newestYear);
    }

    /// <summary>
    /// A page per year and one for the undated episodes, newest first; none when <c>archive/</c>
    /// lists every episode. A year with more than <see cref="ListLimits.EpisodesPerYearPage"/>
    /// episodes continues over pages (<c>archive/2017/page/2/</c>): a month cut by a page break is
    /// headed again on the next page, marked as continued, and each page's month links lead to the
    /// page where the month begins.
    /// </summary>
    public IEnumerable<ArchiveYearPageView> ArchiveYearPages()
    {
        if (!ArchiveByYear) yield break;
        var years = ArchiveYears();
        var yearPages = years.Select(y => YearPage(y.Year)).ToList();
        for (int y = 0; y < years.Count; y++)
        {
            var (year, episodes) = years[y];
            var yearUrl = yearPages[y].Url!;
            var title = year is null ? "Undated episodes" : $"Episodes from {yearPages[y].Name}";
            var count = CountLabel(episodes.Count);
            var yearLinks = yearPages.Select((page, i) => i == y ? page with { Url = null } : page).ToList();
            var newer = y > 0 ? yearPages[y - 1] : null;
            var older = y + 1 < yearPages.Count ? yearPages[y + 1] : null;
            var pages = Pages(episodes, yearUrl, Lists.EpisodesPerYearPage).ToList();
            // The page each of the year's months begins on, newest month first.
            var monthStarts = new List<((int Year, int Month) Month, int Page)>();
            if (year is not null)
                foreach (var (part, page, _) in pages)
                    foreach (var month in part.Select(MonthOf).Distinct())
                        if (monthStarts.Count == 0 || monthStarts[^1].Month != month) monthStarts.Add((month, page));
            foreach (var (part, page, pagination) in pages)
            {
                var months = new List<MonthView>();
                if (year is not null)
                {
                    months.AddRange(Months(part));
                    if (page > 1 && MonthOf(pages[page - 2].Episodes[^1]) == MonthOf(part[0])) months[0] = months[0] with { Continued = true };
                }
                var monthLinks = monthStarts.Select(m => new LinkView(
                    ShortMonthName(m.Month.Month),
                    (m.Page == page ? "" : SiteUrls.ListPage(yearUrl, m.Page)) + "#" + MonthId(m.Month))).ToList();
                yield return new ArchiveYearPageView(Site, title, SiteUrls.ListPage(yearUrl, page), count, yearLinks, monthLinks, months,
                    year is null ? part.Select(Card).ToList() : [], newer, older, pagination);
            }
        }
    }

    private static TermView TermLink(TaxonomyTerm term, Func<string, string> url) => new(term.Name, url(term.Slug), term.Episodes.Count);

    private LinkView SpeakerLink(string name) =>
        new(name, !SpeakerLabel.IsGeneric(name) && PersonOf(name) is { } person ? Urls.Person(person.Slug) : null);

    /// <summary>A topic by its page's name, with the page's URL; the name as given and no URL when it has no page.</summary>
    public LinkView TopicLink(string name) =>
        TopicOf(name) is { } topic ? new LinkView(topic.Name, Urls.Topic(topic.Slug)) : new LinkView(name, null);

    /// <summary>The topic a name spells (its page's name may be spelled otherwise), or null when it has no page.</summary>
    public TaxonomyTerm? TopicOf(string name) => _topics.GetValueOrDefault(Taxonomy.SlugOf(name));

    /// <summary>The person a name spells, or null when they have no page (a generic label such as "Speaker 1" may still spell one).</summary>
    public TaxonomyTerm? PersonOf(string name) => _people.GetValueOrDefault(Taxonomy.SlugOf(name));

    /// <summary>The show an episode names, or null when it names none or one without a page.</summary>
    public TaxonomyTerm? ShowOf(string? name) => name is null ? null : _shows.GetValueOrDefault(Taxonomy.SlugOf(name));

    private LinkView? ShowLink(string? name)
    {
        if (name is null) return null;
        var slug = Taxonomy.SlugOf(name);
        return new LinkView(name, _shows.ContainsKey(slug) ? Urls.Show(slug) : null);
    }

    public static string? FormatDate(DateOnly? date) =>
        date?.ToString("MMMM d, yyyy", CultureInfo.InvariantCulture);

    /// <summary>A date as <c>yyyy-MM-dd</c> (datetime attributes, the sitemap, search records).</summary>
    public static string? IsoDate(DateOnly? date) => date?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>A short plain-text description: the summary, else the start of the transcript.</summary>
    public static string Excerpt(Episode e, int max = 220)
    {
        var text = e.Summary is not null ? MarkdownRenderer.ToPlainText(e.Summary) : e.Paragraphs.FirstOrDefault()?.Text ?? "";
        text = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        return Archive.Core.Normalizing.TitleText.CutAtWord(text, max);
    }
}
