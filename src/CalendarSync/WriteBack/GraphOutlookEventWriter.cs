using System.Net;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using NodaTime;
using NodaTime.Text;
using PresenceBot.CalendarSync.Graph;

namespace PresenceBot.CalendarSync.WriteBack;

/// <summary>
/// <see cref="IOutlookEventWriter"/> through the app's one Graph client (its retry handler honours Retry-After on 429 and
/// 503). Times are written in UTC to the second. The event has no body, location, attendees, categories or reminder,
/// and is private: a colleague who may see the calendar sees the code and the reason word at most.
/// </summary>
internal sealed class GraphOutlookEventWriter(GraphClientProvider graph) : IOutlookEventWriter
{
    private static readonly LocalDateTimePattern GraphDateTime = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss");

    public async Task<string> CreateAsync(string personId, WriteBackEvent written, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(written);
        var created = await graph.Client.Users[personId].Events.PostAsync(
            new Event
            {
                Subject = written.Subject,
                Start = Time(written.Start),
                End = Time(written.End),
                ShowAs = ShowAs(written.ShowAs),
                IsReminderOn = false,
                Sensitivity = Sensitivity.Private,
                Attendees = [],
                SingleValueExtendedProperties =
                [
                    new SingleValueLegacyExtendedProperty { Id = WriteBackMarker.PropertyId, Value = WriteBackMarker.ValueOf(written.ReferralId) },
                ],
            },
            cancellationToken: cancellationToken).ConfigureAwait(false);
        return created?.Id ?? throw new InvalidOperationException("Graph created the event without answering its id.");
    }

    public async Task<bool> UpdateAsync(string personId, string eventId, WriteBackEvent written, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(written);
        try
        {
            await graph.Client.Users[personId].Events[eventId].PatchAsync(
                new Event { Subject = written.Subject, Start = Time(written.Start), End = Time(written.End), ShowAs = ShowAs(written.ShowAs) },
                cancellationToken: cancellationToken).ConfigureAwait(false);
            return true;
        }
        catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return false;
        }
    }

    public async Task DeleteAsync(string personId, string eventId, CancellationToken cancellationToken)
    {
        try
        {
            await graph.Client.Users[personId].Events[eventId].DeleteAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }
        catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            // Already gone (deleted by the person, or our own earlier attempt whose answer was lost): deleted is deleted.
        }
    }

    public async Task<string?> FindAsync(string personId, Guid referralId, CancellationToken cancellationToken)
    {
        var found = await graph.Client.Users[personId].Events.GetAsync(
            request =>
            {
                request.QueryParameters.Filter =
                    $"singleValueExtendedProperties/any(ep: ep/id eq '{WriteBackMarker.PropertyId}' and ep/value eq '{WriteBackMarker.ValueOf(referralId)}')";
                request.QueryParameters.Select = ["id"];
            },
            cancellationToken).ConfigureAwait(false);
        return found?.Value?.FirstOrDefault(e => e.Id is not null)?.Id;
    }

    public async Task<Guid?> MarkOfAsync(string personId, string eventId, CancellationToken cancellationToken)
    {
        try
        {
            var read = await graph.Client.Users[personId].Events[eventId].GetAsync(
                request =>
                {
                    request.QueryParameters.Select = ["id"];
                    request.QueryParameters.Expand = [$"singleValueExtendedProperties($filter=id eq '{WriteBackMarker.PropertyId}')"];
                },
                cancellationToken).ConfigureAwait(false);
            var mark = read?.SingleValueExtendedProperties?.FirstOrDefault(p => string.Equals(p.Id, WriteBackMarker.PropertyId, StringComparison.OrdinalIgnoreCase));
            return WriteBackMarker.ReferralIdOf(mark?.Value);
        }
        catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private static DateTimeTimeZone Time(Instant instant) => new() { DateTime = GraphDateTime.Format(instant.InUtc().LocalDateTime), TimeZone = "UTC" };

    private static FreeBusyStatus ShowAs(string showAs) => showAs == "oof" ? FreeBusyStatus.Oof : FreeBusyStatus.Busy;
}
