using Archive.Core.Enriching;
using Archive.Core.Loading;
using Archive.Tests.Support;

namespace Archive.Tests.Seeds;

/// <summary>The topics found in the text of the four real seeds, loaded as one archive.</summary>
public class SeedTopicTests
{
    private static LoadedArchive LoadSeeds()
    {
        using var temp = new TempFolder("seed-topics");
        Directory.CreateDirectory(temp.Combine("input"));
        foreach (var prefix in new[] { "000", "002", "003", "004" })
        {
            var seed = RepoPaths.Seed(prefix);
            File.Copy(seed, temp.Combine("input", Path.GetFileName(seed)));
        }
        return ArchiveLoader.Load(new LoadOptions(temp.Combine("input")));
    }

    [Fact]
    public void Everyday_word_tags_link_only_in_the_episodes_that_carry_them()
    {
        var archive = LoadSeeds();
        // Seed 004 is tagged "Technology" and "Development"; other episodes say "technology" and
        // "development" as everyday words, which must not link to those pages.
        foreach (var slug in new[] { "technology", "development" })
        {
            Assert.Contains(archive.Topics, t => t.Slug == slug);
            var linked = archive.Episodes.Where(e => e.Mentions.Any(m => m.Kind == MentionKind.Topic && m.Slug == slug)).ToList();
            Assert.All(linked, e => Assert.Contains(e.Topics, t => Taxonomy.SlugOf(t) == slug));
            var sayIt = archive.Episodes.Count(e => e.Episode.Paragraphs.Any(p => p.Text.Contains(slug, StringComparison.Ordinal)));
            Assert.True(sayIt > linked.Count, $"{slug}: said in {sayIt} episodes, linked in {linked.Count}");
        }
    }

    [Fact]
    public void No_topic_found_in_the_seeds_text_is_an_everyday_lowercase_word()
    {
        var archive = LoadSeeds();

        // Found in the text: what an episode has beyond the topics its metadata gives it.
        var found = archive.Episodes
            .SelectMany(e => e.Topics.Where(t => !e.Episode.Topics.Any(m => WordScanner.KeyOf(m) == WordScanner.KeyOf(t))))
            .Distinct()
            .Order(StringComparer.Ordinal)
            .ToList();
        Assert.True(found.Count >= 20, $"only {found.Count} topics found: {string.Join(", ", found)}");
        // Nor is a first name that speech-to-text and show notes repeat ("Sean", "Alex"): said often
        // in an episode or two, it never scores high enough to be picked.
        Assert.DoesNotContain("Sean", found);
        Assert.DoesNotContain("Alex", found);
        var everyday = found.Where(t => !t.Contains(' ') && !t.Any(char.IsUpper) && !t.Any(char.IsDigit)).ToList();
        Assert.True(everyday.Count == 0, $"single lowercase words as topics: {string.Join(", ", everyday)}");
        // Names and subjects are what is left: a company the seeds talk about, a field, a product.
        Assert.Contains("Microsoft", found);
        Assert.Contains("reinforcement learning", found);
        Assert.Contains("Claude Code", found);

        // The topic pages follow: every page is a name, a phrase or a topic some metadata gives.
        var named = archive.Episodes.SelectMany(e => e.Episode.Topics).Select(WordScanner.KeyOf).ToHashSet(StringComparer.Ordinal);
        Assert.All(archive.Topics, t => Assert.True(named.Contains(WordScanner.KeyOf(t.Name)) || t.Name.Contains(' ') || t.Name.Any(char.IsUpper),
            $"topic page {t.Name}"));
    }
}
