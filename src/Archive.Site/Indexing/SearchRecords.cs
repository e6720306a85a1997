using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json;
using Archive.Core.Loading;
using Archive.Core.Model;
using Archive.Core.Text;
using Archive.Site.Rendering;

namespace Archive.Site.Indexing;

/// <summary>
/// What Pagefind indexes of an episode: a small HTML document per episode holding its title,
/// summary, chapter headings and transcript, and nothing else, so navigation, facts, related
/// episodes and downloads can never reach the index, and Pagefind parses a fraction of a page.
/// <list type="bullet">
/// <item>Every paragraph is a sub-result: its page id (<see cref="EpisodeAnchors"/>, the same the
/// page uses) and a <c>data-pagefind-title</c> of <c>12:34 · Speaker</c>, so a result lands on the
/// moment. The text sits in a child element, so the anchor itself carries no copy of it.</item>
/// <item>Chapter headings keep their ids, so words in a chapter's title lead to the chapter.</item>
/// <item>Filters: show, speaker, topic, year. Every value depends on the episode and the
/// configuration alone, so a new episode leaves older episodes' records as they were and a rebuild
/// re-indexes only its partition: the topic filter holds the topics the episode is named (its
/// metadata, archive.yml's <c>add</c> rules), not those found in its text, which shift with every
/// episode added (phrases crossing the support threshold, the IDF of a larger archive).
/// Sorts: <c>newest</c> and <c>oldest</c>, the date both times but for undated episodes, which
/// sort last either way. Meta: the title only, because Pagefind
/// makes every meta value searchable; the other facts a result shows (date, length, how to play
/// the media at a time) ride in the title of an empty anchor after the last word
/// (<see cref="FactsId"/>), which no hit can follow, so it is never a sub-result.</item>
/// </list>
/// </summary>
public sealed class SearchRecords
{
    /// <summary>The id of the element whose <c>data-pagefind-title</c> holds the episode's facts as JSON.</summary>
    public const string FactsId = "episode-facts";
    /// <summary>Sort keys: the date, sorted descending and ascending; undated episodes sort last with either.</summary>
    public const string NewestFirst = "newest", OldestFirst = "oldest";
    /// <summary>Where a play URL template wants the seconds.</summary>
    public const string SecondsPlaceholder = "{t}";

    private readonly LoadedArchive _archive;
    // How the pages spell a show, a person or a topic: the filters say it as the pages do.
    private readonly ViewFactory _views;

    public SearchRecords(LoadedArchive archive, ViewFactory views)
    {
        _archive = archive;
        _views = views;
    }

    /// <summary>The site-relative path Pagefind reads the record from; its URL is the episode page's.</summary>
    public string PathOf(int episode) => "episodes/" + _archive.Episodes[episode].Slug + "/index.html";

    /// <summary>The facts a result shows besides its title and show (serialized into <see cref="FactsId"/>'s title).</summary>
    public sealed record Facts(string? Date, string? DateIso, string? Duration, string? Play);

