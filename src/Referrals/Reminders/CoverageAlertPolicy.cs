using NodaTime;
using PresenceBot.Referrals.Coverage;
using PresenceBot.Referrals.WorkingTime;
using OrganisationModel = PresenceBot.Referrals.Organisation.Organisation;

namespace PresenceBot.Referrals.Reminders;

/// <summary>
/// Decides what managers are told about phone-hour gaps: (previous state, current gaps, now) → (messages, new state).
/// <list type="bullet">
/// <item>At the digest time on a working day: the next working day's gaps, once per day.</item>
/// <item>A gap not yet told and starting within the alert horizon: an alert, once.</item>
/// <item>A told gap that is gone with nothing overlapping it in its place: "täckt igen". One that was replaced by a
/// changed gap is dropped quietly — the changed gap is a new gap and gets its own alert.</item>
/// </list>
/// Nothing is sent outside working hours (rule 11); what is pending then goes out when they begin.
/// <paramref name="current"/> must be computed over whole local days (today and the next working day), not from
/// now, so a gap in progress keeps its interval — and so its identity — from one evaluation to the next.
/// </summary>
public static class CoverageAlertPolicy
{
    public static CoverageAlertOutcome Evaluate(
        CoverageAlertState previous, IReadOnlyList<CoverageGap> current, Instant now, OrganisationModel organisation, CoverageAlertRules rules)
    {
        ArgumentNullException.ThrowIfNull(previous);
        ArgumentNullException.ThrowIfNull(current);
        ArgumentNullException.ThrowIfNull(organisation);
        ArgumentNullException.ThrowIfNull(rules);
        var calendar = new WorkingCalendar(organisation);
        var live = current.Where(g => g.Interval.End > now).ToList();
        var liveKeys = live.Select(g => g.Key).ToHashSet();
        var alerted = previous.Alerted.Where(k => k.Interval.End > now).ToHashSet();
        if (!calendar.IsWithinWorkingHours(now))
        {
            return new CoverageAlertOutcome([], previous with { Alerted = alerted });
        }

        var messages = new List<ReminderMessage>();
        foreach (var gone in alerted.Where(k => !liveKeys.Contains(k)).ToList())
        {
            alerted.Remove(gone);
            var replaced = live.Any(g => g.Unit.Id == gone.UnitId && g.Interval.Start < gone.Interval.End && gone.Interval.Start < g.Interval.End);
            if (!replaced && organisation.FindUnit(gone.UnitId) is { } unit)
            {
                messages.AddRange(CoverageMessages.Covered(unit, gone, now, organisation.TimeZone));
            }
        }

        var digestFor = previous.DigestSentFor;
        var local = now.InZone(calendar.Zone).LocalDateTime;
        var nextWorkingDay = calendar.NextWorkingDayAfter(local.Date);
        if (local.TimeOfDay >= rules.DigestAt && digestFor != nextWorkingDay)
        {
            digestFor = nextWorkingDay;
            foreach (var unitGaps in live.Where(g => g.Interval.Start.InZone(calendar.Zone).Date == nextWorkingDay).GroupBy(g => g.Unit.Id))
            {
                var gaps = unitGaps.OrderBy(g => g.Interval.Start).ToList();
                messages.AddRange(CoverageMessages.Digest(gaps, nextWorkingDay, now, organisation.TimeZone));
                alerted.UnionWith(gaps.Select(g => g.Key));
            }
        }

        foreach (var gap in live.Where(g => !alerted.Contains(g.Key) && g.Interval.Start < now + rules.AlertHorizon).OrderBy(g => g.Interval.Start))
        {
            messages.AddRange(CoverageMessages.Alert(gap, now, organisation.TimeZone));
            alerted.Add(gap.Key);
        }

        return new CoverageAlertOutcome(messages, new CoverageAlertState(alerted, digestFor));
    }
}
