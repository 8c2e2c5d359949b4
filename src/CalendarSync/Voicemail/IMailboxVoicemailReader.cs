namespace PresenceBot.CalendarSync.Voicemail;

/// <summary>Reads people's unread voicemail from their inboxes.</summary>
public interface IMailboxVoicemailReader
{
    /// <summary>
    /// One answer per person, in one <c>$batch</c> per 20 people. A person whose inbox could not be read gets a failed
    /// answer; the others are not held back by it.
    /// </summary>
    Task<IReadOnlyList<MailboxRead>> ReadAsync(IReadOnlyList<string> personIds, CancellationToken cancellationToken);
}
