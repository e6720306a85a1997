using System.Globalization;
using System.Text;
using System.Xml;
using Archive.Core.Loading;
using Archive.Core.Model;
using Archive.Site.Exporting;
using Archive.Site.Writing;

namespace Archive.Site.Rendering;

/// <summary>
/// The site's feeds and <c>robots.txt</c>. URLs are absolute when the archive has a site URL
/// (<c>url:</c> in archive.yml), else root-relative. Nothing depends on the time of the build:
/// a feed's date is its newest episode's, so the output stays deterministic.
/// <list type="bullet">
/// <item><c>feed.xml</c>: Atom, the <see cref="AtomEntries"/> newest episodes of the archive.</item>
/// <item><c>shows/x/podcast.xml</c>: RSS 2.0 per show, every episode, with the Podcasting 2.0
/// <c>podcast:transcript</c> and <c>podcast:chapters</c> tags pointing at the episode's published
/// transcript and chapters downloads, and an enclosure when its media is an audio or video file.</item>
/// </list>
/// </summary>
public sealed class Feeds(LoadedArchive archive, ViewFactory views)
{
    /// <summary>How many of the newest episodes the Atom feed carries (a show's podcast feed carries them all).</summary>
    public const int AtomEntries = 50;
    private const string AtomNs = "http://www.w3.org/2005/Atom";
    private const string PodcastNs = "https://podcastindex.org/namespace/1.0";
    private const string ItunesNs = "http://www.itunes.com/dtds/podcast-1.0.dtd";
    private const string ChaptersType = "application/json+chapters";

    private SiteUrls Urls => views.Urls;
    private string? SiteUrl => archive.Config.SiteUrl;
    private string Absolute(string url) => (SiteUrl ?? "") + url;

    /// <summary>An Atom id must be an absolute IRI: the absolute URL, or a URN of the path without a site URL.</summary>
    private string AtomId(string url) => SiteUrl is null ? "urn:archive:" + url : SiteUrl + url;

    /// <summary>The feed's date: of episodes in <see cref="ViewFactory.NewestFirst"/> order (undated last), the first dated one's.</summary>
    private DateOnly? NewestDate(IEnumerable<int> newestFirst) =>
        newestFirst.Select(i => archive.Episodes[i].Episode.Date).FirstOrDefault(d => d is not null);

