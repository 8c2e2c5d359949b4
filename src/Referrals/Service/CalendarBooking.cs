using NodaTime;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Referrals.Service;

/// <summary>
/// A calendar booking already mapped to a reason (no subject, location or body: rule 5).
/// <see cref="End"/> is the booking's end; the service moves it to a working morning when needed.
/// <see cref="Phone"/> is set when the booking itself says (a Trio code); otherwise the person's coupling decides.
/// </summary>
public sealed record CalendarBooking(
    string PersonId, string ExternalKey, Reason Reason, Instant Start, Instant End, string Actor, PhoneState? Phone = null);
