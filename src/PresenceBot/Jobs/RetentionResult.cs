namespace PresenceBot.Jobs;

/// <summary>Rows deleted by one run: referrals, audit entries and dead letters by name, and every other personal row.</summary>
internal sealed record RetentionResult(int Referrals, int AuditEntries, int DeadLetters, int OtherPersonalRows = 0);
