using NodaTime;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Service;
using PresenceBot.Referrals.Timeline;

namespace PresenceBot.Switchboard;

/// <summary>Domain status → JSON, with times in the organisation's zone and sick disclosed as away.</summary>
internal static class ResponseMapping
{
    public static ReferralStatusResponse ToResponse(this EffectiveStatus status, DateTimeZone zone)
    {
        var person = PersonResponse.From(status.Person);
        var forwardTo = status is { ForwardedTo: { } colleague, Forwarding: { } forwarding }
            ? new ForwardToResponse(colleague.Id, colleague.Name, Local(forwarding.Until, zone))
            : null;
        if (status.Segment?.Referral is not { } referral)
        {
            return new ReferralStatusResponse(person, "available", null, null, "open", null, null, null, null, null, forwardTo);
        }

        var reason = ReasonCatalog.Disclosed(referral.Reason);
        return new ReferralStatusResponse(
            person,
            "referred",
            ReasonCatalog.Code(reason),
            ReasonCatalog.SwedishWord(reason),
            Phone(referral.Phone),
            Local(status.Segment.AbsentFrom, zone),
            Local(status.Segment.ReturnsAt, zone),
            Source(referral.Source),
            // A note about sick leave could say why; only undisclosed reasons keep their note.
            referral.Reason == Reason.Sick ? null : referral.Note,
            status.Talsvar,
            forwardTo);
    }

    public static TimelineSegmentResponse ToResponse(this TimelineSegment segment, DateTimeZone zone)
    {
        if (segment.Referral is not { } referral)
        {
            return new TimelineSegmentResponse(Local(segment.From, zone), Local(segment.To, zone), "available", null, null, "open", null, null);
        }

        var reason = ReasonCatalog.Disclosed(referral.Reason);
        return new TimelineSegmentResponse(
            Local(segment.From, zone),
            Local(segment.To, zone),
            "referred",
            ReasonCatalog.Code(reason),
            ReasonCatalog.SwedishWord(reason),
            Phone(referral.Phone),
            Source(referral.Source),
            Local(segment.ReturnsAt, zone));
    }

    /// <summary>The instant in the organisation's zone, to the whole second (switchboards show minutes, not ticks).</summary>
    public static DateTimeOffset Local(Instant instant, DateTimeZone zone) =>
        Instant.FromUnixTimeSeconds(instant.ToUnixTimeSeconds()).InZone(zone).ToDateTimeOffset();

    private static string Phone(PhoneState phone) => phone == PhoneState.Open ? "open" : "closed";

    private static string Source(ReferralSource source) => source.ToString().ToLowerInvariant();
}
