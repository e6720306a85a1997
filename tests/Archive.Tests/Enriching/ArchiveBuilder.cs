using Archive.Core.Config;
using Archive.Core.Diagnostics;
using Archive.Core.Enriching;
using Archive.Core.Model;

namespace Archive.Tests.Enriching;

/// <summary>Small archives written in the test, enriched as the loader would.</summary>
internal static class ArchiveBuilder
{
    public static Episode Episode(string title, string? show = null, string[]? speakers = null, string[]? topics = null,
        string[]? chapters = null, params string[] paragraphs)
    {
        var speakerList = speakers ?? ["Host Person"];
        var paras = paragraphs.Select((text, i) => new Paragraph(speakerList[i % speakerList.Length], TimeSpan.FromSeconds(i * 30), text)).ToList();
        var chapterList = (chapters ?? []).Select((c, i) => new Chapter(c.Split('@')[0], TimeSpan.FromSeconds(int.Parse(c.Split('@')[1]) * 30), int.Parse(c.Split('@')[1]))).ToList();
        return new Episode
        {
            Title = title,
            Show = show,
            Speakers = speakerList,
            Topics = topics ?? [],
            Chapters = chapterList,
            Paragraphs = paras,
            Source = new SourceRef(title + ".md", 1),
        };
    }

    public static ArchiveEnricher.Result Enrich(IReadOnlyList<Episode> episodes, TopicRules? rules = null) =>
        ArchiveEnricher.Enrich(episodes, new ArchiveConfig { Topics = rules ?? new TopicRules() }, new DiagnosticBag());
}
