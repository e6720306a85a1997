using System.Text;
using System.Xml;
using Archive.Site.Writing;

namespace Archive.Site.Rendering;

/// <summary>An XML file of the site (sitemap, feeds): UTF-8 without a byte order mark, indented, '\n' line ends.</summary>
public static class XmlOutput
{
    public static OutputFile Write(string path, Action<XmlWriter> write)
    {
        var settings = new XmlWriterSettings { Indent = true, Encoding = new UTF8Encoding(false), NewLineChars = "\n" };
        using var stream = new MemoryStream();
        using (var xml = XmlWriter.Create(stream, settings))
        {
            xml.WriteStartDocument();
            write(xml);
            xml.WriteEndDocument();
        }
        return new OutputFile(path, stream.ToArray());
    }
}
