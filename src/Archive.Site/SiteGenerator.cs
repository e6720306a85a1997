using System.Reflection;

namespace Archive.Site;

/// <summary>
/// The program that builds the site, as its pages (<c>&lt;meta name="generator"&gt;</c>) and feeds
/// name it. The version is the informational version, which carries no source revision
/// (Directory.Build.props), so the same release writes the same bytes.
/// </summary>
public static class SiteGenerator
{
    public const string Name = "transcript-archive";

    public static readonly string Version =
        typeof(SiteGenerator).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion ?? "0.0.0";

    /// <summary>"transcript-archive 0.1.0".</summary>
    public static string NameAndVersion => Name + " " + Version;
}
