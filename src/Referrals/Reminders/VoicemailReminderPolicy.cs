using NodaTime;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Voicemail;
using PresenceBot.Referrals.WorkingTime;

namespace PresenceBot.Referrals.Reminders;

/// <summary>
/// Decides whether a person gets a voicemail reminder now (rule 9, rule 11). Only in working hours, on working days,
/// when no vacation/leave/sick referral is in force and no snooze runs. In priority order:
/// <list type="number">
/// <item>Digest: something arrived before this working morning began and nothing was sent since — the one summary
/// of what came in overnight, over a weekend or during an absence.</item>
/// <item>Last call: from the last-call time (15:00), something from today is unheard and no reminder went out since.</item>
/// <item>Snooze over: the person asked to be reminded again, and that time has come.</item>
/// <item>Repeat: messages that were already reminded of are still unheard, and the repeat interval has passed
/// (none after the last call: that one was the last of the day).</item>
/// <item>First: nothing unheard was reminded of yet, and a message has waited the first threshold.</item>
/// </list>
/// </summary>
public static class VoicemailReminderPolicy
{
    public static VoicemailReminderDue? Decide(
        PersonVoicemails voicemails,
        WorkingCalendar calendar,
        Reason? reasonInForce,
        SentReminder? last,
        Instant now,
        VoicemailReminderRules rules)
    {
        ArgumentNullException.ThrowIfNull(voicemails);
        ArgumentNullException.ThrowIfNull(calendar);
        ArgumentNullException.ThrowIfNull(rules);
        var unheard = voicemails.Unheard;
        if (unheard.Count == 0
            || !calendar.IsWithinWorkingHours(now)
            || reasonInForce is { } reason && rules.SuppressedBy.Contains(reason)
            || voicemails.SnoozedUntil > now)
        {
            return null;
        }

        var today = now.InZone(calendar.Zone).Date;
        var dayStart = calendar.StartOfWorkingDay(today);
        var sentToday = last is { } l && l.SentAt >= dayStart ? l : null;
        if (sentToday is null && unheard.Any(m => m.ReceivedAt < dayStart))
        {
            return new VoicemailReminderDue(ReminderKind.VoicemailDigest, dayStart);
        }

        var lastCall = today.At(rules.LastCallAt).InZoneLeniently(calendar.Zone).ToInstant();
        var lastCallDone = sentToday is not null && sentToday.SentAt >= lastCall;
        if (now >= lastCall && !lastCallDone && unheard.Any(m => m.ReceivedAt.InZone(calendar.Zone).Date == today))
        {
            return new VoicemailReminderDue(ReminderKind.VoicemailLastCall, lastCall);
        }

        if (voicemails.SnoozedUntil is { } snoozeEnd && sentToday is not null && snoozeEnd > sentToday.SentAt)
        {
            return new VoicemailReminderDue(ReminderKind.VoicemailRepeat, snoozeEnd);
        }

        var remindedOf = sentToday is null ? [] : unheard.Where(m => m.ReceivedAt <= sentToday.SentAt).ToList();
        if (remindedOf.Count > 0)
        {
            var repeatAt = sentToday!.SentAt + rules.RepeatEvery;
            return now >= repeatAt && !lastCallDone ? new VoicemailReminderDue(ReminderKind.VoicemailRepeat, repeatAt) : null;
        }

        var firstDue = unheard.Min(m => m.ReceivedAt) + rules.FirstAfter;
        return now >= firstDue ? new VoicemailReminderDue(ReminderKind.VoicemailFirst, firstDue) : null;
    }
}
