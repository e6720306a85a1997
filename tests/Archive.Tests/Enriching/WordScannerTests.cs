using Archive.Core.Enriching;

namespace Archive.Tests.Enriching;

public class WordScannerTests
{
    private static List<string> Words(string text)
    {
        var words = new List<string>();
        var scanner = new WordScanner(text);
        while (scanner.Next()) words.Add(scanner.Word.ToString());
        return words;
    }

    [Fact]
    public void Keeps_apostrophes_hyphens_dotted_names_and_language_names_inside_words()
    {
        Assert.Equal(["Don't", "ship", "real-time", "node.js", "in", "C++", "or", "C#", "v2.5", "Done"],
            Words("Don't ship real-time node.js in C++ or C#, v2.5. Done"));
        // A full stop glued to the next sentence still ends the word.
        Assert.Equal(["reality", "Brought"], Words("reality.Brought"));
    }

    [Theory]
    [InlineData("Vector Searches", "vector search")]
    [InlineData("policies", "policy")]
    [InlineData("the team's schemas", "the team schema")]
    [InlineData("SaaS", "saas")]
    [InlineData("AWS", "aws")]
    [InlineData("GPUs", "gpu")]
    [InlineData("process", "process")]
    [InlineData("status", "status")]
    [InlineData("boxes", "box")]
    public void Keys_fold_case_possessives_and_plurals_but_not_names(string phrase, string key) =>
        Assert.Equal(key, WordScanner.KeyOf(phrase));

    [Fact]
    public void Flags_say_how_a_word_was_written_and_what_stands_before_it()
    {
        var scanner = new WordScanner("We use LLMs, said Maya. Then Parquet");
        var flags = new List<WordFlags>();
        while (scanner.Next()) flags.Add(scanner.Flags);
        Assert.True(flags[0].HasFlag(WordFlags.SentenceStart));
        Assert.True(flags[2].HasFlag(WordFlags.AllCaps));
        Assert.True(flags[3].HasFlag(WordFlags.AfterBreak));
        Assert.False(flags[4].HasFlag(WordFlags.SentenceStart));
        Assert.True(flags[4].HasFlag(WordFlags.Capitalized));
        Assert.True(flags[5].HasFlag(WordFlags.SentenceStart | WordFlags.AfterBreak));
    }
}
