namespace PresenceBot.Referrals.Voicemail;

/// <summary>What bringing the ledger in line with a source's list did: messages added as new, and marked heard.</summary>
public sealed record VoicemailReconciliation(int Added, int Heard);
