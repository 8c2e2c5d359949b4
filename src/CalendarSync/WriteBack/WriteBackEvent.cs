using NodaTime;

namespace PresenceBot.CalendarSync.WriteBack;

/// <summary>
/// The Outlook event that carries a manual referral to calendar-reading switchboards (Trio, Telia, Soluno): the Trio
/// code and the Swedish word in the subject, the referral's period, nothing else about it.
/// </summary>
public sealed record WriteBackEvent(Guid ReferralId, string Subject, Instant Start, Instant End, string ShowAs);
