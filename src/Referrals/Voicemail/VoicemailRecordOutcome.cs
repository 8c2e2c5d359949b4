namespace PresenceBot.Referrals.Voicemail;

/// <summary>What recording an event did: added a message, updated one, and the state it now has (which may be ahead of the event's).</summary>
public sealed record VoicemailRecordOutcome(bool Created, VoicemailState State);
