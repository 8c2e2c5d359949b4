using System.Net;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions;
using NodaTime;
using NodaTime.Text;
using PresenceBot.CalendarSync.Graph;
using PresenceBot.CalendarSync.Processing;

namespace PresenceBot.CalendarSync.WriteBack;

/// <summary>
/// <see cref="IOutlookEventWriter"/> through the app's one Graph client (its retry handler honours Retry-After on 429 and
/// 503). Times are written in UTC to the second. The event has no body, location, attendees, categories or reminder,
/// and is private: a colleague who may see the calendar sees the code and the reason word at most. A change or delete
/// names the version it means (<c>If-Match</c> with the change key): Graph answers 412 instead of overwriting an edit
/// the person made meanwhile. Each change or deletion made is told to <see cref="OwnWriteEchoes"/>, so its change
/// notification costs no re-read.
/// </summary>
internal sealed class GraphOutlookEventWriter(GraphClientProvider graph, OwnWriteEchoes echoes) : IOutlookEventWriter
{
    private static readonly LocalDateTimePattern GraphDateTime = LocalDateTimePattern.CreateWithInvariantCulture("uuuu'-'MM'-'dd'T'HH':'mm':'ss");

    public async Task<EventVersion> CreateAsync(string personId, WriteBackEvent written, string transactionId, CancellationToken cancellationToken)
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
                TransactionId = transactionId,
                SingleValueExtendedProperties =
                [
                    new SingleValueLegacyExtendedProperty { Id = WriteBackMarker.PropertyId, Value = WriteBackMarker.ValueOf(written.ReferralId) },
                ],
            },
            request => InUtc(request.Headers),
            cancellationToken).ConfigureAwait(false);
        // Not told to the echoes: the calendar sync's delta must see our event made before it can tell its deletion (a
        // delta from before the create says nothing of an event made and deleted since), and a create repeated after a
        // lost answer gets the event as it is now, perhaps already the person's.
        return Version(created) ?? throw new InvalidOperationException("Graph created the event without answering its id.");
    }

    public async Task<EventWrite> UpdateAsync(string personId, string eventId, string changeKey, WriteBackEvent written, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(written);
        try
        {
            var updated = await graph.Client.Users[personId].Events[eventId].PatchAsync(
                new Event { Subject = written.Subject, Start = Time(written.Start), End = Time(written.End), ShowAs = ShowAs(written.ShowAs) },
                request => Conditional(request.Headers, changeKey),
                cancellationToken).ConfigureAwait(false);
            echoes.Written(eventId, updated?.ChangeKey);
            return new EventWrite(EventWriteOutcome.Done, updated?.ChangeKey);
        }
        catch (ODataError error) when (OutcomeOf(error) is { } outcome)
        {
            return new EventWrite(outcome);
        }
    }

    public async Task<EventWriteOutcome> DeleteAsync(string personId, string eventId, string changeKey, CancellationToken cancellationToken)
    {
        try
        {
            await graph.Client.Users[personId].Events[eventId].DeleteAsync(request => Conditional(request.Headers, changeKey), cancellationToken).ConfigureAwait(false);
            echoes.Removed(eventId);
            return EventWriteOutcome.Done;
        }
        catch (ODataError error) when (OutcomeOf(error) is { } outcome)
        {
            // Gone: deleted by the person, or by our own earlier attempt whose answer was lost.
            return outcome;
        }
    }

    public async Task<EventVersion?> ReadAsync(string personId, string eventId, CancellationToken cancellationToken)
    {
        try
        {
            var read = await graph.Client.Users[personId].Events[eventId].GetAsync(
                request =>
                {
                    request.QueryParameters.Select = ["subject", "start", "end", "showAs", "isAllDay", "changeKey"];
                    InUtc(request.Headers);
                },
                cancellationToken).ConfigureAwait(false);
            return Version(read);
        }
        catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
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

    /// <summary>What the event says, as the calendar sync reads it (its times in any zone Graph answers).</summary>
    private static EventVersion? Version(Event? read) =>
        read?.Id is { } id ? new EventVersion(id, read.ChangeKey, OwnEventRecognizer.FingerprintOf(GraphCalendarReader.ToMapped(read))) : null;

    /// <summary>Only the version we mean: Graph's etag of an event is its change key, weak.</summary>
    private static void Conditional(RequestHeaders headers, string changeKey)
    {
        headers.Add("If-Match", $"W/\"{changeKey}\"");
        InUtc(headers);
    }

    private static void InUtc(RequestHeaders headers) => headers.Add("Prefer", "outlook.timezone=\"UTC\"");

    private static EventWriteOutcome? OutcomeOf(ODataError error) => error.ResponseStatusCode switch
    {
        (int)HttpStatusCode.NotFound => EventWriteOutcome.Gone,
        (int)HttpStatusCode.PreconditionFailed => EventWriteOutcome.Stale,
        _ => null,
    };

    private static DateTimeTimeZone Time(Instant instant) => new() { DateTime = GraphDateTime.Format(instant.InUtc().LocalDateTime), TimeZone = "UTC" };

    private static FreeBusyStatus ShowAs(string showAs) => showAs == "oof" ? FreeBusyStatus.Oof : FreeBusyStatus.Busy;
}