    public OutputFile Atom()
    {
        var config = archive.Config;
        var newest = views.AllNewestFirst.Take(AtomEntries).ToList();
        var latest = NewestDate(newest);
        return XmlOutput.Write(Urls.FileFor(Urls.Feed), xml =>
        {
            xml.WriteStartElement("feed", AtomNs);
            xml.WriteAttributeString("xml", "lang", null, config.Language);
            xml.WriteElementString("id", AtomNs, AtomId(Urls.Feed));
            xml.WriteElementString("title", AtomNs, config.Title);
            if (config.Description is { } description) xml.WriteElementString("subtitle", AtomNs, description);
            xml.WriteElementString("updated", AtomNs, AtomDate(latest));
            Link(xml, "self", Absolute(Urls.Feed), "application/atom+xml");
            Link(xml, "alternate", Absolute(Urls.Home), "text/html");
            xml.WriteStartElement("author", AtomNs);
            xml.WriteElementString("name", AtomNs, config.Title);
            xml.WriteEndElement();
            xml.WriteStartElement("generator", AtomNs);
            xml.WriteAttributeString("version", SiteGenerator.Version);
            xml.WriteString(SiteGenerator.Name);
            xml.WriteEndElement();
            foreach (var i in newest)
            {
                var ae = archive.Episodes[i];
                var e = ae.Episode;
                var url = Urls.Episode(ae.Slug);
                xml.WriteStartElement("entry", AtomNs);
                xml.WriteElementString("id", AtomNs, AtomId(url));
                xml.WriteElementString("title", AtomNs, e.Title);
                // Undated episodes (listed after the dated ones) take the feed's date.
                xml.WriteElementString("updated", AtomNs, AtomDate(e.Date ?? latest));
                if (e.Date is { } date) xml.WriteElementString("published", AtomNs, AtomDate(date));
                Link(xml, "alternate", Absolute(url), "text/html");
                if (MediaLink.From(e.MediaUrl) is { FileType: { } type } media) Link(xml, "enclosure", media.Url, type);
                foreach (var topic in TopicNames(ae))
                {
                    xml.WriteStartElement("category", AtomNs);
                    xml.WriteAttributeString("term", topic);
                    xml.WriteEndElement();
                }
                xml.WriteStartElement("summary", AtomNs);
                xml.WriteAttributeString("type", "text");
                xml.WriteString(ViewFactory.Excerpt(e, 600));
                xml.WriteEndElement();
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });
    }

    public OutputFile Podcast(TaxonomyTerm show)
    {
        var config = archive.Config;
        var episodes = views.ShowNewestFirst(show);
        var latest = NewestDate(episodes);
        var feedUrl = Urls.ShowFeed(show.Slug);
        return XmlOutput.Write(Urls.FileFor(feedUrl), xml =>
        {
            xml.WriteStartElement("rss");
            xml.WriteAttributeString("version", "2.0");
            xml.WriteAttributeString("xmlns", "atom", null, AtomNs);
            xml.WriteAttributeString("xmlns", "itunes", null, ItunesNs);
            xml.WriteAttributeString("xmlns", "podcast", null, PodcastNs);
            xml.WriteStartElement("channel");
            xml.WriteElementString("title", show.Name);
            xml.WriteElementString("link", Absolute(Urls.Show(show.Slug)));
            xml.WriteElementString("description", $"Every episode of {show.Name} with its transcript, from {config.Title}.");
            xml.WriteElementString("language", config.Language);
            xml.WriteElementString("generator", SiteGenerator.NameAndVersion);
            if (latest is { } newest) xml.WriteElementString("lastBuildDate", RssDate(newest));
            if (SiteUrl is not null)
            {
                xml.WriteStartElement("atom", "link", AtomNs);
                xml.WriteAttributeString("href", Absolute(feedUrl));
                xml.WriteAttributeString("rel", "self");
                xml.WriteAttributeString("type", "application/rss+xml");
                xml.WriteEndElement();
            }
            xml.WriteElementString("itunes", "author", ItunesNs, config.Title);
            foreach (var i in episodes) Item(xml, archive.Episodes[i]);
            xml.WriteEndElement();
            xml.WriteEndElement();
        });
    }

    private void Item(XmlWriter xml, ArchiveEpisode ae)
    {
        var e = ae.Episode;
        var url = Absolute(Urls.Episode(ae.Slug));
        xml.WriteStartElement("item");
        xml.WriteElementString("title", e.Title);
        xml.WriteElementString("link", url);
        xml.WriteStartElement("guid");
        xml.WriteAttributeString("isPermaLink", SiteUrl is null ? "false" : "true");
        xml.WriteString(url);
        xml.WriteEndElement();
        if (e.Date is { } date) xml.WriteElementString("pubDate", RssDate(date));
        xml.WriteElementString("description", ViewFactory.Excerpt(e, 2000));
        if (MediaLink.From(e.MediaUrl) is { FileType: { } type } media)
        {
            // The length of a linked file is not known to the archive; 0 says so.
            xml.WriteStartElement("enclosure");
            xml.WriteAttributeString("url", media.Url);
            xml.WriteAttributeString("length", "0");
            xml.WriteAttributeString("type", type);
            xml.WriteEndElement();
        }
        if (e.Duration is { } duration) xml.WriteElementString("itunes", "duration", ItunesNs, Timecode.FormatLong(duration));
        foreach (var exporter in TranscriptExporters.For(e))
        {
            var file = Absolute(Urls.EpisodeFile(ae.Slug, exporter.Suffix));
            bool chapters = exporter.MediaType == ChaptersType;
            xml.WriteStartElement("podcast", chapters ? "chapters" : "transcript", PodcastNs);
            xml.WriteAttributeString("url", file);
            xml.WriteAttributeString("type", exporter.MediaType);
            if (!chapters)
            {
                xml.WriteAttributeString("language", archive.Config.Language);
                // Timed cue files are captions a player can show in time.
                if (exporter.MediaType is "text/vtt" or "application/x-subrip") xml.WriteAttributeString("rel", "captions");
            }
            xml.WriteEndElement();
        }
        xml.WriteEndElement();
    }

    /// <summary>Lets every crawler in and, with a site URL, names the sitemap (it must be absolute).</summary>
    public OutputFile Robots()
    {
        var text = new StringBuilder("User-agent: *\nAllow: /\n");
        if (SiteUrl is not null) text.Append("\nSitemap: ").Append(Absolute(Urls.Sitemap)).Append('\n');
        return OutputFile.Text("robots.txt", text.ToString());
    }

    /// <summary>The episode's topics that have a page, by their pages' names.</summary>
    private IEnumerable<string> TopicNames(ArchiveEpisode ae) =>
        ae.Topics.Select(views.TopicOf).OfType<TaxonomyTerm>().Select(t => t.Name).Distinct(StringComparer.Ordinal);

    private static void Link(XmlWriter xml, string rel, string href, string type)
    {
        xml.WriteStartElement("link", AtomNs);
        xml.WriteAttributeString("rel", rel);
        xml.WriteAttributeString("type", type);
        xml.WriteAttributeString("href", href);
        xml.WriteEndElement();
    }

    private static string AtomDate(DateOnly? date) =>
        (date ?? DateOnly.FromDateTime(DateTime.UnixEpoch)).ToString("yyyy-MM-dd", CultureInfo.InvariantCulture) + "T00:00:00Z";

    private static string RssDate(DateOnly date) => date.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc).ToString("r", CultureInfo.InvariantCulture);
}
