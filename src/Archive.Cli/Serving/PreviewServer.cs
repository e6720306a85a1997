using System.Net;
using System.Text;
using Archive.Site.Writing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.StaticFiles;
using Microsoft.Extensions.Logging;

namespace Archive.Cli.Serving;

/// <summary>
/// Serves a built site on 127.0.0.1 under its base URL, as GitHub Pages would: a folder answers
/// with its index.html (a folder without its '/' is redirected to it), a miss with 404.html and
/// status 404. HTML is sent with a small script that reloads the page when
/// <see cref="Reload"/> is called (server-sent events at <c>/__archive/events</c>); the files on
/// disk never contain it.
/// </summary>
public sealed class PreviewServer : IAsyncDisposable
{
    public const string EventsPath = "/__archive/events";

    private const string ReloadScript =
        "<script>(()=>{const s=new EventSource(\"" + EventsPath + "\");s.addEventListener(\"reload\",()=>location.reload());})();</script>";

    private static readonly FileExtensionContentTypeProvider ContentTypes = MakeContentTypes();

    private readonly string _site;
    private readonly string _base;
    private readonly WebApplication _app;
    private readonly object _gate = new();
    private TaskCompletionSource _nextReload = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _reloads;

    /// <param name="port">0 picks a free port.</param>
    public PreviewServer(string siteDirectory, string baseUrl, int port)
    {
        _site = Path.GetFullPath(siteDirectory);
        _base = baseUrl;
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [], ContentRootPath = AppContext.BaseDirectory });
        builder.Logging.ClearProviders();
        builder.WebHost.UseKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, port));
        _app = builder.Build();
        _app.Run(Handle);
    }

    /// <summary>The site's address, base URL included; known once started.</summary>
    public Uri Address { get; private set; } = new("http://127.0.0.1/");

    public async Task StartAsync(CancellationToken cancellation = default)
    {
        await _app.StartAsync(cancellation);
        var bound = _app.Urls.First();
        Address = new Uri(new Uri(bound.Replace("[::]", "127.0.0.1", StringComparison.Ordinal)), _base);
    }

    /// <summary>Tells every open page to reload.</summary>
    public void Reload()
    {
        lock (_gate)
        {
            _reloads++;
            _nextReload.TrySetResult();
            _nextReload = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        }
    }

    public async ValueTask DisposeAsync()
    {
        Reload(); // lets open event streams end
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private async Task Handle(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        response.Headers.CacheControl = "no-cache";
        var path = request.Path.Value ?? "/";
        if (path == EventsPath)
        {
            await StreamReloads(context);
            return;
        }
        if (!HttpMethods.IsGet(request.Method) && !HttpMethods.IsHead(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            return;
        }
        if (path == "/" && _base != "/")
        {
            response.Redirect(_base);
            return;
        }
        var file = Locate(path, out var redirect);
        if (redirect is not null)
        {
            response.StatusCode = StatusCodes.Status301MovedPermanently;
            response.Headers.Location = redirect + request.QueryString;
            return;
        }
        if (file is null)
        {
            response.StatusCode = StatusCodes.Status404NotFound;
            file = Path.Combine(_site, "404.html");
            if (!File.Exists(file))
            {
                response.ContentType = "text/plain; charset=utf-8";
                await response.WriteAsync($"Not found. The site is served under {_base}", context.RequestAborted);
                return;
            }
        }
        await SendFile(context, file);
    }

    /// <summary>The file for a URL path, or a redirect (a folder without its '/'), or null for a miss.</summary>
    private string? Locate(string path, out string? redirect)
    {
        redirect = null;
        if (!path.StartsWith(_base, StringComparison.Ordinal) && path + "/" != _base) return null;
        if (path + "/" == _base)
        {
            redirect = _base;
            return null;
        }
        var relative = path[_base.Length..];
        string full;
        try
        {
            full = relative.Length == 0 ? _site : SiteWriter.ResolveInside(_site, Uri.UnescapeDataString(relative).TrimEnd('/') is { Length: > 0 } r ? r : ".");
        }
        catch (InvalidOperationException)
        {
            return null;
        }
        if (Directory.Exists(full))
        {
            if (!path.EndsWith('/'))
            {
                redirect = path + "/";
                return null;
            }
            full = Path.Combine(full, "index.html");
        }
        else if (path.EndsWith('/'))
        {
            return null;
        }
        return File.Exists(full) ? full : null;
    }

    private async Task SendFile(HttpContext context, string file)
    {
        var response = context.Response;
        response.ContentType = ContentTypes.TryGetContentType(file, out var type) ? type : "application/octet-stream";
        byte[] bytes;
        try
        {
            bytes = await File.ReadAllBytesAsync(file, context.RequestAborted);
        }
        catch (Exception ex) when (ex is FileNotFoundException or DirectoryNotFoundException)
        {
            // The output folder is being swapped by a rebuild; the reload that follows fixes the page.
            response.StatusCode = StatusCodes.Status503ServiceUnavailable;
            return;
        }
        if (file.EndsWith(".html", StringComparison.OrdinalIgnoreCase))
            bytes = WithReloadScript(bytes);
        response.ContentLength = bytes.Length;
        if (!HttpMethods.IsHead(context.Request.Method))
            await response.Body.WriteAsync(bytes, context.RequestAborted);
    }

    /// <summary>The page with the reload script before its last <c>&lt;/body&gt;</c> (or at the end).</summary>
    public static byte[] WithReloadScript(byte[] html)
    {
        var text = Encoding.UTF8.GetString(html);
        int at = text.LastIndexOf("</body>", StringComparison.OrdinalIgnoreCase);
        return Encoding.UTF8.GetBytes(at < 0 ? text + ReloadScript : text.Insert(at, ReloadScript));
    }

    private async Task StreamReloads(HttpContext context)
    {
        var response = context.Response;
        response.ContentType = "text/event-stream";
        await response.WriteAsync(": connected\n\n", context.RequestAborted);
        await response.Body.FlushAsync(context.RequestAborted);
        try
        {
            while (!context.RequestAborted.IsCancellationRequested)
            {
                Task next;
                lock (_gate) next = _nextReload.Task;
                await next.WaitAsync(context.RequestAborted);
                int count;
                lock (_gate) count = _reloads;
                await response.WriteAsync($"event: reload\ndata: {count}\n\n", context.RequestAborted);
                await response.Body.FlushAsync(context.RequestAborted);
                if (!_app.Lifetime.ApplicationStopping.IsCancellationRequested) continue;
                return;
            }
        }
        catch (OperationCanceledException)
        {
            // the page went away
        }
    }

    private static FileExtensionContentTypeProvider MakeContentTypes()
    {
        var provider = new FileExtensionContentTypeProvider();
        provider.Mappings[".wasm"] = "application/wasm";
        provider.Mappings[".json"] = "application/json";
        provider.Mappings[".xml"] = "application/xml";
        provider.Mappings[".vtt"] = "text/vtt; charset=utf-8";
        provider.Mappings[".srt"] = "text/plain; charset=utf-8";
        provider.Mappings[".txt"] = "text/plain; charset=utf-8";
        provider.Mappings[".html"] = "text/html; charset=utf-8";
        provider.Mappings[".css"] = "text/css; charset=utf-8";
        provider.Mappings[".js"] = "text/javascript; charset=utf-8";
        // Pagefind's index: binary chunks fetched by its script.
        foreach (var ext in new[] { ".pf_meta", ".pf_index", ".pf_fragment", ".pf_filter" })
            provider.Mappings[ext] = "application/octet-stream";
        return provider;
    }
}
