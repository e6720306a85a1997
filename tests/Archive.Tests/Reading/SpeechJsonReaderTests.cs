using Archive.Core.Diagnostics;
using Archive.Core.Model;
using Archive.Core.Reading;
using static Archive.Tests.Reading.ReaderTestKit;

namespace Archive.Tests.Reading;

public class SpeechJsonReaderTests
{
    private static readonly SpeechJsonReader Reader = new();

    private static (Episode Episode, DiagnosticBag Diagnostics) Read(string json) => ReadOne(Reader, "t.json", json);

    private static IReadOnlyList<Diagnostic> Errors(string json)
    {
        var diagnostics = new DiagnosticBag();
        Assert.Empty(Reader.Read(new SourceText("t.json", json), diagnostics));
        return diagnostics.Items;
    }

    [Theory]
    [InlineData("{\"segments\": []}", 60)]
    [InlineData("  [ {\"text\": \"hi\"} ]", 60)]
    [InlineData("{ broken", 40)]
    [InlineData("[00:00:01] Maya: hello", 0)]
    [InlineData("[Speaker 1] [00:01] hello", 0)]
    [InlineData("Plain words.", 0)]
    public void Claims_json_from_its_content(string text, int score) =>
        Assert.Equal(score, Reader.Detect(new SourceText("t.txt", text)));

    [Fact]
    public void Podcasting_json_is_claimed_by_its_own_reader()
    {
        var source = new SourceText("t.json", "{\"version\": \"1.0.0\", \"segments\": [{\"speaker\": \"A B\", \"startTime\": 1, \"endTime\": 2, \"body\": \"Hi.\"}]}");
        Assert.IsType<PodcastTranscriptJsonReader>(TranscriptReaders.Detect(source));
        Assert.IsType<SpeechJsonReader>(TranscriptReaders.Detect(new SourceText("t.json", "{\"segments\": [{\"start\": 1, \"end\": 2, \"text\": \"Hi.\"}]}")));
    }

    [Fact]
    public void Whisper_segments_are_found_inside_any_wrapper()
    {
        var (e, _) = Read("""{"job": {"id": 7, "output": {"transcription": {"segments": [{"start": 0.5, "end": 2, "text": " Hello"}, {"start": 2, "end": 3.25, "text": " world."}]}}}}""");
        Assert.Equal([new Paragraph(null, TimeSpan.FromSeconds(0.5), "Hello world.")], e.Paragraphs);
        Assert.Equal(TimeSpan.FromSeconds(3.25), e.Duration);
    }

    [Fact]
    public void A_top_level_text_without_segments_is_an_untimed_transcript()
    {
        var (e, _) = Read("""{"text": "Just the words. Nothing else."}""");
        Assert.Equal("Just the words. Nothing else.", AllText(e));
        Assert.Null(e.Paragraphs[0].Start);
    }

    [Fact]
    public void Speaker_ids_are_mapped_to_names_in_each_common_shape()
    {
        var (byObject, _) = Read("""{"speakers": {"SPEAKER_00": "Maya Okafor"}, "segments": [{"start": 0, "end": 1, "text": "Hi.", "speaker": "SPEAKER_00"}, {"start": 1, "end": 2, "text": "Yo.", "speaker": "SPEAKER_01"}]}""");
        Assert.Equal(["Maya Okafor", "SPEAKER_01"], byObject.Paragraphs.Select(p => p.Speaker));

        var (byList, _) = Read("""{"speaker_names": ["Tom Brandt", "Priya Raman"], "utterances": [{"start": 0, "end": 1, "text": "One.", "speaker": 1}, {"start": 1, "end": 2, "text": "Two.", "speaker": 2}]}""");
        Assert.Equal(["Tom Brandt", "Priya Raman"], byList.Paragraphs.Select(p => p.Speaker));

        var (byZeroBased, _) = Read("""{"speakers": ["Tom Brandt", "Priya Raman"], "utterances": [{"start": 0, "end": 1, "text": "One.", "speaker": 0}, {"start": 1, "end": 2, "text": "Two.", "speaker": 1}]}""");
        Assert.Equal(["Tom Brandt", "Priya Raman"], byZeroBased.Paragraphs.Select(p => p.Speaker));

        var (unnamed, _) = Read("""{"utterances": [{"start": 0, "end": 1, "text": "One.", "speaker": 0}, {"start": 1, "end": 2, "text": "Two.", "speaker": "B"}]}""");
        Assert.Equal(["Speaker 0", "Speaker B"], unnamed.Paragraphs.Select(p => p.Speaker));
    }

    [Fact]
    public void Milliseconds_and_ticks_are_told_from_seconds()
    {
        var (ms, _) = Read("""{"utterances": [{"start": 1500, "end": 4000, "text": "Two words"}, {"start": 64000, "end": 66000, "text": "and more."}]}""");
        Assert.Equal(TimeSpan.FromSeconds(1.5), ms.Paragraphs[0].Start);
        Assert.Equal(TimeSpan.FromSeconds(66), ms.Duration);

        var (hinted, _) = Read("""{"events": [{"tStartMs": 120, "dDurationMs": 2000, "segs": [{"utf8": "hello"}, {"utf8": " there"}]}, {"tStartMs": 2200, "dDurationMs": 900, "segs": [{"utf8": "friend"}]}]}""");
        Assert.Equal("hello there friend", AllText(hinted));
        Assert.Equal(TimeSpan.FromMilliseconds(120), hinted.Paragraphs[0].Start);
        Assert.Equal(TimeSpan.FromSeconds(3.1), hinted.Duration);

        var (azure, _) = Read("""{"recognizedPhrases": [{"speaker": 1, "offset": "PT1.5S", "duration": "PT2S", "offsetInTicks": 15000000.0, "nBest": [{"lexical": "hello world", "display": "Hello world."}]}, {"speaker": 2, "offset": "PT4S", "duration": "PT1S", "nBest": [{"display": "Hi."}]}]}""");
        Assert.Equal([new Paragraph("Speaker 1", TimeSpan.FromSeconds(1.5), "Hello world."), new Paragraph("Speaker 2", TimeSpan.FromSeconds(4), "Hi.")], azure.Paragraphs);
    }

