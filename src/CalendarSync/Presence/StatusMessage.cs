using NodaTime;

namespace PresenceBot.CalendarSync.Presence;

/// <summary>A Teams status message as Graph has it: its text and when it expires (null: never).</summary>
public sealed record StatusMessage(string Text, Instant? ExpiresAt);
