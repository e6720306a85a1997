using System.Text.Json;
using System.Text.Json.Nodes;
using Archive.Core.Diagnostics;
using Archive.Core.Loading;
using Archive.Core.Normalizing;
using Archive.Core.Reading;
using Archive.Core.Writing;
using Archive.Core.Model;
using Archive.Tests.Support;

namespace Archive.Tests.Golden;

/// <summary>
/// Golden files: every input under <c>tests/Archive.Tests/Golden/&lt;format&gt;/</c> sits beside
/// <c>&lt;name&gt;.expected.json</c>, the normalized episodes, detected format and diagnostics it must
/// give. Sidecars (<c>name.yml</c>, <c>name.chapters.json</c>) sit beside their transcript.
/// After a deliberate change, regenerate with <c>UPDATE_GOLDEN=1 dotnet test</c> and review the diff.
/// </summary>
public class GoldenTests
{
    public static string Folder => Path.Combine(RepoPaths.Root, "tests", "Archive.Tests", "Golden");

    public static TheoryData<string> Cases()
    {
        var data = new TheoryData<string>();
        foreach (var file in Directory.EnumerateFiles(Folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var relative = Path.GetRelativePath(Folder, file).Replace('\\', '/');
            if (!relative.Contains('/') || relative.EndsWith(".expected.json", StringComparison.Ordinal) || InputScanner.IsNotTranscript(relative)) continue;
            data.Add(relative);
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cases))]
    public void Input_gives_its_expected_episodes(string relative)
    {
        var actual = Describe(relative);
        var expectedPath = ExpectedPath(relative);
        if (Environment.GetEnvironmentVariable("UPDATE_GOLDEN") == "1")
        {
            File.WriteAllText(expectedPath, actual);
            return;
        }
        Assert.True(File.Exists(expectedPath), $"no {Path.GetFileName(expectedPath)} yet; run UPDATE_GOLDEN=1 dotnet test and review it:\n{actual}");
        Assert.Equal(File.ReadAllText(expectedPath).ReplaceLineEndings("\n"), actual);
    }

    /// <summary>
    /// Every episode a golden input gives, written as canonical Markdown (what <c>archive normalize</c>
    /// writes) and read back, is the same episode.
    /// </summary>
    [Theory]
    [MemberData(nameof(Cases))]
    public void Normalized_markdown_reads_back_into_the_same_episodes(string relative)
    {
        var file = TranscriptFile.Load(Path.Combine(Folder, relative), relative);
        foreach (var (episode, index) in file.Episodes.Select((e, i) => (e, i)))
        {
            var markdown = CanonicalMarkdownWriter.Write(episode);
            var source = new SourceText($"{relative}#{index}.md", markdown);
            var detected = TranscriptReaders.Detect(source);
            var reader = Assert.IsType<CanonicalMarkdownReader>(detected);
            var diagnostics = new DiagnosticBag();
            var again = EpisodeNormalizer.Normalize(Assert.Single(reader.Read(source, diagnostics)), diagnostics);
            Assert.True(EpisodeJson.Serialize(episode) == EpisodeJson.Serialize(again),
                $"{relative} episode {index} changed on the way through canonical Markdown:\n{markdown}\n--- read back ---\n{EpisodeJson.Serialize(again)}");
            Assert.DoesNotContain(diagnostics.Items, d => d.Severity == Severity.Error);
        }
    }

    /// <summary>The expected-file path: <c>case.vtt</c> → <c>case.expected.json</c>.</summary>
    public static string ExpectedPath(string relative)
    {
        var full = Path.Combine(Folder, relative);
        return Path.Combine(Path.GetDirectoryName(full)!, Path.GetFileNameWithoutExtension(full) + ".expected.json");
    }

    /// <summary>What one input gives, as stable JSON (format, diagnostics, episodes).</summary>
    public static string Describe(string relative)
    {
        var file = TranscriptFile.Load(Path.Combine(Folder, relative), relative);
        var node = new JsonObject
        {
            ["format"] = file.Format,
            ["diagnostics"] = new JsonArray(file.Diagnostics.Items.Select(d => (JsonNode)JsonValue.Create(d.ToString())!).ToArray()),
            ["episodes"] = JsonNode.Parse(EpisodeJson.Serialize(file.Episodes)),
        };
        return node.ToJsonString(EpisodeJson.Options).ReplaceLineEndings("\n") + "\n";
    }
}
