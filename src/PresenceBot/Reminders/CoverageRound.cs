using Microsoft.Extensions.Options;
using NodaTime;
using PresenceBot.Referrals.Coverage;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Reminders;
using PresenceBot.Referrals.Service;
using PresenceBot.Referrals.WorkingTime;
using OrganisationModel = PresenceBot.Referrals.Organisation.Organisation;

namespace PresenceBot.Reminders;

/// <summary>
/// One evaluation of phone-hour coverage, run by the minute job and at once after every referral change: compute every
/// unit's gaps, tell managers what <see cref="CoverageAlertPolicy"/> says is due, keep the state, and warn staff whose
/// meeting leaves their unit short. Delivery claims make a second evaluation (the other trigger, another instance) harmless.
/// </summary>
internal sealed class CoverageRound(
    ReferralService referrals,
    IReminderLog log,
    ReminderDelivery delivery,
    IOrganisationSource organisation,
    IOptions<RemindersOptions> options,
    TimeProvider time,
    ILogger<CoverageRound> logger) : IDisposable
{
    /// <summary>The job and the change handler may overlap in one process; each evaluation reads the state the last one saved.</summary>
    private readonly SemaphoreSlim _gate = new(1, 1);

    private long _lastStartTicks = long.MinValue;

    /// <summary>True when an evaluation in this process started after <paramref name="instant"/> (and so read what was committed by then).</summary>
    public bool StartedAfter(Instant instant) => Interlocked.Read(ref _lastStartTicks) > instant.ToUnixTimeTicks();

    /// <summary>When the last evaluation in this process started; null before the first.</summary>
    public Instant? LastStartedAt => Interlocked.Read(ref _lastStartTicks) is var ticks && ticks != long.MinValue ? Instant.FromUnixTimeTicks(ticks) : null;

    /// <summary>Returns how many messages this evaluation sent.</summary>
    public async Task<int> RunAsync(CancellationToken cancellationToken)
    {
        await _gate.WaitAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            return await EvaluateAsync(cancellationToken).ConfigureAwait(false);
        }
        finally
        {
            _gate.Release();
        }
    }

    public void Dispose() => _gate.Dispose();

    /// <summary>
    /// Whole local days, today through the end of the next working day, for ALL units: a gap in progress keeps its
    /// interval (and so its identity) from run to run, and no unit left out looks "covered again".
    /// </summary>
    internal async Task<CoverageSnapshot> SnapshotAsync(OrganisationModel org, Instant now, CancellationToken cancellationToken)
    {
        var calendar = new WorkingCalendar(org);
        var today = now.InZone(org.TimeZone).Date;
        var window = new Interval(
            today.AtStartOfDayInZone(org.TimeZone).ToInstant(),
            calendar.NextWorkingDayAfter(today).PlusDays(1).AtStartOfDayInZone(org.TimeZone).ToInstant());
        var timelines = await referrals.TimelinesAsync(org.People, window, cancellationToken).ConfigureAwait(false);
        return new CoverageSnapshot(window, CoverageCalculator.GapsOfEveryUnit(org, timelines, window, calendar), timelines);
    }

    private async Task<int> EvaluateAsync(CancellationToken cancellationToken)
    {
        var org = organisation.Current;
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        Interlocked.Exchange(ref _lastStartTicks, now.ToUnixTimeTicks());
        var rules = options.Value.ToCoverageRules();
        var snapshot = await SnapshotAsync(org, now, cancellationToken).ConfigureAwait(false);
        var previous = await log.LoadCoverageStateAsync(cancellationToken).ConfigureAwait(false);
        var outcome = CoverageAlertPolicy.Evaluate(previous, snapshot.Gaps, now, org, rules);

        var failed = new List<ReminderMessage>();
        var sent = 0;
        foreach (var message in outcome.Messages)
        {
            switch (await delivery.DeliverAsync(message, cancellationToken).ConfigureAwait(false))
            {
                case ReminderOutcome.Sent:
                    sent++;
                    break;
                case ReminderOutcome.Failed:
                    failed.Add(message);
                    break;
            }
        }

        await log.SaveCoverageStateAsync(Retryable(outcome.State, previous, failed, snapshot.Gaps), cancellationToken).ConfigureAwait(false);
        if (new WorkingCalendar(org).IsWithinWorkingHours(now))
        {
            // Rule 11: staff are warned in working hours only. A booking made in the evening stays in the gaps, so the
            // first run of the next working morning warns about it (if it still lies ahead) — held, not lost.
            sent += await WarnStaffAsync(snapshot, now, org, rules, cancellationToken).ConfigureAwait(false);
        }

        RemindersLog.CoverageRound(logger, snapshot.Gaps.Count, outcome.Messages.Count, sent);
        return sent;
    }

    /// <summary>
    /// The state to keep when some sends failed: a gap whose alert failed is not "alerted" (so the next run alerts it
    /// again; managers who got it are protected by their claims), one whose "täckt igen" failed stays alerted (so it
    /// is found closed again), and a failed digest is not marked done.
    /// </summary>
    private static CoverageAlertState Retryable(
        CoverageAlertState state, CoverageAlertState previous, List<ReminderMessage> failed, IReadOnlyList<CoverageGap> gaps)
    {
        if (failed.Count == 0)
        {
            return state;
        }

        var known = gaps.Select(g => g.Key).Concat(previous.Alerted)
            .DistinctBy(k => (k.UnitId, CoverageMessages.Slot(k.Interval)))
            .ToDictionary(k => (k.UnitId, CoverageMessages.Slot(k.Interval)));
        var alerted = state.Alerted.ToHashSet();
        foreach (var message in failed)
        {
            if (!known.TryGetValue((message.Subject, message.Slot), out var key))
            {
                continue;
            }

            if (message.Kind == ReminderKind.CoverageAlert)
            {
                alerted.Remove(key);
            }
            else if (message.Kind == ReminderKind.CoverageCovered)
            {
                alerted.Add(key);
            }
        }

        var digestFailed = failed.Any(m => m.Kind == ReminderKind.CoverageDigest);
        return new CoverageAlertState(alerted, digestFailed ? previous.DigestSentFor : state.DigestSentFor);
    }

    private async Task<int> WarnStaffAsync(
        CoverageSnapshot snapshot, Instant now, OrganisationModel org, CoverageAlertRules rules, CancellationToken cancellationToken)
    {
        var sent = 0;
        foreach (var unitGaps in snapshot.Gaps.GroupBy(g => g.Unit.Id))
        {
            var gaps = unitGaps.ToList();
            var bookings = gaps
                .SelectMany(g => g.Away.Select(a => a.Person))
                .DistinctBy(p => p.Id)
                .SelectMany(p => snapshot.Timelines[p.Id]
                    .Where(s => s.Referral is not null && gaps.Any(g => s.From < g.Interval.End && g.Interval.Start < s.To))
                    .Select(s => (Person: p, Referral: s.Referral!)))
                .DistinctBy(b => b.Referral.Id);
            foreach (var (person, referral) in bookings)
            {
                // The slot is the booking and its interval: the same booking seen again is not warned twice; a moved one is.
                if (StaffWarningPolicy.Evaluate(person, referral, gaps, now, org.TimeZone, rules) is { } warning
                    && await delivery.DeliverAsync(warning, cancellationToken).ConfigureAwait(false) == ReminderOutcome.Sent)
                {
                    sent++;
                }
            }
        }

        return sent;
    }
}
