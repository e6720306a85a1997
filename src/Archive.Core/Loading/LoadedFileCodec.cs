using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
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
    private const int HeaderLength = 16;

    // Strict both ways: a string that UTF-8 cannot carry exactly is not cached, and bytes that are
    // not UTF-8 are a damaged entry, not text with replacement characters.
    private static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>The entry's bytes; null when a string cannot be stored exactly (invalid UTF-16).</summary>
    public static byte[]? Encode(string key, LoadedFile file)
    {
        try
        {
            var payload = new Writer();
            payload.String(key);
            Write(payload, file);
            var body = payload.Written;
            var entry = new byte[HeaderLength + body.Length];
            BinaryPrimitives.WriteUInt32LittleEndian(entry, Magic);
            BinaryPrimitives.WriteInt32LittleEndian(entry.AsSpan(4), FormatVersion);
            BinaryPrimitives.WriteInt32LittleEndian(entry.AsSpan(8), body.Length);
            BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(12), Crc32C(body));
            body.CopyTo(entry.AsSpan(HeaderLength));
            return entry;
        }
        catch (EncoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>The entry stored under <paramref name="key"/>, or null when the bytes are not exactly one.</summary>
    public static LoadedFile? Decode(string key, ReadOnlySpan<byte> entry)
    {
        if (entry.Length < HeaderLength
            || BinaryPrimitives.ReadUInt32LittleEndian(entry) != Magic
            || BinaryPrimitives.ReadInt32LittleEndian(entry[4..]) != FormatVersion
            || BinaryPrimitives.ReadInt32LittleEndian(entry[8..]) != entry.Length - HeaderLength)
            return null;
        var body = entry[HeaderLength..];
        if (BinaryPrimitives.ReadUInt32LittleEndian(entry[12..]) != Crc32C(body)) return null;
        try
        {
            var reader = new Reader(body);
            if (reader.String() != key) return null;
            var file = Read(ref reader);
            return reader.AtEnd ? file : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    private static void Write(Writer w, LoadedFile file)
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

    private static LoadedFile Read(ref Reader r)
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

    /// <summary>CRC-32C (Castagnoli), with the CPU's CRC instruction where there is one.</summary>
    internal static uint Crc32C(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        var words = MemoryMarshal.Cast<byte, ulong>(bytes);
        foreach (var word in words) crc = BitOperations.Crc32C(crc, BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word));
        foreach (var b in bytes[(words.Length * sizeof(ulong))..]) crc = BitOperations.Crc32C(crc, b);
        return ~crc;
    }

    private sealed class Writer
    {
        private readonly MemoryStream _stream = new();
        private readonly BinaryWriter _writer;

        public Writer() => _writer = new BinaryWriter(_stream, Utf8);

        public ReadOnlySpan<byte> Written
        {
            get
            {
                _writer.Flush();
                return _stream.GetBuffer().AsSpan(0, (int)_stream.Length);
            }
        }

        public void Count(int count) => _writer.Write7BitEncodedInt(count);
        public void Int32(int value) => _writer.Write(value);
        public void Flag(bool value) => _writer.Write(value);

        public void Time(TimeSpan? time)
        {
            Flag(time.HasValue);
            if (time is { } t) _writer.Write(t.Ticks);
        }

        public void String(string? text)
        {
            if (text is null)
            {
                Count(0);
                return;
            }
            var bytes = Utf8.GetBytes(text);
            Count(bytes.Length + 1);
            _writer.Write(bytes);
        }

        public void Strings(IReadOnlyList<string> texts)
        {
            Count(texts.Count);
            foreach (var text in texts) String(text);
        }

        private readonly Dictionary<string, int> _speakers = new(StringComparer.Ordinal);

        /// <summary>0 for none, 1 and the name the first time, then 2 + the name's number: one string per speaker, not per paragraph.</summary>
        public void Speaker(string? name)
        {
            if (name is null) Count(0);
            else if (_speakers.TryGetValue(name, out int known)) Count(known + 2);
            else
            {
                _speakers.Add(name, _speakers.Count);
                Count(1);
                String(name);
            }
        }
    }

    /// <summary>Reads the payload; every inconsistency is an <see cref="InvalidDataException"/>.</summary>
    private ref struct Reader(ReadOnlySpan<byte> bytes)
    {
        private readonly ReadOnlySpan<byte> _bytes = bytes;
        private int _at;

        public readonly bool AtEnd => _at == _bytes.Length;

        private ReadOnlySpan<byte> Take(int length)
        {
            if (length < 0 || length > _bytes.Length - _at) throw new InvalidDataException("the entry ends early");
            var taken = _bytes.Slice(_at, length);
            _at += length;
            return taken;
        }

        private int Varint()
        {
            uint value = 0;
            for (int shift = 0; shift < 35; shift += 7)
            {
                byte b = Take(1)[0];
                value |= (uint)(b & 0x7F) << shift;
                if ((b & 0x80) == 0) return value <= int.MaxValue ? (int)value : throw new InvalidDataException("a count out of range");
            }
            throw new InvalidDataException("a count out of range");
        }

        /// <summary>A list's length: each item takes at least a byte, so a larger count is damage, not a reason to allocate.</summary>
        public int Count()
        {
            int count = Varint();
            return count <= _bytes.Length - _at ? count : throw new InvalidDataException("a count beyond the entry");
        }

        public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(sizeof(int)));

        public bool Flag() => Take(1)[0] switch
        {
            0 => false,
            1 => true,
            _ => throw new InvalidDataException("a flag that is neither 0 nor 1"),
        };

        public TimeSpan? Time() => Flag() ? TimeSpan.FromTicks(BinaryPrimitives.ReadInt64LittleEndian(Take(sizeof(long)))) : null;

        public DateOnly Date()
        {
            int day = Int32();
            return day >= DateOnly.MinValue.DayNumber && day <= DateOnly.MaxValue.DayNumber
                ? DateOnly.FromDayNumber(day)
                : throw new InvalidDataException("a date out of range");
        }

        public Severity Severity()
        {
            var severity = (Severity)Int32();
            return Enum.IsDefined(severity) ? severity : throw new InvalidDataException("an unknown severity");
        }

        public string? String()
        {
            int length = Varint();
            if (length == 0) return null;
            var utf8 = Take(length - 1);
            try
            {
                return Utf8.GetString(utf8);
            }
            catch (DecoderFallbackException)
            {
                throw new InvalidDataException("text that is not UTF-8");
            }
        }

        public string Required() => String() ?? throw new InvalidDataException("a missing value");

        private List<string>? _speakers;

        public string? Speaker()
        {
            int reference = Varint();
            if (reference == 0) return null;
            _speakers ??= [];
            if (reference == 1)
            {
                var name = Required();
                _speakers.Add(name);
                return name;
            }
            return reference - 2 < _speakers.Count ? _speakers[reference - 2] : throw new InvalidDataException("a speaker not named before");
        }

        public string[] Strings()
        {
            var texts = new string[Count()];
            for (int i = 0; i < texts.Length; i++) texts[i] = Required();
            return texts;
        }
    }
}
