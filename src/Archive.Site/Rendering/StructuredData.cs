using System.Text.Json;
using Archive.Core.Loading;
using Archive.Core.Model;
using Archive.Core.Text;
using Archive.Site.Exporting;

namespace Archive.Site.Rendering;

/// <summary>
/// JSON-LD (schema.org) for pages: a <c>PodcastEpisode</c> whose chapters are <c>Clip</c>s, a
/// <c>PodcastSeries</c> per show, the <c>WebSite</c> with its search. The JSON is written with
/// every <c>&lt;</c>, <c>&gt;</c> and <c>&amp;</c> escaped, so it cannot close the
/// <c>&lt;script&gt;</c> element it sits in whatever a title says.
/// </summary>
public sealed class StructuredData(SiteUrls urls, string? siteUrl)
{
    /// <summary>Absolute when the archive has a site URL, else root-relative.</summary>
    public string Absolute(string url) => (siteUrl ?? "") + url;

    public string Episode(ArchiveEpisode ae, string description) => Write(json =>
    {
        var e = ae.Episode;
        var url = urls.Episode(ae.Slug);
        json.WriteStartObject();
        json.WriteString("@context", "https://schema.org");
        json.WriteString("@type", "PodcastEpisode");
        json.WriteString("name", e.Title);
        json.WriteString("url", Absolute(url));
        json.WriteString("description", description);
        if (e.Date is { } date) json.WriteString("datePublished", ViewFactory.IsoDate(date));
        if (e.Duration is { } duration) json.WriteString("duration", Timecode.Iso8601(duration));
        if (e.Show is { } show)
        {
            json.WriteStartObject("partOfSeries");
            json.WriteString("@type", "PodcastSeries");
            json.WriteString("name", show);
            json.WriteString("url", Absolute(urls.Show(Archive.Core.Enriching.Taxonomy.SlugOf(show))));
            json.WriteEndObject();
        }
        if (MediaLink.From(e.MediaUrl) is { } media)
        {
            json.WriteStartObject("associatedMedia");
            json.WriteString("@type", media.Kind == MediaLink.MediaKind.Audio ? "AudioObject" : media.Kind == MediaLink.MediaKind.Page ? "MediaObject" : "VideoObject");
            json.WriteString(media.Kind == MediaLink.MediaKind.Page ? "url" : "contentUrl", media.Url);
            json.WriteEndObject();
        }
        var people = e.Speakers.Where(s => !SpeakerLabel.IsGeneric(s)).ToList();
        if (people.Count > 0)
        {
            json.WriteStartArray("actor");
            foreach (var person in people)
            {
                json.WriteStartObject();
                json.WriteString("@type", "Person");
                json.WriteString("name", person);
                json.WriteString("url", Absolute(urls.Person(Archive.Core.Enriching.Taxonomy.SlugOf(person))));
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        if (ae.Topics.Count > 0) json.WriteString("keywords", string.Join(", ", ae.Topics));
        if (e.Chapters.Count > 0)
        {
            var ids = EpisodeAnchors.Chapters(e);
            var end = e.Duration ?? (CueTimes.AllTimed(e) ? CueTimes.Of(e)[^1].End : (TimeSpan?)null);
            json.WriteStartArray("hasPart");
            for (int i = 0; i < e.Chapters.Count; i++)
            {
                var start = PodcastChaptersJsonExporter.StartOf(e, e.Chapters[i]);
                var next = i + 1 < e.Chapters.Count ? PodcastChaptersJsonExporter.StartOf(e, e.Chapters[i + 1]) : end;
                json.WriteStartObject();
                json.WriteString("@type", "Clip");
                json.WriteString("name", e.Chapters[i].Title);
                json.WriteNumber("position", i + 1);
                if (start is { } s)
                {
                    json.WriteNumber("startOffset", (long)s.TotalSeconds);
                    if (next is { } n && n > s) json.WriteNumber("endOffset", (long)n.TotalSeconds);
                }
                json.WriteString("url", Absolute(url) + "#" + ids[i]);
                json.WriteEndObject();
            }
            json.WriteEndArray();
        }
        json.WriteEndObject();
    });

    public string Series(TaxonomyTerm show, string description) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("@context", "https://schema.org");
        json.WriteString("@type", "PodcastSeries");
        json.WriteString("name", show.Name);
        json.WriteString("url", Absolute(urls.Show(show.Slug)));
        json.WriteString("description", description);
        json.WriteEndObject();
    });

    public string WebSite(string title, string? description, bool hasSearch) => Write(json =>
    {
        json.WriteStartObject();
        json.WriteString("@context", "https://schema.org");
        json.WriteString("@type", "WebSite");
        json.WriteString("name", title);
        if (description is not null) json.WriteString("description", description);
        json.WriteString("url", Absolute(urls.Home));
        if (hasSearch)
        {
            json.WriteStartObject("potentialAction");
            json.WriteString("@type", "SearchAction");
            json.WriteString("target", Absolute(urls.Search) + "?q={search_term_string}");
            json.WriteString("query-input", "required name=search_term_string");
            json.WriteEndObject();
        }
        json.WriteEndObject();
    });

    private static string Write(Action<Utf8JsonWriter> write)
    {
        using var stream = new MemoryStream();
        // The default encoder escapes <, >, & and quotes as \uXXXX: safe inside <script>.
        using (var json = new Utf8JsonWriter(stream, new JsonWriterOptions { Indented = false })) write(json);
        return System.Text.Encoding.UTF8.GetString(stream.ToArray());
    }
}
