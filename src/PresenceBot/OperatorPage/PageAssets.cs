using System.Reflection;
using System.Security.Cryptography;
using Microsoft.Net.Http.Headers;

namespace PresenceBot.OperatorPage;

/// <summary>
/// The page's static files (HTML, CSS, JavaScript), embedded in the assembly and served from memory with an ETag: no
/// build step, no CDN, nothing on disk to lose. Every response forbids framing and foreign scripts.
/// </summary>
internal sealed class PageAssets
{
    /// <summary>Only our own files; no inline script, no other origin (connect-src covers the event stream).</summary>
    public const string ContentSecurityPolicy =
        "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

    private readonly Dictionary<string, Asset> _assets = new(StringComparer.Ordinal);

    public PageAssets()
    {
        var assembly = typeof(PageAssets).Assembly;
        Add(assembly, "switchboard.html", "text/html; charset=utf-8");
        Add(assembly, "switchboard.css", "text/css; charset=utf-8");
        Add(assembly, "switchboard.js", "text/javascript; charset=utf-8");
    }

    public IResult Serve(HttpContext http, string name)
    {
        ArgumentNullException.ThrowIfNull(http);
        var asset = _assets[name];
        var headers = http.Response.Headers;
        headers.ContentSecurityPolicy = ContentSecurityPolicy;
        headers.XContentTypeOptions = "nosniff";
        headers.XFrameOptions = "DENY";
        headers["Referrer-Policy"] = "no-referrer";
        // Revalidated every time (cheap: 304 on the ETag), so a new version is never hidden behind a cache.
        headers.CacheControl = "no-cache";
        headers.ETag = asset.ETag;
        if (http.Request.Headers.IfNoneMatch.ToString() == asset.ETag)
        {
            return TypedResults.StatusCode(StatusCodes.Status304NotModified);
        }

        return TypedResults.Bytes(asset.Content, asset.ContentType);
    }

    private void Add(Assembly assembly, string name, string contentType)
    {
        using var stream = assembly.GetManifestResourceStream($"OperatorPage/{name}")
            ?? throw new InvalidOperationException($"The operator page's {name} is not embedded in {assembly.GetName().Name}.");
        using var buffer = new MemoryStream();
        stream.CopyTo(buffer);
        var content = buffer.ToArray();
        var etag = new EntityTagHeaderValue($"\"{Convert.ToHexStringLower(SHA256.HashData(content))[..16]}\"").ToString();
        _assets[name] = new Asset(content, contentType, etag);
    }

    private sealed record Asset(byte[] Content, string ContentType, string ETag);
}
