namespace Archive.Site.Rendering;

/// <summary>
/// One page of a term's list (a topic's, a person's, a show's), as the renderer takes it: the view
/// its fingerprint serializes, with <see cref="Identity"/> what else the page is made from (see
/// <see cref="PageFingerprints.Of"/>), and the view the page is rendered from, made only when the
/// page is rendered. A page whose fingerprinted view is the whole view has no identity.
/// </summary>
public sealed record ListPage<TView>(TView Fingerprinted, string? Identity, Func<TView> View) where TView : class
{
    public static ListPage<TView> Whole(TView view) => new(view, null, () => view);
}
