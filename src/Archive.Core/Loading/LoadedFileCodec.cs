using Archive.Core.Diagnostics;
using Archive.Core.Model;

namespace Archive.Core.Loading;

/// <summary>
/// The load cache's entry format: a <see cref="LoadedFile"/> as compact binary. JSON, read through
/// System.Text.Json's path for records with constructor parameters, took 3x as long to restore
/// 1,000 one-hour episodes and made much garbage; this reads exact-sized arrays and allocates
/// little besides the strings it returns (docs/performance.md).
/// <para>
/// Layout: the magic <c>ARLC</c>, <see cref="FormatVersion"/> (int32), the payload's length
/// (int32) and CRC-32C (uint32), then the payload: the entry's key, then the fields in declaration
/// order. Strings are a 7-bit count (0 for null, else UTF-8 byte length + 1) and their UTF-8 bytes
/// (a paragraph's speaker is named once per entry and then referred to by number);
/// lists a 7-bit count and their items; optional values a flag byte and the value; integers
/// little-endian. Anything that does not fit (wrong magic, version, length, checksum, key, a count
/// beyond the bytes left, a null where a value is required) makes the entry a miss, never an error
/// and never wrong data. A property added to the model must be added here: the round-trip test
/// sets every property and fails until it is.
/// </para>
/// </summary>
internal static class LoadedFileCodec
{
    /// <summary>Part of the cache's code version, so a change of layout never reads an older entry.</summary>
    public const int FormatVersion = 2;

    private const uint Magic = 0x434C5241; // "ARLC" little-endian

    /// <summary>The entry's bytes; null when a string cannot be stored exactly (invalid UTF-16).</summary>
    public static byte[]? Encode(string key, LoadedFile file) => BinaryEntry.Encode(Magic, FormatVersion, key, w => Write(w, file));

    /// <summary>The entry stored under <paramref name="key"/>, or null when the bytes are not exactly one.</summary>
    public static LoadedFile? Decode(string key, ReadOnlySpan<byte> entry) => BinaryEntry.Decode(Magic, FormatVersion, key, entry, Read);

    private static void Write(EntryWriter w, LoadedFile file)
    {
        w.String(file.Format);
        w.Count(file.Episodes.Count);
        foreach (var e in file.Episodes)
        {
            w.String(e.Title);
            w.String(e.Show);
            w.Flag(e.Date.HasValue);
            if (e.Date is { } date) w.Int32(date.DayNumber);
            w.Time(e.Duration);
            w.Strings(e.Speakers);
            w.Strings(e.Topics);
            w.String(e.Summary);
            w.String(e.MediaUrl);
            w.Count(e.Chapters.Count);
            foreach (var c in e.Chapters)
            {
                w.String(c.Title);
                w.Time(c.Start);
                w.Int32(c.FirstParagraph);
            }
            w.Count(e.Paragraphs.Count);
            foreach (var p in e.Paragraphs)
            {
                w.Speaker(p.Speaker);
                w.Time(p.Start);
                w.String(p.Text);
            }
            w.String(e.Source.Path);
            w.Int32(e.Source.Line);
            w.Flag(e.Truncated);
            w.String(e.RequestedSlug);
        }
        w.Count(file.Diagnostics.Count);
        foreach (var d in file.Diagnostics)
        {
            w.Int32((int)d.Severity);
            w.String(d.Path);
            w.Int32(d.Line);
            w.String(d.Message);
        }
    }

    private static LoadedFile Read(ref EntryReader r)
    {
        var format = r.String();
        var episodes = new Episode[r.Count()];
        for (int i = 0; i < episodes.Length; i++)
        {
            var title = r.Required();
            var show = r.String();
            DateOnly? date = r.Flag() ? r.Date() : null;
            var duration = r.Time();
            var speakers = r.Strings();
            var topics = r.Strings();
            var summary = r.String();
            var mediaUrl = r.String();
            var chapters = new Chapter[r.Count()];
            for (int c = 0; c < chapters.Length; c++)
                chapters[c] = new Chapter(r.Required(), r.Time(), r.Int32());
            var paragraphs = new Paragraph[r.Count()];
            for (int p = 0; p < paragraphs.Length; p++)
                paragraphs[p] = new Paragraph(r.Speaker(), r.Time(), r.Required());
            episodes[i] = new Episode
            {
                Title = title, Show = show, Date = date, Duration = duration, Speakers = speakers, Topics = topics,
                Summary = summary, MediaUrl = mediaUrl, Chapters = chapters, Paragraphs = paragraphs,
                Source = new SourceRef(r.Required(), r.Int32()), Truncated = r.Flag(), RequestedSlug = r.String(),
            };
        }
        var diagnostics = new Diagnostic[r.Count()];
        for (int d = 0; d < diagnostics.Length; d++)
            diagnostics[d] = new Diagnostic(r.Severity(), r.Required(), r.Int32(), r.Required());
        return new LoadedFile(format, episodes, diagnostics);
    }
}
