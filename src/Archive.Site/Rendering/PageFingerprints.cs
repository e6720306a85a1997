using System.Security.Cryptography;
using System.Text;
using System.Text.Json;

namespace Archive.Site.Rendering;

/// <summary>
/// A page's fingerprint: a hash of everything its bytes are made from — the rendering code, the
/// theme's templates, the site-wide values the layout reads, the template's name and the page's
/// view and head fields, serialized whole. A page whose fingerprint equals last build's is kept
/// without being rendered (<see cref="Writing.IOutputSink.TryKeep"/>). Views are records of
/// plain values, so their JSON holds all they carry; one that cannot be serialized gets no
/// fingerprint and is simply rendered.
/// </summary>
public sealed class PageFingerprints
{
    private static readonly JsonSerializerOptions Json = new() { IncludeFields = true, MaxDepth = 256 };

    /// <summary>This build of the rendering code: a file made by other code is made again.</summary>
    public static readonly string CodeVersion = typeof(PageFingerprints).Assembly.ManifestModule.ModuleVersionId.ToString("N")[..12];

    private readonly byte[] _buildWide;

    /// <param name="siteWide">Values every page's layout reads besides its own view (the site view, the site URL).</param>
    public PageFingerprints(Theme.Theme theme, params object?[] siteWide)
    {
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        hash.AppendData(Encoding.UTF8.GetBytes(CodeVersion + "\n"));
        hash.AppendData(theme.TemplatesHash);
        foreach (var value in siteWide)
            hash.AppendData(value is null ? [0] : JsonSerializer.SerializeToUtf8Bytes(value, value.GetType(), Json));
        _buildWide = hash.GetHashAndReset();
    }

    /// <summary>The fingerprint of a page, or null when its view cannot be serialized.</summary>
    /// <param name="identity">What else the page is made from, when the view leaves it out.</param>
    public string? Of(string template, object view, object head, string? identity = null)
    {
        try
        {
            using var hash = new HashingStream();
            hash.Write(_buildWide);
            hash.Write(Encoding.UTF8.GetBytes(template + "\n"));
            // Streamed into the hash: an episode's view is as big as its page, no need to hold it.
            JsonSerializer.Serialize(hash, view, view.GetType(), Json);
            JsonSerializer.Serialize(hash, head, head.GetType(), Json);
            if (identity is not null) hash.Write(Encoding.UTF8.GetBytes("\n" + identity));
            return "page:" + Convert.ToHexStringLower(hash.Hash());
        }
        catch (Exception ex) when (ex is NotSupportedException or JsonException or InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>A write-only stream that hashes what is written to it, with the thread's hasher (pages are fingerprinted by the thousand).</summary>
    private sealed class HashingStream : Stream
    {
        private readonly IncrementalHash _hash = Core.Text.ThreadSha256.Hasher;
        private bool _done;

        public byte[] Hash()
        {
            _done = true;
            return _hash.GetHashAndReset();
        }

        public override void Write(ReadOnlySpan<byte> buffer) => _hash.AppendData(buffer);
        public override void Write(byte[] buffer, int offset, int count) => _hash.AppendData(buffer, offset, count);
        public override void Flush() { }
        public override bool CanRead => false;
        public override bool CanSeek => false;
        public override bool CanWrite => true;
        public override long Length => throw new NotSupportedException();
        public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
        public override int Read(byte[] buffer, int offset, int count) => throw new NotSupportedException();
        public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
        public override void SetLength(long value) => throw new NotSupportedException();

        protected override void Dispose(bool disposing)
        {
            // A view that failed to serialize leaves the thread's hasher empty for the next page.
            if (disposing && !_done) _hash.GetHashAndReset();
            base.Dispose(disposing);
        }
    }
}
