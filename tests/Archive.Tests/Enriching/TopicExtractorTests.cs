using Archive.Core.Config;
using Archive.Core.Enriching;
using static Archive.Tests.Enriching.ArchiveBuilder;

namespace Archive.Tests.Enriching;

public class TopicExtractorTests
{
    // Six episodes of an invented show. DuckDB and "column stores" matter in three, Kubernetes in
    // two; filler talk ("really", "you know", "a lot of people") is everywhere; "weather" is said
    // often but in one episode only; "data" is in every episode.
    private static readonly Archive.Core.Model.Episode[] Show =
    [
        Episode("Small data on a laptop", "Bytes", ["Ana Silva", "Ben Ode"], null, null,
            "Really, you know, a lot of people think DuckDB is a toy. DuckDB runs on a laptop and reads data fast.",
            "Column stores are why. Column stores read only the columns a query needs, and DuckDB is one of them.",
            "The weather was bad, the weather is always bad, but the weather did not stop the data."),
        Episode("Analytics without a cluster", "Bytes", ["Ana Silva", "Cleo Marr"], null, null,
            "You know, really, DuckDB and column stores changed how we do analytics on data.",
            "We moved off Kubernetes for this. Kubernetes was too much for a report, and DuckDB does it in one process.",
            "Column stores again: a lot of people forget column stores compress so well."),
        Episode("When you do need a cluster", "Bytes", ["Ana Silva", "Dev Rao"], null, null,
            "Kubernetes is the right tool sometimes, really. Kubernetes schedules the jobs that move the data.",
            "You know, a lot of people ask whether DuckDB scales. DuckDB scales up, not out, and that is fine for most data."),
        Episode("Column stores explained", "Bytes", ["Ana Silva", "Eve Lind"], null, null,
            "Column stores keep each column together. Column stores make scans of data cheap, really.",
            "You know, a lot of people store rows. Rows are good for writes; for reads of data, column stores win."),
        Episode("Interviewing engineers", "Bytes", ["Ana Silva", "Fay Ng"], null, null,
            "Really, you know, interviews are a lot of people talking. Interviews should be about data and judgement.",
            "Take-home tasks are fair. Take-home tasks show judgement better than puzzles about data."),
        Episode("Hiring for judgement", "Bytes", ["Ana Silva", "Gus Holt"], null, null,
            "You know, really, judgement is hard to interview for. Take-home tasks help with data roles.",
            "A lot of people hire for speed; hire for judgement, and let take-home tasks show it with real data."),
    ];

    private static IReadOnlyList<IReadOnlyList<string>> Topics(IReadOnlyList<Archive.Core.Model.Episode> episodes, TopicRules? rules = null) =>
        TopicExtractor.Extract(episodes, rules ?? new TopicRules(), episodes.SelectMany(e => e.Speakers).Distinct().ToList()).Topics;

    [Fact]
    public void Phrases_that_matter_in_several_episodes_become_topics_and_noise_never_does()
    {
        var topics = Topics(Show);
        Assert.Contains("DuckDB", topics[0]);
        Assert.Contains("column stores", topics[0]);
        Assert.Contains("Kubernetes", topics[1]);
        Assert.Contains("column stores", topics[3]);
        Assert.Contains("take-home tasks", topics[4]);
        Assert.Contains("take-home tasks", topics[5]);

        var all = topics.SelectMany(t => t).Select(t => t.ToLowerInvariant()).ToHashSet();
        // Filler, a word said in one episode only, a word said in every episode and an everyday
        // word ("judgement", said in three episodes, never as a name) are not topics.
        foreach (var noise in new[] { "really", "you know", "people", "lot", "weather", "data", "column", "stores", "judgement" })
            Assert.DoesNotContain(noise, all);
        // Speakers' names are people, not topics.
        Assert.DoesNotContain(all, t => t.Contains("ana") || t.Contains("silva"));
    }

