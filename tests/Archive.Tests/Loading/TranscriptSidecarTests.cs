using Archive.Core.Diagnostics;
using Archive.Core.Loading;
using Archive.Core.Model;
using Archive.Core.Reading;
using Archive.Tests.Support;

namespace Archive.Tests.Loading;

public class TranscriptSidecarTests
{
    private const string Vtt = "WEBVTT\n\n00:00:01.000 --> 00:00:03.000\n<v spk_0>Hello there.\n\n00:00:03.000 --> 00:00:05.000\n<v spk_1>Hi.\n";

    private static TranscriptFile Load(TempFolder temp, string name, IReadOnlyList<ITranscriptReader>? readers = null) =>
        TranscriptFile.Load(temp.Combine(name), "in/" + name, readers);

    [Theory]
    [InlineData("talk.yml")]
    [InlineData("talk.yaml")]
    [InlineData("talk.vtt.yml")]
    public void A_yaml_sidecar_beside_the_transcript_sets_metadata_and_names_labels(string sidecar)
    {
        using var temp = new TempFolder();
        temp.Write("talk.vtt", Vtt);
        temp.Write(sidecar, "title: Named Talk\nshow: Open Workshop\ndate: 2025-02-03\nspeakers:\n  SPK_0: Tom Brandt\n  spk_1: Priya Raman\n");
        var file = Load(temp, "talk.vtt");
        var e = Assert.Single(file.Episodes);
        Assert.Equal("Named Talk", e.Title);
        Assert.Equal("Open Workshop", e.Show);
        Assert.Equal(new DateOnly(2025, 2, 3), e.Date);
        Assert.Equal(["Tom Brandt", "Priya Raman"], e.Paragraphs.Select(p => p.Speaker));
        Assert.Empty(file.Diagnostics.Items);
    }

    [Fact]
    public void A_sidecar_overrides_what_the_transcript_says_and_keeps_what_it_does_not_mention()
    {
        using var temp = new TempFolder();
        temp.Write("ep.md", "---\ntitle: Old Title\nshow: Old Show\ntopics: [a]\n---\n**[00:00:01] Ana:** Hi.\n");
        temp.Write("ep.yml", "title: New Title\n");
        var e = Assert.Single(Load(temp, "ep.md").Episodes);
        Assert.Equal("New Title", e.Title);
        Assert.Equal("Old Show", e.Show);
        Assert.Equal(["a"], e.Topics);
    }

    [Fact]
    public void Chapters_json_gives_chapters_and_toc_false_hides_one()
    {
        using var temp = new TempFolder();
        temp.Write("talk.vtt", Vtt);
        temp.Write("talk.chapters.json", """{"version": "1.2.0", "chapters": [{"startTime": 1, "title": "Start"}, {"startTime": 2, "title": "Ad", "toc": false}, {"startTime": "00:00:03", "title": "Reply"}]}""");
        var e = Assert.Single(Load(temp, "talk.vtt").Episodes);
        Assert.Equal([new Chapter("Start", TimeSpan.FromSeconds(1), 0), new Chapter("Reply", TimeSpan.FromSeconds(3), 1)], e.Chapters);
    }

    [Fact]
    public void Sidecar_problems_are_reported_at_the_sidecar_lines_and_the_transcript_still_loads()
    {
        using var temp = new TempFolder();
        temp.Write("talk.vtt", Vtt);
        temp.Write("talk.yml", "title: Fine\ndate: someday\nspeakers:\n  SPEAKER_09: Nobody\n");
        temp.Write("talk.chapters.json", "{\"chapters\": [\n  {\"startTime\": 1, \"title\": \"A\"},\n  {\"startTime\": 2\n}");
        var file = Load(temp, "talk.vtt");
        Assert.Equal("Fine", Assert.Single(file.Episodes).Title);
        Assert.Contains(file.Diagnostics.Items, d => d.Path == "in/talk.yml" && d.Line == 2 && d.Message.Contains("someday"));
        Assert.Contains(file.Diagnostics.Items, d => d.Path == "in/talk.yml" && d.Line == 4 && d.Message.Contains("SPEAKER_09"));
        Assert.Contains(file.Diagnostics.Items, d => d.Path == "in/talk.chapters.json" && d.Severity == Severity.Error && d.Message.Contains("not valid JSON"));
    }

    [Fact]
    public void A_file_of_several_episodes_is_not_described_by_one_sidecar()
    {
        using var temp = new TempFolder();
        temp.Write("many.txt", "anything");
        temp.Write("many.yml", "title: Which One?\n");
        var file = Load(temp, "many.txt", [new TwoEpisodes()]);
        Assert.Equal(2, file.Episodes.Count);
        Assert.DoesNotContain(file.Episodes, e => e.Title == "Which One?");
        Assert.Contains(file.Diagnostics.Items, d => d.Path == "in/many.yml" && d.Message.Contains("holds 2"));
    }

    [Fact]
    public async Task Check_names_the_sidecars_of_each_file()
    {
        using var temp = new TempFolder();
        temp.Write("talk.vtt", Vtt);
        temp.Write("talk.yml", "title: Named\n");
        var json = await CliRunner.Run("check", "--input", temp.Path, "--json");
        using var doc = System.Text.Json.JsonDocument.Parse(json.Output);
        var file = doc.RootElement.GetProperty("files")[0];
        Assert.Equal("webvtt", file.GetProperty("format").GetString());
        Assert.EndsWith("talk.yml", file.GetProperty("sidecars")[0].GetString());
        Assert.Contains("webvtt + yml", (await CliRunner.Run("check", "--input", temp.Path)).Output);
    }

    /// <summary>A reader whose every file holds two episodes, as listing dumps do.</summary>
    private sealed class TwoEpisodes : ITranscriptReader
    {
        public string Format => "two";
        public int Detect(SourceText source) => 100;
        public IReadOnlyList<RawEpisode> Read(SourceText source, DiagnosticBag diagnostics) =>
        [
            new RawEpisode { Source = new SourceRef(source.Path, 1), Metadata = new RawMetadata { Title = "One" }, Turns = [new RawTurn(null, null, null, "A.", 1)] },
            new RawEpisode { Source = new SourceRef(source.Path, 1), Metadata = new RawMetadata { Title = "Two" }, Turns = [new RawTurn(null, null, null, "B.", 1)] },
        ];
    }

    [Fact]
    public void A_sidecar_without_its_transcript_is_reported_not_silently_ignored()
    {
        using var temp = new TempFolder();
        temp.Write("in/ep1.vtt", Vtt);
        temp.Write("in/ep1.yml", "title: First\n");
        temp.Write("in/renamed-away.yml", "title: Lost\n");
        temp.Write("in/gone.chapters.json", "{\"version\": \"1.2.0\", \"chapters\": []}");
        temp.Write("in/archive.yml", "title: Test\n");
        var archive = ArchiveLoader.Load(new LoadOptions(temp.Combine("in")) { DisplayRoot = temp.Path });
        var warnings = archive.Diagnostics.Where(d => d.Message.Contains("describes nothing")).Select(d => d.Path).ToList();
        Assert.Equal(["in/gone.chapters.json", "in/renamed-away.yml"], warnings.Order(StringComparer.Ordinal));
        Assert.Equal("First", Assert.Single(archive.Episodes).Episode.Title);
    }
}
