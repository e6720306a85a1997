using System.CommandLine;

namespace Archive.Cli.Commands;

/// <summary>Options several commands share, with the defaults the README documents.</summary>
public static class CommonOptions
{
    public static Option<string> Input() => new("--input", "-i")
    {
        Description = "Folder of transcripts (and archive.yml)",
        DefaultValueFactory = _ => "input",
        HelpName = "DIR",
    };

    public static Option<bool> Strict() => new("--strict")
    {
        Description = "Exit with 1 when any input has an error",
    };

    public static Option<bool> Quiet() => new("--quiet", "-q")
    {
        Description = "Print only warnings and errors",
    };

}