    [Fact]
    public void Times_spelled_as_strings_are_read()
    {
        var (e, diagnostics) = Read("""[{"start": "00:01:02.500", "text": "A.", "speaker": 1}, {"start": "63.25", "text": "B.", "speaker": 2}, {"start": "64s", "text": "C.", "speaker": 1}, {"timestamp": [70.0, 71.5], "text": "D.", "speaker": 2}]""");
        Assert.DoesNotContain(diagnostics.Items, d => d.Message.Contains("parse"));
        Assert.Equal([62.5, 63.25, 64, 70], e.Paragraphs.Select(p => p.Start!.Value.TotalSeconds));
    }

    [Fact]
    public void Google_results_start_where_the_one_before_ended()
    {
        var (e, _) = Read("""{"results": [{"alternatives": [{"transcript": "first part", "confidence": 0.9}], "resultEndTime": "4.500s"}, {"alternatives": [{"transcript": " second part"}], "resultEndTime": "9s"}]}""");
        Assert.Equal("first part second part", AllText(e));
        Assert.Equal(TimeSpan.Zero, e.Paragraphs[0].Start);
        Assert.Equal(TimeSpan.FromSeconds(9), e.Duration);
    }

    [Fact]
    public void Deepgram_paragraphs_win_over_the_whole_transcript_and_its_words()
    {
        var (e, _) = Read("""
            {"results": {"channels": [{"alternatives": [{
              "transcript": "hello there general remarks",
              "words": [{"word": "hello", "start": 0.1, "end": 0.4, "speaker": 0}, {"word": "there", "start": 0.4, "end": 0.8, "speaker": 0}],
              "paragraphs": {"transcript": "...", "paragraphs": [
                {"speaker": 0, "start": 0.1, "end": 0.8, "sentences": [{"text": "Hello there.", "start": 0.1, "end": 0.8}]},
                {"speaker": 1, "start": 1.0, "end": 2.0, "sentences": [{"text": "General remarks.", "start": 1.0, "end": 2.0}]}]}
            }]}]}}
            """);
        Assert.Equal([new Paragraph("Speaker 0", TimeSpan.FromSeconds(0.1), "Hello there."), new Paragraph("Speaker 1", TimeSpan.FromSeconds(1), "General remarks.")], e.Paragraphs);
    }

    [Fact]
    public void Segment_times_that_do_not_parse_are_reported_once_at_the_first_segment_line()
    {
        var (e, diagnostics) = Read("{\n \"segments\": [\n  {\"start\": 0, \"text\": \"a.\"},\n  {\"start\": \"soon\", \"text\": \"b.\"},\n  {\"start\": -3, \"text\": \"c.\"}\n ]\n}");
        var warning = Assert.Single(diagnostics.Items, d => d.Message.Contains("not parse"));
        Assert.Equal(4, warning.Line);
        Assert.StartsWith("2 times", warning.Message);
        Assert.Equal("a. b. c.", AllText(e));
    }

    [Fact]
    public void Bad_json_is_an_error_at_its_line()
    {
        var error = Assert.Single(Errors("{\n  \"segments\": [\n    {\"text\": \"x\",}\n    {\"text\": \"y\"}\n  ]\n}"));
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Equal(4, error.Line);
        Assert.StartsWith("the file is not valid JSON", error.Message);
    }

    [Theory]
    [InlineData("{\"id\": 1, \"items\": [1, 2], \"meta\": {}}", "JSON object with keys id, items, meta")]
    [InlineData("[1, 2, 3]", "JSON array of 3 numbers")]
    [InlineData("{}", "empty JSON object")]
    [InlineData("{\"version\": \"1.2.0\", \"chapters\": [{\"startTime\": 0, \"title\": \"Intro\"}]}", "keys version, chapters")]
    public void A_shape_without_a_transcript_is_an_error_naming_what_was_found(string json, string expected)
    {
        var error = Assert.Single(Errors(json));
        Assert.Equal(Severity.Error, error.Severity);
        Assert.Contains(expected, error.Message);
        Assert.Contains("no transcript segments found", error.Message);
    }

    [Fact]
    public void Deep_nesting_is_an_error_not_a_crash()
    {
        var deep = new string('[', 5000) + new string(']', 5000);
        Assert.Contains("not valid JSON", Assert.Single(Errors(deep)).Message);
        var deepObjects = string.Concat(Enumerable.Repeat("{\"a\":", 200)) + "1" + new string('}', 200);
        Assert.Contains("no transcript segments", Assert.Single(Errors(deepObjects)).Message);
    }

    [Fact]
    public void Object_lines_are_the_lines_they_start_on()
    {
        var json = JsonSource.Of(new SourceText("t.json", "{\r\n\"a\": [\r\n  {\"x\": 1},\r  {\"y\": [\n{}]}\n]}"));
        var root = Assert.IsType<JsonTreeObject>(json.Root);
        var a = Assert.IsType<JsonTreeArray>(root.Get("a"));
        Assert.Equal([3, 4], a.Items.Select(i => i.Line));
        Assert.Equal(5, Assert.IsType<JsonTreeArray>(((JsonTreeObject)a.Items[1]).Get("y")).Items[0].Line);
    }
}
