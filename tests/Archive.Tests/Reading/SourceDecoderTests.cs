using System.Text;
using Archive.Core.Reading;

namespace Archive.Tests.Reading;

/// <summary>Real byte sequences, as editors and tools write them, decoded into the same text.</summary>
public class SourceDecoderTests
{
    private const string Text = "Café “quotes” – 5 €\nline two\n";

    public static TheoryData<string, byte[], string> Encodings() => new()
    {
        { "utf-8", Encoding.UTF8.GetBytes(Text), "utf-8" },
        { "utf-8 with BOM", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(Text)], "utf-8 (BOM)" },
        { "utf-16 LE with BOM", [0xFF, 0xFE, .. Encoding.Unicode.GetBytes(Text)], "utf-16le" },
        { "utf-16 BE with BOM", [0xFE, 0xFF, .. Encoding.BigEndianUnicode.GetBytes(Text)], "utf-16be" },
        { "utf-32 LE with BOM", [0xFF, 0xFE, 0x00, 0x00, .. new UTF32Encoding(false, false).GetBytes(Text)], "utf-32le" },
    };

    [Theory]
    [MemberData(nameof(Encodings))]
    public void Unicode_encodings_with_or_without_a_bom_give_the_same_text(string name, byte[] bytes, string encoding)
    {
        var result = SourceDecoder.Decode(bytes);
        Assert.True(result.Problem is null, name);
        Assert.Equal(Text, result.Text);
        Assert.Equal(encoding, result.EncodingName);
    }

    [Fact]
    public void Windows_1252_that_is_not_valid_utf8_is_read_as_such_with_a_warning_at_the_first_bad_byte()
    {
        // "ok\r\n" then "Caf\xE9 \x93x\x94 \x96 \x80" in Windows-1252.
        byte[] bytes = [(byte)'o', (byte)'k', 0x0D, 0x0A, (byte)'C', (byte)'a', (byte)'f', 0xE9, (byte)' ', 0x93, (byte)'x', 0x94, (byte)' ', 0x96, (byte)' ', 0x80];
        var result = SourceDecoder.Decode(bytes);
        Assert.Equal("ok\r\nCafé “x” – €", result.Text);
        Assert.Equal("windows-1252", result.EncodingName);
        Assert.False(result.IsError);
        Assert.Equal(2, result.ProblemLine);
        Assert.Contains("0xE9", result.Problem);
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0x0A, 0x62, 0x00, 0x63 }, 2)]
    [InlineData(new byte[] { 0x61, 0x0D, 0x62, 0x0D, 0x00 }, 3)]
    public void Binary_files_are_refused_at_the_line_of_the_first_nul(byte[] bytes, int line)
    {
        var result = SourceDecoder.Decode(bytes);
        Assert.True(result.IsError);
        Assert.Null(result.Text);
        Assert.Equal(line, result.ProblemLine);
        Assert.Contains("binary", result.Problem);
    }

    [Fact]
    public void An_empty_file_is_an_error() => Assert.True(SourceDecoder.Decode([]).IsError);

    [Theory]
    [InlineData("a\nb\nc", 3)]
    [InlineData("a\r\nb\r\nc", 3)]
    [InlineData("a\rb\rc", 3)]
    [InlineData("a\r\n\rb\n\nc\r", 5)]
    public void Lf_crlf_and_cr_line_ends_all_count_as_lines(string text, int lines)
    {
        var source = new SourceText("t.txt", text);
        Assert.Equal(lines, source.Lines.Count);
        Assert.Equal(lines, source.LineAt(text.LastIndexOf('c')));
    }
}
