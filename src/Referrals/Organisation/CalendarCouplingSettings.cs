using NodaTime;

namespace PresenceBot.Referrals.Organisation;

/// <summary>Organisation-wide coupling default and how long a gap between bookings still merges them.</summary>
public sealed record CalendarCouplingSettings(CalendarCoupling Default, Duration MergeGap);
