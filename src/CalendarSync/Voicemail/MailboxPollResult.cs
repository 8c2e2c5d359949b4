namespace PresenceBot.CalendarSync.Voicemail;

/// <summary>What one round over the inboxes did: people read, voicemail taken in as new, voicemail found heard, inboxes that could not be read.</summary>
public sealed record MailboxPollResult(int People, int Added, int Heard, int Failed);
