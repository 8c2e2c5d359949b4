using NodaTime;

namespace PresenceBot.Referrals.Voicemail;

/// <summary>
/// Brings the ledger in line with a source that can list everything still unheard for a person (a mailbox's unread
/// voicemail), unlike the switchboard, which reports each change. Listed and unknown: recorded as new. Recorded as
/// new but no longer listed: the person read, deleted or filed it there, so it is heard. A message the ledger already
/// holds in any state is left as it is, so "Markera som avlyssnad" in Teams sticks while the mail stays unread.
/// </summary>
public sealed class UnheardVoicemailReconciler(IVoicemailLedger ledger)
{
    /// <param name="personId">Whose list it is.</param>
    /// <param name="source">The source, e.g. <see cref="VoicemailSources.Mailbox"/>; every listed message must be from it.</param>
    /// <param name="listed">The complete list of what the source holds unheard now. An incomplete list must not be passed:
    /// whatever is missing from it would be taken as heard.</param>
    /// <param name="ignoreReceivedBefore">Listed messages received before this and not yet in the ledger are not recorded:
    /// switching the source on must not turn an old backlog into reminders.</param>
    public async Task<VoicemailReconciliation> ReconcileAsync(
        string personId,
        string source,
        IReadOnlyCollection<VoicemailMessage> listed,
        Instant ignoreReceivedBefore,
        Instant now,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(listed);
        if (listed.FirstOrDefault(m => m.Source != source || m.PersonId != personId) is { } stray)
        {
            throw new ArgumentException($"Message {stray.Id} is not {personId}'s from {source}.", nameof(listed));
        }

        var recent = listed.Where(m => m.ReceivedAt >= ignoreReceivedBefore).ToList();
        var added = 0;
        if (recent.Count > 0)
        {
            var known = await ledger.StatesAsync(source, recent.Select(m => m.Id).ToList(), cancellationToken).ConfigureAwait(false);
            foreach (var message in recent.Where(m => !known.ContainsKey(m.Id)))
            {
                var outcome = await ledger.RecordAsync(message with { State = VoicemailState.New }, now, cancellationToken).ConfigureAwait(false);
                added += outcome.Created ? 1 : 0;
            }
        }

        var stillListed = listed.Select(m => m.Id).ToHashSet(StringComparer.Ordinal);
        var unheard = await ledger.ForPersonAsync(personId, cancellationToken).ConfigureAwait(false);
        var heard = 0;
        foreach (var message in unheard.Unheard.Where(m => m.Source == source && !stillListed.Contains(m.Id)))
        {
            await ledger.RecordAsync(message with { State = VoicemailState.Heard }, now, cancellationToken).ConfigureAwait(false);
            heard++;
        }

        return new VoicemailReconciliation(added, heard);
    }
}
