using System.Text;

namespace Archive.Core.Reading;

/// <summary>
/// Turns a file's bytes into text: UTF-8 with or without BOM, UTF-16 and UTF-32 with BOM, and
/// Windows-1252 for text that is not valid UTF-8 (what older Windows tools write).
/// Binary files are refused rather than read as garbage.
/// </summary>
public static class SourceDecoder
{
    /// <summary>Larger files are refused: no transcript is this big, and reading one would stall the build.</summary>
    public const long MaxBytes = 64L * 1024 * 1024;

    private static readonly Encoding StrictUtf8 = new UTF8Encoding(false, throwOnInvalidBytes: true);
    private static readonly Lazy<Encoding> Windows1252 = new(() =>
    {
        Encoding.RegisterProvider(CodePagesEncodingProvider.Instance);
        return Encoding.GetEncoding(1252);
    });

    public sealed record Result(string? Text, string EncodingName, string? Problem, int ProblemLine, bool IsError);

    public static Result Decode(ReadOnlySpan<byte> bytes)
    {
        if (bytes.Length == 0) return new Result(null, "", "the file is empty", 1, true);

        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xEF, 0xBB, 0xBF]))
            return DecodeUtf8(bytes[3..], "utf-8 (BOM)");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE, 0x00, 0x00]))
            return Ok(new UTF32Encoding(false, true).GetString(bytes[4..]), "utf-32le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFF, 0xFE]))
            return Ok(Encoding.Unicode.GetString(bytes[2..]), "utf-16le");
        if (bytes.StartsWith((ReadOnlySpan<byte>)[0xFE, 0xFF]))
            return Ok(Encoding.BigEndianUnicode.GetString(bytes[2..]), "utf-16be");

        var sniff = bytes[..Math.Min(bytes.Length, 8192)];
        int nul = sniff.IndexOf((byte)0);
        if (nul >= 0)
            return new Result(null, "", "this is a binary file, not text (a NUL byte at byte " + nul + "); nothing was read", LineOf(bytes, nul), true);

        return DecodeUtf8(bytes, "utf-8");
    }

    private static Result DecodeUtf8(ReadOnlySpan<byte> bytes, string name)
    {
        try
        {
            return Ok(StrictUtf8.GetString(bytes), name);
        }
        catch (DecoderFallbackException ex)
        {
            int at = ex.Index >= 0 ? ex.Index : 0;
            var text = Windows1252.Value.GetString(bytes);
            return new Result(text, "windows-1252",
                $"the text is not valid UTF-8 (byte 0x{(at < bytes.Length ? bytes[at] : 0):X2} at byte {at}); read it as Windows-1252",
                LineOf(bytes, at), false);
        }
    }

    private static Result Ok(string text, string name) => new(text, name, null, 0, false);

    private static int LineOf(ReadOnlySpan<byte> bytes, int index)
    {
        int line = 1;
        var before = bytes[..Math.Min(index, bytes.Length)];
        for (int i = 0; i < before.Length; i++)
        {
            if (before[i] == (byte)'\n') line++;
            else if (before[i] == (byte)'\r' && (i + 1 >= before.Length || before[i + 1] != (byte)'\n')) line++;
        }
        return line;
    }
}
