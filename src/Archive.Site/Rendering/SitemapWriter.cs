using Archive.Site.Writing;

namespace Archive.Site.Rendering;

/// <summary>
/// <c>sitemap.xml</c> listing every page. Locations are absolute when the archive has a site URL
/// (<c>url:</c> in archive.yml), as the protocol wants; otherwise root-relative.
/// </summary>
public static class SitemapWriter
{
    public sealed record Entry(string Url, string? LastModified);

    public static OutputFile Write(IEnumerable<Entry> entries, string? siteUrl)
    {
        return XmlOutput.Write("sitemap.xml", xml =>
        {
            xml.WriteStartElement("urlset", "http://www.sitemaps.org/schemas/sitemap/0.9");
            foreach (var entry in entries)
            {
                xml.WriteStartElement("url");
                xml.WriteElementString("loc", (siteUrl ?? "") + entry.Url);
                if (entry.LastModified is not null) xml.WriteElementString("lastmod", entry.LastModified);
                xml.WriteEndElement();
            }
            xml.WriteEndElement();
        });
    }
}
