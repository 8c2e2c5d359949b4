using NodaTime;

namespace PresenceBot.Referrals.Voicemail;

/// <summary>
/// Each person's voicemail: what is unheard, what they marked as heard, and when they asked to be reminded again.
/// Fed by the switchboard webhook and by reading mailboxes; read by the reminder jobs and the bot.
/// </summary>
public interface IVoicemailLedger
{
    /// <summary>
    /// Adds the message, or updates the one with the same source and id. Its state only moves forward
    /// (new → heard → deleted). Durable when the task completes.
    /// </summary>
    Task<VoicemailRecordOutcome> RecordAsync(VoicemailMessage message, Instant now, CancellationToken cancellationToken);

    /// <summary>
    /// The state of each of these messages of <paramref name="source"/> that the ledger holds; ids it has never seen
    /// are left out. Lets a source that lists what is unheard tell new messages from ones already recorded.
    /// </summary>
    Task<IReadOnlyDictionary<string, VoicemailState>> StatesAsync(string source, IReadOnlyCollection<string> ids, CancellationToken cancellationToken);

    /// <summary>The person's unheard messages, oldest first, and their snooze if one is set.</summary>
    Task<PersonVoicemails> ForPersonAsync(string personId, CancellationToken cancellationToken);

    /// <summary>Everyone with at least one unheard message: whom the reminder job has to look at.</summary>
    Task<IReadOnlyList<string>> PeopleWithUnheardAsync(CancellationToken cancellationToken);

    /// <summary>Everyone with at least one unheard message from <paramref name="source"/>.</summary>
    Task<IReadOnlyList<string>> PeopleWithUnheardAsync(string source, CancellationToken cancellationToken);

    /// <summary>"Markera som avlyssnad": marks the given messages (all unheard ones when empty) heard; returns how many changed.</summary>
    Task<int> MarkHeardAsync(string personId, IReadOnlyCollection<string> messageIds, Instant now, CancellationToken cancellationToken);

    /// <summary>"Påminn om en timme": no voicemail reminder for the person before <paramref name="until"/>.</summary>
    Task SnoozeAsync(string personId, Instant until, CancellationToken cancellationToken);
}