    // Six episodes of another invented show. "budget" is said two or three times in three of them,
    // always in lowercase: an everyday word, however much it matters. Grafana (a name), "load
    // balancers" and "spare GPUs" (subjects), eBPF (a capital inside) and k3s (a digit after a
    // letter) recur too; "a lot of paperwork" is mostly stop words.
    private static readonly Archive.Core.Model.Episode[] Ops =
    [
        Episode("Dashboards that page nobody", "Night Shift", ["Rosa Lind", "Omar Vey"], null, null,
            "We moved every dashboard to Grafana last spring, and the budget for it came out of the platform team.",
            "The budget was small, so Grafana ran on one box behind two load balancers.",
            "When the budget review came round, the load balancers were the only line anyone questioned."),
        Episode("Balancing traffic", "Night Shift", ["Rosa Lind", "Ines Park"], null, null,
            "Our load balancers talk to k3s nodes in three racks, and the k3s cluster is tiny but it holds.",
            "Somebody asked about the budget again; the budget always comes up when spare GPUs sit idle.",
            "We graph the load balancers in Grafana, and we graph the spare GPUs in Grafana as well."),
        Episode("Kernel tricks", "Night Shift", ["Rosa Lind", "Ugo Tell"], null, null,
            "With eBPF you can watch packets without touching the app, so we run eBPF probes on the k3s nodes.",
            "It cost nothing from the budget, and whoever owns the budget loved that, because spare GPUs are not cheap.",
            "The spare GPUs mostly wait for the batch jobs, and k3s schedules those too."),
        Episode("Paperwork before launch", "Night Shift", ["Rosa Lind", "Vera Holm"], null, null,
            "There is a lot of paperwork before a launch, and a lot of paperwork means waiting.",
            "The auditors asked for a lot of paperwork about the eBPF probes, since eBPF reads kernel memory."),
        Episode("Audits", "Night Shift", ["Rosa Lind", "Wim Achter"], null, null,
            "An audit is a lot of paperwork, and after the audit comes a lot of paperwork about fixes.",
            "Then a lot of paperwork again for the auditors who come back in autumn."),
        Episode("Who is on call", "Night Shift", ["Rosa Lind", "Xia Moreau"], null, null,
            "Being on call means pagers, rotas and sleep you never get back.",
            "We keep the rota short and the pagers quiet, and nobody misses the old rota."),
    ];

    [Fact]
    public void Topics_found_in_the_text_are_names_and_subjects_never_everyday_words()
    {
        var topics = Topics(Ops);
        var all = topics.SelectMany(t => t).ToHashSet();
        string seen = string.Join(" | ", topics.Select(t => string.Join(", ", t)));
        foreach (var expected in new[] { "Grafana", "load balancers", "spare GPUs", "eBPF", "k3s" })
            Assert.True(all.Contains(expected), $"{expected} not in {seen}");
        Assert.Contains("Grafana", topics[0]);
        Assert.Contains("load balancers", topics[0]);
        // "budget" matters in three episodes, but it is an everyday word; "a lot of paperwork" is mostly stop words.
        Assert.DoesNotContain(all, t => t.Contains("budget", StringComparison.OrdinalIgnoreCase));
        Assert.DoesNotContain(all, t => t.Contains("paperwork", StringComparison.OrdinalIgnoreCase));

        // Not a topic, so no page and no link in a transcript.
        var enriched = Enrich(Ops);
        Assert.DoesNotContain(enriched.Topics, t => t.Slug == "budget");
        Assert.Contains(enriched.Topics, t => t.Slug == "grafana");
        Assert.DoesNotContain(enriched.Episodes.SelectMany(e => e.Mentions), m => m.Slug == "budget");
    }

    [Fact]
    public void Everyday_words_still_make_episodes_alike()
    {
        // "budget" is no topic, yet it is a phrase the episodes share for related episodes.
        var result = TopicExtractor.Extract(Ops, new TopicRules(), Ops.SelectMany(e => e.Speakers).Distinct().ToList());
        var budget = Enumerable.Range(0, result.Phrases.Count).Single(id => result.Phrases.Text(id) == "budget");
        Assert.Equal(3, result.Support[budget]);
        Assert.All(result.Terms.Take(3), terms => Assert.Contains(terms, t => t.Term == budget));
    }

    [Fact]
    public void Metadata_topics_are_kept_whatever_their_shape_and_found_where_the_text_says_them()
    {
        var episodes = Ops.Select((e, i) => i == 5 ? e with { Topics = ["budgets", "on call"] } : e).ToList();
        var topics = Topics(episodes, new TopicRules { Add = ["pagers"] });
        Assert.Equal(["budgets", "on call", "pagers"], topics[5].Take(3));
        // The archive names "budgets" a topic: the episodes that talk about the budget have it too.
        Assert.Contains("budgets", topics[0]);
        Assert.Contains("budgets", topics[1]);
    }

    [Fact]
    public void A_single_episode_gets_no_topics_from_its_text()
    {
        Assert.Empty(Topics([Show[0]])[0]);
    }

    [Fact]
    public void Metadata_topics_come_first_and_spellings_of_one_topic_are_one()
    {
        var episodes = Show.Select((e, i) => i == 0 ? e with { Topics = ["Databases", "duckdb", "databases"] } : e).ToList();
        var topics = Topics(episodes);
        Assert.Equal("Databases", topics[0][0]);
        Assert.Equal("duckdb", topics[0][1]);
        Assert.Single(topics[0], t => t.Equals("duckdb", StringComparison.OrdinalIgnoreCase));
        // The spelling met first names the topic everywhere.
        Assert.Contains("duckdb", topics[1]);
    }

