using NodaTime;
using PresenceBot.Referrals.Voicemail;

namespace PresenceBot.Voicemail;

/// <summary>A switchboard voicemail event after parsing; <see cref="Person"/> is still as sent (id, UPN or extension).</summary>
internal sealed record VoicemailEvent(string Id, string Person, Instant ReceivedAt, string? Caller, int? DurationSeconds, VoicemailState State);
