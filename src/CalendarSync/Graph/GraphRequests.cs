using Microsoft.Graph;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using Microsoft.Kiota.Abstractions.Serialization;

namespace PresenceBot.CalendarSync.Graph;

/// <summary>
/// Sends Graph requests whose headers and query parameters were set on the <see cref="RequestInformation"/> directly,
/// not through the SDK's per-request configuration callback. That callback (Kiota's <c>RequestInformation.Configure</c>)
/// reads every property of the query-parameter class and its attributes by reflection on each request — ten for a
/// calendar delta, whether set or not — and under the calendar load run at 1,000 notifications/s the runtime emitted and
/// unloaded its reflection stubs again and again (793 unloads in 15 s of trace, 21 after; docs/performance.md, issue 11's
/// "Fifth round"). The query parameters' names are those of the SDK's URL
/// template (<c>startDateTime</c>, <c>%24select</c>, …); errors are Graph's OData errors, as the SDK maps them.
/// </summary>
internal static class GraphRequests
{
    private static readonly Dictionary<string, ParsableFactory<IParsable>> ODataErrors =
        new(StringComparer.Ordinal) { ["XXX"] = ODataError.CreateFromDiscriminatorValue };

    public static Task<T?> SendAsync<T>(this GraphServiceClient client, RequestInformation request, ParsableFactory<T> answer, CancellationToken cancellationToken)
        where T : IParsable =>
        client.RequestAdapter.SendAsync(request, answer, ODataErrors, cancellationToken);
}
