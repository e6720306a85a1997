using System.Net;

namespace Archive.Tests.Support;

/// <summary>
/// Serves a built site on 127.0.0.1 the way a static host does: a folder answers with its
/// index.html, anything missing with 404.html and status 404. For browser tests. With a base
/// path the site is served under it, as GitHub Pages serves a project site (<c>/repo/</c>), and
/// every other path is missing.
/// </summary>
public sealed class StaticSiteServer : IDisposable
{
    private static readonly Dictionary<string, string> Types = new(StringComparer.OrdinalIgnoreCase)
    {
        [".html"] = "text/html; charset=utf-8", [".css"] = "text/css", [".js"] = "text/javascript", [".mjs"] = "text/javascript",
        [".json"] = "application/json", [".wasm"] = "application/wasm", [".xml"] = "application/xml", [".svg"] = "image/svg+xml",
        [".txt"] = "text/plain; charset=utf-8", [".vtt"] = "text/vtt", [".srt"] = "text/plain; charset=utf-8",
    };

    private readonly HttpListener _listener;
    private readonly string _root;
    private readonly string _basePath;
    private readonly Task _loop;

    public StaticSiteServer(string root, string basePath = "/")
    {
        _root = Path.GetFullPath(root);
        _basePath = basePath;
        for (int attempt = 0; ; attempt++)
        {
            int port = Random.Shared.Next(20000, 60000);
            // A listener that failed to start (the port was taken) is disposed: a new one per try.
            var listener = new HttpListener();
            try
            {
                listener.Prefixes.Add($"http://127.0.0.1:{port}/");
                listener.Start();
                _listener = listener;
                Origin = $"http://127.0.0.1:{port}";
                break;
            }
            catch (HttpListenerException) when (attempt < 20) { listener.Close(); }
        }
        _loop = Task.Run(Serve);
    }

    public string Origin { get; private set; } = "";

    /// <summary>The site's address: the origin and the base path.</summary>
    public string Site => Origin + _basePath;

    private async Task Serve()
    {
        while (_listener.IsListening)
        {
            HttpListenerContext context;
            try { context = await _listener.GetContextAsync(); }
            catch (Exception e) when (e is HttpListenerException or ObjectDisposedException or InvalidOperationException) { return; }
            // Each request on its own: a browser asks for a page's assets at once, and one slow answer must not hold up the others.
            _ = Task.Run(() =>
            {
                try { Answer(context); }
                catch (Exception e) when (e is HttpListenerException or IOException or ObjectDisposedException) { }
            });
        }
    }

    private void Answer(HttpListenerContext context)
    {
        var requested = Uri.UnescapeDataString(context.Request.Url!.AbsolutePath);
        bool inside = requested.StartsWith(_basePath, StringComparison.Ordinal);
        var file = Path.GetFullPath(Path.Combine(_root, inside ? requested[_basePath.Length..] : ""));
        if (Directory.Exists(file)) file = Path.Combine(file, "index.html");
        int status = 200;
        if (!inside || !file.StartsWith(_root, StringComparison.Ordinal) || !File.Exists(file))
        {
            status = 404;
            file = Path.Combine(_root, "404.html");
        }
        var response = context.Response;
        response.StatusCode = status;
        response.ContentType = Types.GetValueOrDefault(Path.GetExtension(file), "application/octet-stream");
        var bytes = File.Exists(file) ? File.ReadAllBytes(file) : [];
        response.ContentLength64 = bytes.Length;
        response.OutputStream.Write(bytes);
        response.Close();
    }

    public void Dispose()
    {
        _listener.Stop();
        _listener.Close();
        try { _loop.Wait(TimeSpan.FromSeconds(5)); } catch (AggregateException) { }
    }
}
