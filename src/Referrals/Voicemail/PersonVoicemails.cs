using NodaTime;

namespace PresenceBot.Referrals.Voicemail;

/// <summary>What the reminder policy needs from the ledger for one person: the unheard messages and any snooze.</summary>
public sealed record PersonVoicemails(string PersonId, IReadOnlyList<VoicemailMessage> Unheard, Instant? SnoozedUntil);
