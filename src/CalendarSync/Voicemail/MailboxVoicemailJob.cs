using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using NodaTime;
using PresenceBot.CalendarSync.Graph;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Voicemail;

namespace PresenceBot.CalendarSync.Voicemail;

/// <summary>
/// Every <c>PollInterval</c>: the inboxes of everyone with <c>voicemailFromMailbox</c> are read (20 to a <c>$batch</c>,
/// four batches at a time) and the ledger brought in line — an unread voicemail is a new message in the ledger, one no
/// longer unread (read, deleted or filed in Outlook or Teams) is heard, so its reminders stop. One inbox that can't be
/// read (403, 404, throttled) changes nothing for its owner and holds up no one else; the next round tries again.
/// Someone whose setting was turned off keeps no unheard mailbox voicemail.
/// </summary>
internal sealed class MailboxVoicemailJob(
    IMailboxVoicemailReader reader,
    UnheardVoicemailReconciler reconciler,
    IVoicemailLedger ledger,
    IOrganisationSource organisation,
    MailboxReadHealth health,
    IOptions<MailboxVoicemailOptions> options,
    TimeProvider time,
    ILogger<MailboxVoicemailJob> logger)
{
    public const string RecurringJobId = "voicemail-mailboxes";
    private const int BatchesInFlight = 4;

    /// <summary>Not retried: the next round is the retry. A round still running when the next is due makes it wait, not overlap.</summary>
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    [DisableConcurrentExecution(timeoutInSeconds: 60)]
    public async Task<MailboxPollResult> RunAsync(CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        var org = organisation.Current;
        var people = org.People.Where(p => p.VoicemailFromMailbox).Select(p => p.Id).ToHashSet(StringComparer.OrdinalIgnoreCase);
        var withUnheard = (await ledger.PeopleWithUnheardAsync(VoicemailSources.Mailbox, cancellationToken).ConfigureAwait(false))
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        // Only people the organisation knows without the setting: someone not (yet) known — a group member before the
        // group is read at start — is left alone, and the reminders skip unknown people anyway.
        var switchedOff = withUnheard.Where(id => org.FindPerson(id) is { VoicemailFromMailbox: false }).ToList();
        var heard = await SwitchedOffAsync(switchedOff, now, cancellationToken).ConfigureAwait(false);
        if (people.Count == 0)
        {
            return new MailboxPollResult(0, 0, heard, 0);
        }

        var ignoreBefore = now - Duration.FromTimeSpan(options.Value.IgnoreOlderThan);
        int added = 0, failed = 0;
        await Parallel.ForEachAsync(
            people.Chunk(GraphBatch.MaxRequests),
            new ParallelOptions { MaxDegreeOfParallelism = BatchesInFlight, CancellationToken = cancellationToken },
            async (group, ct) =>
            {
                foreach (var read in await reader.ReadAsync(group, ct).ConfigureAwait(false))
                {
                    if (read.Unread is not { } unread)
                    {
                        Interlocked.Increment(ref failed);
                        Failed(read);
                        continue;
                    }

                    if (health.Succeeded(read.PersonId))
                    {
                        CalendarSyncLog.MailboxReadRecovered(logger, read.PersonId);
                    }

                    // Nothing unread there and nothing unheard here: nothing to reconcile, no database work.
                    if (unread.Count == 0 && !withUnheard.Contains(read.PersonId))
                    {
                        continue;
                    }

                    try
                    {
                        var result = await reconciler.ReconcileAsync(
                            read.PersonId, VoicemailSources.Mailbox, [.. unread.Select(v => ToLedger(v, read.PersonId))], ignoreBefore, now, ct).ConfigureAwait(false);
                        Interlocked.Add(ref added, result.Added);
                        Interlocked.Add(ref heard, result.Heard);
                    }
                    catch (Exception ex) when (!ct.IsCancellationRequested)
                    {
                        // The ledger could not take it (the database): this person's round is repeated next time, the others go on.
                        Interlocked.Increment(ref failed);
                        CalendarSyncLog.MailboxReconcileFailed(logger, read.PersonId, ex);
                    }
                }
            }).ConfigureAwait(false);

        CalendarSyncLog.MailboxRound(logger, people.Count, added, heard, failed);
        return new MailboxPollResult(people.Count, added, heard, failed);
    }

    /// <summary>
    /// People whose mailbox no longer speaks for them (the setting turned off): what it said goes, as
    /// with a calendar coupled off. Their mailbox voicemail is no longer read, so reminding of it would never end.
    /// </summary>
    private async Task<int> SwitchedOffAsync(IReadOnlyList<string> personIds, Instant now, CancellationToken cancellationToken)
    {
        var heard = 0;
        foreach (var personId in personIds)
        {
            var result = await reconciler.ReconcileAsync(personId, VoicemailSources.Mailbox, [], now, now, cancellationToken).ConfigureAwait(false);
            heard += result.Heard;
        }

        if (heard > 0)
        {
            CalendarSyncLog.MailboxSwitchedOff(logger, personIds.Count, heard);
        }

        return heard;
    }

    private static VoicemailMessage ToLedger(MailboxVoicemail voicemail, string personId) => new()
    {
        Source = VoicemailSources.Mailbox,
        Id = voicemail.Id,
        PersonId = personId,
        ReceivedAt = voicemail.ReceivedAt,
        Caller = voicemail.Caller,
        DurationSeconds = voicemail.DurationSeconds,
        State = VoicemailState.New,
    };

    private void Failed(MailboxRead read)
    {
        var status = read.FailureStatus;
        var why = status switch
        {
            401 or 403 => "no permission: the app needs Mail.Read, and an application access policy may leave this mailbox out",
            404 => "no mailbox (unlicensed, inactive or on-premises)",
            429 or 503 => "Graph is still throttling after the retries",
            null => "Graph did not answer",
            _ => "Graph refused the read",
        };
        if (health.Failed(read.PersonId, status))
        {
            CalendarSyncLog.MailboxReadFailed(logger, read.PersonId, status, read.FailureCode, why);
        }
        else
        {
            CalendarSyncLog.MailboxStillFailing(logger, read.PersonId, status);
        }
    }
}
