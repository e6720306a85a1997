using Archive.Core.Model;
using Archive.Core.Writing;

namespace Archive.Site.Exporting;

/// <summary>
/// The transcript as text: the archive's own format (Markdown with YAML front matter, see
/// docs/formats.md), readable as it is, and read back exactly — so a visitor can correct a
/// transcript and give it back to the archive.
/// </summary>
public sealed class PlainTextExporter : ITranscriptExporter
{
    public string Suffix => ".txt";
    public string Label => "Plain text";
    public string Format => "TXT";
    public string MediaType => "text/plain";

    public bool CanWrite(Episode episode) => episode.Paragraphs.Count > 0;

    public string Write(Episode episode) => CanonicalMarkdownWriter.Write(episode);
}
