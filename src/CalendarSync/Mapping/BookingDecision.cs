using System.Diagnostics.CodeAnalysis;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Service;

namespace PresenceBot.CalendarSync.Mapping;

/// <summary>
/// What one calendar event means for referrals: either a <see cref="CalendarBooking"/> to upsert, or a reason code
/// (<see cref="IgnoreReasons"/>) saying why it makes none. It holds no subject, location or other free text from
/// the event, so it is safe to log (rule 5).
/// </summary>
public sealed record BookingDecision
{
    private BookingDecision(CalendarBooking? booking, string? ignoreReason)
    {
        Booking = booking;
        IgnoreReason = ignoreReason;
    }

    /// <summary>The referral to write; null when the event is ignored.</summary>
    public CalendarBooking? Booking { get; }

    /// <summary>Why no referral is made (one of <see cref="IgnoreReasons"/>); null for a referral.</summary>
    public string? IgnoreReason { get; }

    [MemberNotNullWhen(true, nameof(Booking))]
    [MemberNotNullWhen(false, nameof(IgnoreReason))]
    public bool IsReferral => Booking is not null;

    public static BookingDecision Refer(CalendarBooking booking)
    {
        ArgumentNullException.ThrowIfNull(booking);
        return new BookingDecision(booking, null);
    }

    public static BookingDecision Ignore(string reason)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(reason);
        return new BookingDecision(null, reason);
    }

    /// <summary>
    /// A log description built only from the mapped fields. The reason goes through
    /// <see cref="ReasonCatalog.Disclosed"/> because logs are read by others than the person, and sickness must not
    /// leave the person's own view.
    /// </summary>
    public override string ToString() =>
        IsReferral
            ? $"refer {Booking.ExternalKey} as {ReasonCatalog.Code(ReasonCatalog.Disclosed(Booking.Reason))} {Booking.Start}..{Booking.End}"
            : $"ignore: {IgnoreReason}";
}
