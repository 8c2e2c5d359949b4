namespace PresenceBot.Jobs;

internal sealed record RetentionResult(int Referrals, int AuditEntries, int DeadLetters);