    [Fact]
    public void Archive_rules_ban_merge_and_add_topics()
    {
        var episodes = Show.Select((e, i) => i switch
        {
            0 => e with { Topics = ["K8s", "Data"] },
            3 => e with { Paragraphs = [.. e.Paragraphs, new("Eve Lind", TimeSpan.FromMinutes(9), "Parquet files are column stores on disk.")] },
            _ => e,
        }).ToList();
        var rules = new TopicRules
        {
            Ban = ["data", "column store"],
            Merge = new Dictionary<string, IReadOnlyList<string>> { ["container orchestration"] = ["Kubernetes", "K8s"] },
            Add = ["Parquet"],
        };
        var topics = Topics(episodes, rules);
        Assert.Equal(["container orchestration"], topics[0].Where(t => t.Contains("orchestration") || t == "K8s"));
        Assert.DoesNotContain("Data", topics[0]);
        Assert.DoesNotContain(topics.SelectMany(t => t), t => t.Contains("column store", StringComparison.OrdinalIgnoreCase));
        Assert.Contains("container orchestration", topics[1]);
        Assert.Contains("container orchestration", topics[2]);
        Assert.DoesNotContain(topics.SelectMany(t => t), t => t == "Kubernetes");
        // Added topics go to the episodes that mention them, even once.
        Assert.Contains("Parquet", topics[3]);
        Assert.DoesNotContain("Parquet", topics[0]);
    }

    [Fact]
    public void A_phrase_found_in_the_text_joins_the_named_topic_it_is_another_form_of()
    {
        // "column stores" is found in episodes 0, 1 and 3; episode 4's metadata names the topic "column storing".
        var episodes = Show.Select((e, i) => i == 4 ? e with { Topics = ["column storing"] } : e).ToList();
        var topics = Topics(episodes);
        Assert.Contains("column storing", topics[3]);
        Assert.DoesNotContain(topics.SelectMany(t => t), t => t == "column stores");
    }

    [Fact]
    public void A_banned_named_topic_is_not_brought_back_by_another_form_of_it_in_the_text()
    {
        // As above, "column stores" would join episode 4's "column storing"; banning that name bans both.
        var episodes = Show.Select((e, i) => i == 4 ? e with { Topics = ["column storing"] } : e).ToList();
        var topics = Topics(episodes, new TopicRules { Ban = ["column storing"] });
        Assert.DoesNotContain(topics.SelectMany(t => t), t => t.StartsWith("column stor", StringComparison.OrdinalIgnoreCase));
    }

    [Fact]
    public void The_same_archive_always_gives_the_same_topics()
    {
        var first = Topics(Show);
        for (int run = 0; run < 3; run++)
            Assert.Equal(first, Topics(Show));
    }

    // "Quill" is said alone in one episode only; elsewhere it is the first word of the name
    // "Quill Harbor". "Ferrox" is said alone in two episodes and once as "Ferrox Prime".
    private static readonly Archive.Core.Model.Episode[] Harbour =
    [
        Episode("Leaving port", "Coast", ["Ana Silva"], null, null,
            "We sailed past Quill Harbor at dawn. The crew loved Quill Harbor and its lights. Later we left Quill Harbor for good.",
            "They built the hull with Ferrox Prime steel. Nobody doubts Ferrox Prime plates."),
        Episode("The keeper", "Coast", ["Ana Silva"], null, null,
            "Our guide said Quill was the oldest lighthouse keeper. Everyone trusts Quill with the lamps. Ask Quill about storms.",
            "The bolts were Ferrox too. We ordered Ferrox again."),
        Episode("Rigging", "Coast", ["Ana Silva"], null, null,
            "Their mast uses Ferrox. The keel is Ferrox as well. Buy Ferrox when you can."),
        Episode("Compost", "Coast", ["Ana Silva"], null, null,
            "Worms turn peelings into soil. Worms like shade. Peelings rot faster when chopped."),
        Episode("Bread", "Coast", ["Ana Silva"], null, null,
            "Sourdough needs a starter. Feed the starter flour daily. Sourdough rewards patience."),
        Episode("Bees", "Coast", ["Ana Silva"], null, null,
            "Hives need calm hands. Queens lay eggs all summer. Hives swarm in spring."),
    ];

    [Fact]
    public void A_word_said_on_its_own_in_one_episode_and_elsewhere_only_inside_a_longer_name_is_no_topic()
    {
        var topics = Topics(Harbour).SelectMany(t => t).ToList();
        Assert.DoesNotContain("Quill", topics);
        // A name said on its own in several episodes stays a topic, also where one says a longer name.
        Assert.Equal(3, topics.Count(t => t == "Ferrox"));
    }
}
