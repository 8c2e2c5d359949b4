namespace PresenceBot.Jobs;

/// <summary>Rows deleted by one run: the three kinds counted since the first version, and every other personal row.</summary>
internal sealed record RetentionResult(int Referrals, int AuditEntries, int OutboxMessages, int OtherPersonalRows = 0);
