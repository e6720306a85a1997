using System.Buffers.Binary;
using System.Numerics;
using System.Runtime.InteropServices;
using System.Text;
using Archive.Core.Diagnostics;

namespace Archive.Core.Loading;

/// <summary>
/// The frame of a binary cache entry (<see cref="LoadedFileCodec"/>, <see cref="EpisodeDigestCodec"/>):
/// a magic number, the format's version (int32), the payload's length (int32) and its CRC-32C
/// (uint32), then the payload, written with <see cref="EntryWriter"/> and read with
/// <see cref="EntryReader"/>. Bytes that do not fit the frame are a miss, never an error.
/// </summary>
internal static class BinaryEntry
{
    public const int HeaderLength = 16;

    // Strict both ways: a string that UTF-8 cannot carry exactly is not cached, and bytes that are
    // not UTF-8 are a damaged entry, not text with replacement characters.
    public static readonly UTF8Encoding Utf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    /// <summary>Reads an entry's payload after its key; throws <see cref="InvalidDataException"/> on anything that does not fit.</summary>
    public delegate T? PayloadReader<T>(ref EntryReader reader) where T : class;

    /// <summary>The entry of <paramref name="key"/> and what <paramref name="write"/> writes after it; null when a string cannot be stored exactly (invalid UTF-16).</summary>
    public static byte[]? Encode(uint magic, int version, string key, Action<EntryWriter> write)
    {
        try
        {
            var payload = new EntryWriter();
            payload.String(key);
            write(payload);
            return Frame(magic, version, payload);
        }
        catch (EncoderFallbackException)
        {
            return null;
        }
    }

    /// <summary>What <paramref name="read"/> makes of the entry stored under <paramref name="key"/>, or null when the bytes are not exactly one.</summary>
    public static T? Decode<T>(uint magic, int version, string key, ReadOnlySpan<byte> entry, PayloadReader<T> read) where T : class
    {
        if (!TryUnframe(magic, version, entry, out var body)) return null;
        try
        {
            var reader = new EntryReader(body);
            if (reader.String() != key) return null;
            var value = read(ref reader);
            return reader.AtEnd ? value : null;
        }
        catch (InvalidDataException)
        {
            return null;
        }
    }

    /// <summary>The entry: the header, then what <paramref name="payload"/> holds.</summary>
    private static byte[] Frame(uint magic, int version, EntryWriter payload)
    {
        var body = payload.Written;
        var entry = new byte[HeaderLength + body.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(entry, magic);
        BinaryPrimitives.WriteInt32LittleEndian(entry.AsSpan(4), version);
        BinaryPrimitives.WriteInt32LittleEndian(entry.AsSpan(8), body.Length);
        BinaryPrimitives.WriteUInt32LittleEndian(entry.AsSpan(12), Crc32C(body));
        body.CopyTo(entry.AsSpan(HeaderLength));
        return entry;
    }

    /// <summary>The payload of an entry with this magic and version, whole and unchanged; false otherwise.</summary>
    private static bool TryUnframe(uint magic, int version, ReadOnlySpan<byte> entry, out ReadOnlySpan<byte> body)
    {
        body = default;
        if (entry.Length < HeaderLength
            || BinaryPrimitives.ReadUInt32LittleEndian(entry) != magic
            || BinaryPrimitives.ReadInt32LittleEndian(entry[4..]) != version
            || BinaryPrimitives.ReadInt32LittleEndian(entry[8..]) != entry.Length - HeaderLength)
            return false;
        body = entry[HeaderLength..];
        return BinaryPrimitives.ReadUInt32LittleEndian(entry[12..]) == Crc32C(body);
    }

    /// <summary>CRC-32C (Castagnoli), with the CPU's CRC instruction where there is one.</summary>
    public static uint Crc32C(ReadOnlySpan<byte> bytes)
    {
        uint crc = 0xFFFFFFFF;
        var words = MemoryMarshal.Cast<byte, ulong>(bytes);
        foreach (var word in words) crc = BitOperations.Crc32C(crc, BitConverter.IsLittleEndian ? word : BinaryPrimitives.ReverseEndianness(word));
        foreach (var b in bytes[(words.Length * sizeof(ulong))..]) crc = BitOperations.Crc32C(crc, b);
        return ~crc;
    }
}

internal sealed class EntryWriter
{
    private readonly MemoryStream _stream = new();
    private readonly BinaryWriter _writer;

    public EntryWriter() => _writer = new BinaryWriter(_stream, BinaryEntry.Utf8);

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
    /// <summary>A number that is never negative, in as few bytes as it needs.</summary>
    public void Natural(int value) => _writer.Write7BitEncodedInt(value);
    /// <summary>A list of 64-bit words, little-endian, in one block.</summary>
    public void Words(ReadOnlySpan<ulong> words)
    {
        Count(words.Length);
        if (BitConverter.IsLittleEndian) _writer.Write(MemoryMarshal.AsBytes(words));
        else foreach (var word in words) _writer.Write(word);
    }

    public void Bytes(ReadOnlySpan<byte> bytes)
    {
        Count(bytes.Length);
        _writer.Write(bytes);
    }
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
        var bytes = BinaryEntry.Utf8.GetBytes(text);
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
internal ref struct EntryReader(ReadOnlySpan<byte> bytes)
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

    /// <summary>A number written by <see cref="EntryWriter.Natural"/>.</summary>
    public int Natural() => Varint();

    public byte[] Bytes() => Take(Count()).ToArray();

    /// <summary>A list written by <see cref="EntryWriter.Words"/>.</summary>
    public ulong[] Words()
    {
        var words = new ulong[Count(sizeof(ulong))];
        var bytes = Take(words.Length * sizeof(ulong));
        if (BitConverter.IsLittleEndian) bytes.CopyTo(MemoryMarshal.AsBytes(words.AsSpan()));
        else for (int i = 0; i < words.Length; i++) words[i] = BinaryPrimitives.ReadUInt64LittleEndian(bytes[(i * sizeof(ulong))..]);
        return words;
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
    public int Count() => Count(1);

    public int Int32() => BinaryPrimitives.ReadInt32LittleEndian(Take(sizeof(int)));

    /// <summary>A list of <paramref name="size"/>-byte items: its count, checked against the bytes left.</summary>
    public int Count(int size)
    {
        int count = Varint();
        return (long)count * size <= _bytes.Length - _at ? count : throw new InvalidDataException("a count beyond the entry");
    }

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
            return BinaryEntry.Utf8.GetString(utf8);
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
