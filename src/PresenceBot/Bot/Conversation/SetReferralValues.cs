using NodaTime;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Bot.Conversation;

/// <summary>A referral as a command, a quick pick or the form gave it, before the service checks and stores it.</summary>
internal sealed record SetReferralValues(Reason Reason, Instant Until, Instant? From = null, PhoneState? Phone = null, string? Note = null);
