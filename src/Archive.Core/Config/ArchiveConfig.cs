namespace Archive.Core.Config;

/// <summary>Settings from <c>input/archive.yml</c>; every field has a default, so the file is optional.</summary>
public sealed record ArchiveConfig
{
    public string Title { get; init; } = "Transcript Archive";
    public string? Description { get; init; }
    /// <summary>Path the site is served under, always starting and ending with '/'.</summary>
    public string BaseUrl { get; init; } = "/";
    /// <summary>Absolute site address (<c>https://user.github.io</c>), for sitemaps and feeds.</summary>
    public string? SiteUrl { get; init; }
    public string Language { get; init; } = "en";
    /// <summary>Canonical speaker name → other spellings used for the same person.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> SpeakerAliases { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();
    public TopicRules Topics { get; init; } = new();

    /// <summary>Normalizes a base URL: <c>archive</c> → <c>/archive/</c>.</summary>
    public static string NormalizeBaseUrl(string? baseUrl)
    {
        if (string.IsNullOrWhiteSpace(baseUrl)) return "/";
        var trimmed = baseUrl.Trim();
        if (Uri.TryCreate(trimmed, UriKind.Absolute, out var absolute) && absolute.Scheme is "http" or "https")
            trimmed = absolute.AbsolutePath;
        trimmed = "/" + trimmed.Trim('/');
        return trimmed == "/" ? "/" : trimmed + "/";
    }
}

/// <summary>Topic rules from <c>archive.yml</c>: topics to add, merge or ban.</summary>
public sealed record TopicRules
{
    /// <summary>Topics every episode is checked for, even when the text statistics would not pick them.</summary>
    public IReadOnlyList<string> Add { get; init; } = [];
    /// <summary>Topic name → other names that mean the same topic.</summary>
    public IReadOnlyDictionary<string, IReadOnlyList<string>> Merge { get; init; } =
        new Dictionary<string, IReadOnlyList<string>>();
    /// <summary>Names that never become topics.</summary>
    public IReadOnlyList<string> Ban { get; init; } = [];
}
