namespace PresenceBot.Voicemail;

/// <summary>The answer to an accepted event: whose ledger it went to, whether it was new, and the state it now has.</summary>
public sealed record VoicemailReceipt(string Id, string PersonId, bool Created, string State);
