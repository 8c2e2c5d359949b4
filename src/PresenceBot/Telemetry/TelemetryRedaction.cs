using System.Diagnostics;

namespace PresenceBot.Telemetry;

/// <summary>
/// Keeps personal data out of spans. Paths name people (<c>/api/referrals/kim.krona@lycksele.se</c>,
/// Graph's <c>/users/{upn}</c>) and queries can hold anything, so a server span keeps its route template instead of
/// the path, and a client span keeps scheme, host and a path whose UPN-like segments are replaced; no query either.
/// Ids (Entra object ids, conversation ids) are not personal in this sense and stay.
/// </summary>
internal static class TelemetryRedaction
{
    public const string Redacted = "{upn}";
    private const string Unmatched = "(unmatched)";

    /// <summary>Health probes every few seconds are noise, not traces.</summary>
    public static bool IsProbe(PathString path) =>
        path.StartsWithSegments("/healthz", StringComparison.OrdinalIgnoreCase) || path.StartsWithSegments("/readyz", StringComparison.OrdinalIgnoreCase);

    public static void ScrubServerSpan(Activity activity, HttpResponse response)
    {
        var template = (response.HttpContext.GetEndpoint() as RouteEndpoint)?.RoutePattern.RawText;
        activity.SetTag("url.path", template ?? Unmatched);
        activity.SetTag("url.query", null);
    }

    public static void ScrubClientSpan(Activity activity, HttpRequestMessage request)
    {
        if (request.RequestUri is { IsAbsoluteUri: true } uri)
        {
            activity.SetTag("url.full", $"{uri.Scheme}://{uri.Authority}{RedactPath(uri.AbsolutePath)}");
        }

        activity.SetTag("url.query", null);
    }

    /// <summary>Replaces every path segment that holds an <c>@</c> (plain or percent-encoded) with <see cref="Redacted"/>.</summary>
    public static string RedactPath(string path)
    {
        if (!path.Contains('@', StringComparison.Ordinal) && !path.Contains("%40", StringComparison.OrdinalIgnoreCase))
        {
            return path;
        }

        var segments = path.Split('/');
        for (var i = 0; i < segments.Length; i++)
        {
            if (segments[i].Contains('@', StringComparison.Ordinal) || segments[i].Contains("%40", StringComparison.OrdinalIgnoreCase))
            {
                segments[i] = Redacted;
            }
        }

        return string.Join('/', segments);
    }
}
