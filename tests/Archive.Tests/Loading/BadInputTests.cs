using System.Text;
using Archive.Core.Diagnostics;
using Archive.Core.Loading;
using Archive.Tests.Support;

namespace Archive.Tests.Loading;

/// <summary>
/// A folder of everything that goes wrong in the wild beside two good transcripts: each bad file
/// gets a clear path:line message, the good ones still build, nothing hangs or crashes.
/// </summary>
public class BadInputTests
{
    private static TempFolder BuildFolder()
    {
        var temp = new TempFolder("bad-input");
        temp.Write("in/good.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:04.000\n<v Maya Okafor>This one is fine.\n\n00:00:04.000 --> 00:00:06.000\n<v Tom Brandt>So is this.\n");
        temp.Write("in/good.json", """{"segments": [{"start": 0, "end": 2, "text": "Whisper output that is fine."}]}""");
        temp.WriteBytes("in/empty.srt", []);
        temp.Write("in/blank.vtt", "\n   \n\t\n");
        temp.WriteBytes("in/binary.vtt", [0x7F, 0x45, 0x4C, 0x46, 0x02, 0x01, 0x00, 0x00, 0x0A, 0x00]);
        temp.WriteBytes("in/windows-1252.srt", Encoding.Latin1.GetBytes("1\r\n00:00:01,000 --> 00:00:02,000\r\nCaf\u00e9 au lait.\r\n"));
        temp.WriteBytes("in/invalid-utf8.vtt", [.. Encoding.ASCII.GetBytes("WEBVTT\n\n00:01.000 --> 00:02.000\nbad "), 0xC3, 0x28, .. Encoding.ASCII.GetBytes(" byte\n")]);
        temp.Write("in/backwards.srt", "1\n00:00:05,000 --> 00:00:06,000\nFive.\n\n2\n00:00:01,000 --> 00:00:02,000\nOne.\n");
        temp.Write("in/bad-times.vtt", "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\nFine.\n\n00:0x:03.000 --> 00:00:04.000\nNot a time.\n");
        temp.Write("in/malformed.md", "---\ntitle: [unclosed\n---\n**[00:00:01] Ana:** The words survive.\n");
        temp.Write("in/bad.json", "{\n  \"segments\": [\n    {\"text\": \"x\" \"start\": 1}\n  ]\n}\n");
        temp.Write("in/unknown.xml", "<?xml version=\"1.0\"?>\n<inventory><item/></inventory>\n");
        temp.Write("in/deep.json", new string('[', 100_000) + new string(']', 100_000));
        temp.Write("in/one-line.txt", string.Join(' ', Enumerable.Range(0, 180_000).Select(i => i % 7 == 0 ? "signal" : "noise")) + ".\n");
        using (var huge = File.Create(temp.Combine("in", "huge.vtt"))) huge.SetLength(100L * 1024 * 1024);
        return temp;
    }

    [Fact]
    public async Task Every_bad_file_is_named_with_its_line_and_the_good_ones_still_build()
    {
        using var temp = BuildFolder();
        var archive = ArchiveLoader.Load(new LoadOptions(temp.Combine("in")) { DisplayRoot = temp.Path });

        void Says(string file, Severity severity, int line, string words) =>
            Assert.True(archive.Diagnostics.Any(d => d.Path == "in/" + file && d.Severity == severity && d.Line == line && d.Message.Contains(words)),
                $"expected in/{file}:{line}: {severity}: …{words}…; got:\n{string.Join("\n", archive.Diagnostics)}");

        Says("empty.srt", Severity.Error, 1, "the file is empty");
        Says("blank.vtt", Severity.Error, 1, "only whitespace");
        Says("binary.vtt", Severity.Error, 1, "binary file");
        Says("windows-1252.srt", Severity.Warning, 3, "not valid UTF-8");
        Says("invalid-utf8.vtt", Severity.Warning, 4, "not valid UTF-8");
        Says("backwards.srt", Severity.Warning, 6, "runs backwards");
        Says("bad-times.vtt", Severity.Warning, 6, "does not parse");
        Says("malformed.md", Severity.Error, 2, "not valid YAML");
        Says("bad.json", Severity.Error, 3, "not valid JSON");
        Says("unknown.xml", Severity.Error, 2, "root element <inventory>");
        Says("deep.json", Severity.Error, 1, "not valid JSON");
        Says("huge.vtt", Severity.Error, 1, "100 MB");
        Assert.All(archive.Diagnostics, d => Assert.True(d.Line >= 1, d.ToString()));

        var titles = archive.Episodes.Select(e => e.Episode.Title).ToList();
        Assert.Contains("This one is fine", titles);
        Assert.Contains("Whisper output that is fine", titles);
        Assert.Contains(archive.Episodes, e => e.Episode.Paragraphs.Any(p => p.Text == "Café au lait."));
        Assert.Contains(archive.Episodes, e => e.Episode.Paragraphs.Any(p => p.Text == "The words survive."));
        // A million characters on one line become readable paragraphs, not one wall of text.
        var long1 = archive.Episodes.Single(e => e.Episode.Source.Path == "in/one-line.txt").Episode;
        Assert.True(long1.Paragraphs.Count > 500);
        Assert.All(long1.Paragraphs, p => Assert.True(p.Text.Length < 2000));

        var build = await CliRunner.Run("build", "--input", temp.Combine("in"), "--output", temp.Combine("site"), "--no-search", "--quiet");
        Assert.True(build.ExitCode == 0, build.Error);
        Assert.True(Directory.Exists(temp.Combine("site", "episodes", "this-one-is-fine")));
        var strict = await CliRunner.Run("check", "--input", temp.Combine("in"), "--strict", "--quiet");
        Assert.Equal(1, strict.ExitCode);
    }
}
