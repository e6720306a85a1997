namespace Archive.Tests.Support;

/// <summary>A fact that needs Node.js (Pagefind runs on it); skipped with the reason where Node is absent.</summary>
public sealed class RequiresNodeFactAttribute : FactAttribute
{
    public RequiresNodeFactAttribute()
    {
        if (!ExternalTools.HasNode.Value)
            Skip = "Node.js is not installed here: Pagefind needs it (CI installs it)";
    }
}

/// <summary>A fact that needs Node.js and Debian's Chromium (/usr/bin/chromium).</summary>
public sealed class RequiresChromiumFactAttribute : FactAttribute
{
    public RequiresChromiumFactAttribute()
    {
        if (!ExternalTools.HasNode.Value) Skip = "Node.js is not installed here (CI installs it)";
        else if (!ExternalTools.HasChromium) Skip = $"Chromium is not installed at {ExternalTools.ChromiumPath} (CI installs it with apt)";
    }
}
