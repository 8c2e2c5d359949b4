using System.Net;
using Microsoft.Graph;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Graph.Users.Item.CalendarView.Delta;
using Microsoft.Kiota.Abstractions;
using NodaTime;
using NodaTime.Text;
using PresenceBot.CalendarSync.Graph;
using PresenceBot.CalendarSync.Mapping;
using MappedEvent = PresenceBot.CalendarSync.Mapping.CalendarEvent;
using MappedTime = PresenceBot.CalendarSync.Mapping.DateTimeTimeZone;

namespace PresenceBot.CalendarSync.Processing;

/// <summary>
/// <see cref="ICalendarReader"/> over Graph's calendarView delta. Recurring series arrive expanded into
/// occurrences. Times are asked for in UTC. Only the fields the mapping needs are carried on; the body,
/// attendees and location of an event are dropped here and never reach storage or logs.
/// </summary>
internal sealed class GraphCalendarReader(GraphClientProvider graph, TimeProvider time) : ICalendarReader
{
    private const int PageSize = 50;

    public async Task<CalendarRead> ReadWindowAsync(string personId, Interval window, CancellationToken cancellationToken)
    {
        var first = await graph.Client.SendAsync(WindowRequest(personId, window), DeltaGetResponse.CreateFromDiscriminatorValue, cancellationToken)
            .ConfigureAwait(false);
        return await CollectAsync(personId, first, isFull: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyDictionary<string, CalendarRead>> ReadWindowsAsync(
        IReadOnlyList<string> personIds, Interval window, CancellationToken cancellationToken)
    {
        var firstPages = await GraphBatch.GetAsync<DeltaGetResponse>(
            graph.Client,
            personIds,
            personId => WindowRequest(personId, window),
            time,
            cancellationToken).ConfigureAwait(false);

        // Further pages are per person: a mailbox never has more than one request of ours in flight. Anyone whose first
        // page did not come is left out; that person's own sync job reads the window on its own.
        var reads = new Dictionary<string, CalendarRead>(StringComparer.Ordinal);
        foreach (var (personId, answer) in firstPages.Where(a => a.Value.Status == HttpStatusCode.OK))
        {
            reads[personId] = await CollectAsync(personId, answer.Body, isFull: true, cancellationToken).ConfigureAwait(false);
        }

        return reads;
    }

    /// <summary>The first page of a window's delta (set by hand, see <see cref="GraphRequests"/>).</summary>
    internal RequestInformation WindowRequest(string personId, Interval window)
    {
        var request = graph.Client.Users[personId].CalendarView.Delta.ToGetRequestInformation();
        request.QueryParameters["startDateTime"] = InstantPattern.ExtendedIso.Format(window.Start);
        request.QueryParameters["endDateTime"] = InstantPattern.ExtendedIso.Format(window.End);
        Prefer(request.Headers);
        return request;
    }

    public async Task<CalendarRead> ReadChangesAsync(string personId, string deltaLink, CancellationToken cancellationToken)
    {
        try
        {
            var first = await Page(personId, deltaLink, cancellationToken).ConfigureAwait(false);
            return await CollectAsync(personId, first, isFull: false, cancellationToken).ConfigureAwait(false);
        }
        catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.Gone)
        {
            throw new DeltaExpiredException($"Graph no longer knows the delta link of {personId}.", error);
        }
    }

    private async Task<DeltaGetResponse?> Page(string personId, string link, CancellationToken cancellationToken)
    {
        var request = graph.Client.Users[personId].CalendarView.Delta.WithUrl(link).ToGetRequestInformation();
        Prefer(request.Headers);
        return await graph.Client.SendAsync(request, DeltaGetResponse.CreateFromDiscriminatorValue, cancellationToken).ConfigureAwait(false);
    }

    private async Task<CalendarRead> CollectAsync(string personId, DeltaGetResponse? page, bool isFull, CancellationToken cancellationToken)
    {
        var events = new List<MappedEvent>();
        var removed = new List<string>();
        while (page is not null)
        {
            foreach (var item in page.Value ?? [])
            {
                if (item.Id is null)
                {
                    continue;
                }

                if (item.AdditionalData.ContainsKey("@removed"))
                {
                    removed.Add(item.Id);
                }
                else
                {
                    events.Add(ToMapped(item));
                }
            }

            if (page.OdataDeltaLink is { } deltaLink)
            {
                return new CalendarRead(events, removed, deltaLink, isFull);
            }

            if (page.OdataNextLink is not { } next)
            {
                break;
            }

            page = await Page(personId, next, cancellationToken).ConfigureAwait(false);
        }

        throw new InvalidOperationException($"Graph's delta for {personId} ended without a delta link.");
    }

    private static void Prefer(RequestHeaders headers)
    {
        headers.Add("Prefer", "outlook.timezone=\"UTC\"");
        headers.Add("Prefer", $"odata.maxpagesize={PageSize}");
    }

    /// <summary>Also how write-back reads back one of its own events.</summary>
    internal static MappedEvent ToMapped(Event item) => new()
    {
        Id = item.Id!,
        ShowAs = Camel(item.ShowAs?.ToString()) ?? "unknown",
        IsAllDay = item.IsAllDay ?? false,
        IsCancelled = item.IsCancelled ?? false,
        ResponseStatus = Camel(item.ResponseStatus?.Response?.ToString()) ?? "none",
        Sensitivity = Camel(item.Sensitivity?.ToString()) ?? "normal",
        Categories = item.Categories ?? [],
        Start = new MappedTime(item.Start?.DateTime ?? string.Empty, item.Start?.TimeZone ?? "UTC"),
        End = new MappedTime(item.End?.DateTime ?? string.Empty, item.End?.TimeZone ?? "UTC"),
        // Only for its Trio code (the first four characters); the mapper reads nothing else of it.
        Subject = item.Subject,
    };

    /// <summary>The SDK's enum names are Graph's values with a capital first letter.</summary>
    private static string? Camel(string? value) => string.IsNullOrEmpty(value) ? null : char.ToLowerInvariant(value[0]) + value[1..];
}