    public string Html(int episode)
    {
        var ae = _archive.Episodes[episode];
        var e = ae.Episode;
        var sb = new StringBuilder(e.Paragraphs.Sum(p => p.Text.Length + 80) + 2048);
        sb.Append("<!DOCTYPE html>\n<html lang=\"").Append(Encode(_archive.Config.Language)).Append("\">\n<head><meta charset=\"utf-8\"><title>")
          .Append(Encode(e.Title)).Append("</title></head>\n<body>\n<main data-pagefind-body>\n<h1 data-pagefind-meta=\"title\">")
          .Append(Encode(e.Title)).Append("</h1>\n");
        if (e.Summary is not null)
            sb.Append("<p>").Append(Encode(MarkdownRenderer.ToPlainText(e.Summary))).Append("</p>\n");

        var chapterIds = EpisodeAnchors.Chapters(e);
        int chapter = -1;
        void Heading(int c)
        {
            var title = e.Chapters[c].Title;
            sb.Append("<h2 id=\"").Append(Encode(chapterIds[c])).Append("\" data-pagefind-title=\"")
              .Append(Encode(MomentTitle(e.Chapters[c].Start, title))).Append("\">").Append(Encode(title)).Append("</h2>\n");
        }
        for (int i = 0; i < e.Paragraphs.Count; i++)
        {
            while (chapter + 1 < e.Chapters.Count && e.Chapters[chapter + 1].FirstParagraph <= i) Heading(++chapter);
            var p = e.Paragraphs[i];
            sb.Append("<div id=\"").Append(Encode(EpisodeAnchors.Paragraph(e, i))).Append("\" data-pagefind-title=\"")
              .Append(Encode(MomentTitle(p.Start, p.Speaker) is { Length: > 0 } title ? title : "¶ " + (i + 1).ToString(CultureInfo.InvariantCulture)))
              .Append("\"><p>").Append(Encode(p.Text)).Append("</p></div>\n");
        }
        while (chapter + 1 < e.Chapters.Count) Heading(++chapter);

        var media = MediaLink.From(e.MediaUrl);
        var facts = new Facts(
            ViewFactory.FormatDate(e.Date), ViewFactory.IsoDate(e.Date),
            e.Duration is { } d ? Timecode.Format(d) : null,
            media?.Template(SecondsPlaceholder));
        sb.Append("<span id=\"").Append(FactsId).Append("\" data-pagefind-title=\"")
          .Append(Encode(JsonSerializer.Serialize(facts, FactsJson))).Append("\"></span>\n</main>\n");

        // Outside data-pagefind-body: filters and the sort key, never indexed as words.
        foreach (var (key, value) in Filters(ae))
            sb.Append("<span data-pagefind-filter=\"").Append(key).Append("\">").Append(Encode(value)).Append("</span>\n");
        var iso = ViewFactory.IsoDate(e.Date);
        sb.Append("<span data-pagefind-sort=\"").Append(NewestFirst).Append("\">").Append(iso ?? "0000-00-00").Append("</span>\n");
        sb.Append("<span data-pagefind-sort=\"").Append(OldestFirst).Append("\">").Append(iso ?? "9999-99-99").Append("</span>\n");
        sb.Append("</body>\n</html>\n");
        return sb.ToString();
    }

    private static readonly JsonSerializerOptions FactsJson = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = System.Text.Json.Serialization.JsonIgnoreCondition.WhenWritingNull,
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    /// <summary>A moment's sub-result title: <c>12:34 · Speaker</c>, or what of it is known.</summary>
    public static string MomentTitle(TimeSpan? time, string? label) =>
        string.Join(" · ", new[] { time is { } t ? Timecode.Format(t) : null, label }.Where(s => !string.IsNullOrWhiteSpace(s)));

    /// <summary>An episode's filter values: the only part of its record that comes from the rest of the archive (how names are spelled, which named topics are topics).</summary>
    private IEnumerable<(string Key, string Value)> Filters(ArchiveEpisode ae)
    {
        var e = ae.Episode;
        if (e.Show is not null) yield return ("show", _views.ShowOf(e.Show)?.Name ?? e.Show);
        foreach (var speaker in e.Speakers.Where(s => !SpeakerLabel.IsGeneric(s)).Select(s => _views.PersonOf(s)?.Name ?? s).Distinct(StringComparer.Ordinal))
            yield return ("speaker", speaker);
        // Named topics only: a topic found in the text depends on the whole archive, so one new
        // episode would change the records (and the index) of older episodes in every partition.
        foreach (var topic in ae.NamedTopics.Select(_views.TopicOf).OfType<TaxonomyTerm>().Select(t => t.Name).Distinct(StringComparer.Ordinal))
            yield return ("topic", topic);
        if (e.Date is { } date) yield return ("year", date.Year.ToString(CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// What the episode's record is made from, to tell whether it changed without making it: the
    /// code, the episode (its source key, see <see cref="LoadedArchive.EpisodeSourceKeys"/>), its
    /// slug, the site's language and its filter values. An episode without a source key (enrich made
    /// it anew) is identified by its record itself.
    /// </summary>
    public string Identity(int episode)
    {
        var sourceKey = _archive.SourceKeyOf(episode);
        if (sourceKey is null) return Html(episode);
        var ae = _archive.Episodes[episode];
        var identity = new StringBuilder("record ").Append(PageFingerprints.CodeVersion).Append('\n').Append(sourceKey).Append('\n')
            .Append(ae.Slug).Append('\n').Append(_archive.Config.Language).Append('\n');
        foreach (var (key, value) in Filters(ae)) identity.Append(key).Append('=').Append(value).Append('\n');
        return identity.ToString();
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
