using Archive.Core.Reading;

namespace Archive.Tests.Reading;

public class EmbeddedTranscriptTests
{
    private static EmbeddedTranscript.Result Split(string text) =>
        EmbeddedTranscript.Split(text, EmbeddedTranscript.FindSpeakers(text), 7);

    private static List<(string? Speaker, string? Time, string Text)> Turns(EmbeddedTranscript.Result r) =>
        r.Turns.Select(t => (t.Speaker, t.Start?.ToString(@"hh\:mm\:ss"), t.Text)).ToList();

    [Fact]
    public void Splits_glued_turns_at_names_used_as_labels()
    {
        var r = Split("Maya Okafor: Welcome back to the Workbench.Tom Brandt: Glad to be here. It's been a while.Maya Okafor: It has! So, caches?Tom Brandt: Caches.");
        Assert.Equal(
        [
            ("Maya Okafor", null, "Welcome back to the Workbench."),
            ("Tom Brandt", null, "Glad to be here. It's been a while."),
            ("Maya Okafor", null, "It has! So, caches?"),
            ("Tom Brandt", null, "Caches."),
        ], Turns(r));
        Assert.All(r.Turns, t => Assert.Equal(7, t.Line));
    }

    [Fact]
    public void Reads_labels_with_their_times_in_both_orders()
    {
        Assert.Equal(
            [("Ada", "00:00:00", "Hello and welcome."), ("Ben", "00:00:04", "Thanks for having me."), ("Ada", "00:00:09", "Let's start."), ("Ben", "00:00:11", "Sure.")],
            Turns(Split("Ada [00:00:00]: Hello and welcome.Ben [00:00:04]: Thanks for having me.Ada [00:00:09]: Let's start.Ben [00:00:11]: Sure.")));
        Assert.Equal(
            [("Ada", "00:00:00", "Hello and welcome."), ("Ben", "00:00:04", "Thanks for having me."), ("Ada", "00:00:09", "Let's start."), ("Ben", "00:00:11", "Sure.")],
            Turns(Split("[00:00:00] Ada: Hello and welcome.[00:00:04] Ben: Thanks for having me.[00:00:09] Ada: Let's start.[00:00:11] Ben: Sure.")));
    }

    [Fact]
    public void A_name_glued_to_the_word_before_it_is_still_a_label()
    {
        var r = Split("Ada Park: I think so, yeahBen Ortiz: Right.Ada Park: Sure thingBen Ortiz: Okay.");
        Assert.Equal(["Ada Park", "Ben Ortiz", "Ada Park", "Ben Ortiz"], r.Turns.Select(t => t.Speaker));
        Assert.Equal("I think so, yeah", r.Turns[0].Text);
    }

    [Fact]
    public void A_heading_glued_between_a_sentence_end_and_a_label_becomes_a_chapter()
    {
        var r = Split("Ada: We should begin.Ben: Sure.Why Caches Go StaleAda: Because nobody expires them.Ben: Fair point.Eviction Policies in PracticeBen: Least recently used wins.");
        Assert.Equal(["Why Caches Go Stale", "Eviction Policies in Practice"], r.Headings.Select(h => h.Title));
        Assert.Equal([2, 4], r.Headings.Select(h => h.TurnIndex!.Value));
        Assert.Equal("Sure.", r.Turns[1].Text);
        Assert.DoesNotContain(r.Turns, t => t.Text.Contains("Stale") || t.Text.Contains("Practice"));
    }

    [Fact]
    public void Speech_glued_before_a_label_is_not_a_heading()
    {
        var r = Split("Ada: Ready?Ben: Yes.Thank you so muchAda: You're welcome.Ben: Bye.");
        Assert.Empty(r.Headings);
        Assert.Equal("Yes. Thank you so much", r.Turns[1].Text);
    }

    [Fact]
    public void Inline_times_start_paragraphs_at_the_next_sentence()
    {
        var r = Split("Ada: We started early, [00:01:00] right at dawn.And then the rain came. [00:02:00] By noon it stopped.Ben: Lucky.Ada: Very.Ben: Indeed.");
        Assert.Equal(
        [
            ("Ada", null, "We started early, right at dawn."),
            ("Ada", "00:01:00", "And then the rain came."),
            ("Ada", "00:02:00", "By noon it stopped."),
            ("Ben", null, "Lucky."),
            ("Ada", null, "Very."),
            ("Ben", null, "Indeed."),
        ], Turns(r));
    }

    [Fact]
    public void A_timed_line_without_a_label_before_a_label_is_a_heading_with_its_time()
    {
        var r = Split("[00:00:00] Welcome and Introductions[00:00:00] Ada: Hi.[00:00:05] Ben: Hello.[00:02:10] The Hard Part Begins[00:02:10] Ada: So.[00:02:30] Ben: Indeed.");
        Assert.Equal([("Welcome and Introductions", "00:00:00"), ("The Hard Part Begins", "00:02:10")],
            r.Headings.Select(h => (h.Title, h.Start?.ToString(@"hh\:mm\:ss"))));
        Assert.Equal(["Ada", "Ben", "Ada", "Ben"], r.Turns.Select(t => t.Speaker));
    }

    [Fact]
    public void Platform_notices_are_not_speech()
    {
        var r = Split("Ben: Thanks.Ada: Thanks for listening.Ben: Bye everyone. This is a public episode. If you'd like to discuss this with other subscribers, visit example.org/subscribe");
        Assert.Equal("Bye everyone.", r.Turns[^1].Text);
    }

    [Fact]
    public void Finds_the_transcript_after_its_marker_and_not_in_notes()
    {
        var line = "Notes about the episode. Ada: a phrase in the notes.Full VideoTranscriptAda: Hello.Ben: Hi.Ada: Bye.Ben: Bye.";
        var speakers = EmbeddedTranscript.FindSpeakers(line);
        Assert.Equal(["Ada", "Ben"], speakers);
        int start = EmbeddedTranscript.FindStart(line, speakers)!.Value;
        Assert.Equal("Ada: Hello.Ben: Hi.Ada: Bye.Ben: Bye.", line[start..]);
        Assert.Null(EmbeddedTranscript.FindStart("Just notes. Nobody: speaks here.", EmbeddedTranscript.FindSpeakers("Just notes. Nobody: speaks here.")));
    }

    [Fact]
    public void A_label_used_once_is_a_phrase_not_a_speaker()
    {
        Assert.Empty(EmbeddedTranscript.FindSpeakers("The plan: keep it simple. Also: test it. Then: ship."));
        Assert.Equal(["swyx"], EmbeddedTranscript.FindSpeakers("swyx: hi. swyx: again. thenswyx: glued."));
        // "LinkedIn: …" is a link label, not the speaker "In" glued to "Linked".
        Assert.Empty(EmbeddedTranscript.FindSpeakers("• LinkedIn: https://a.example • LinkedIn: https://b.example • LinkedIn: https://c.example"));
    }

    [Fact]
    public void Splitting_a_million_characters_does_not_hang()
    {
        var text = "Ada: " + string.Concat(Enumerable.Repeat("Word word word [00:01:00] Word Word Word.Ben: ", 20_000)) + new string('x', 100_000);
        var r = Split(text);
        Assert.True(r.Turns.Count > 20_000);
    }
}
