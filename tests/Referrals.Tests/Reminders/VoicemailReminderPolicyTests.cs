using Microsoft.Extensions.Time.Testing;
using NodaTime;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Reminders;
using PresenceBot.Referrals.Voicemail;
using static PresenceBot.Referrals.Tests.Coverage.CoverageFixtures;
using static PresenceBot.Referrals.Tests.WorkingTime.TestCalendars;

namespace PresenceBot.Referrals.Tests.Reminders;

/// <summary>The voicemail reminder rules, one row per situation, on Mon–Fri 08–17 with the default thresholds.</summary>
public sealed class VoicemailReminderPolicyTests
{
    private static readonly VoicemailReminderRules Rules = new();

    public static TheoryData<string, string[], string, string?, string?, string?, string?> Cases => new()
    {
        // name, received (local), now, reason in force, last sent "Kind@local", snoozed until, expected "Kind@dueAt"
        { "nothing unheard", [], "2026-11-23T10:00", null, null, null, null },
        { "29 minutes: not yet", ["2026-11-23T10:00"], "2026-11-23T10:29", null, null, null, null },
        { "30 minutes: first", ["2026-11-23T10:00"], "2026-11-23T10:30", null, null, null, "VoicemailFirst@2026-11-23T10:30" },
        { "first is due from the oldest", ["2026-11-23T10:20", "2026-11-23T10:00"], "2026-11-23T10:45", null, null, null, "VoicemailFirst@2026-11-23T10:30" },
        { "repeat waits two hours", ["2026-11-23T10:00"], "2026-11-23T12:29", null, "VoicemailFirst@2026-11-23T10:30", null, null },
        { "repeat after two hours", ["2026-11-23T10:00"], "2026-11-23T12:30", null, "VoicemailFirst@2026-11-23T10:30", null, "VoicemailRepeat@2026-11-23T12:30" },
        { "a new message after the old were heard starts over", ["2026-11-23T11:00"], "2026-11-23T11:30", null, "VoicemailFirst@2026-11-23T10:30", null, "VoicemailFirst@2026-11-23T11:30" },
        { "a new message beside an old one waits for the repeat", ["2026-11-23T10:00", "2026-11-23T11:00"], "2026-11-23T11:30", null, "VoicemailFirst@2026-11-23T10:30", null, null },
        { "after working hours: nothing", ["2026-11-23T16:40"], "2026-11-23T17:10", null, null, null, null },
        { "before working hours: nothing", ["2026-11-23T06:00"], "2026-11-23T07:59", null, null, null, null },
        { "weekend: nothing", ["2026-11-28T10:00"], "2026-11-28T12:00", null, null, null, null },
        { "holiday: nothing", ["2026-12-25T09:00"], "2026-12-25T12:00", null, null, null, null },
        { "monday morning after the weekend: digest", ["2026-11-28T10:00"], "2026-11-30T08:00", null, null, null, "VoicemailDigest@2026-11-30T08:00" },
        { "after a holiday: digest on the next working morning", ["2026-12-24T10:00"], "2026-12-28T08:01", null, null, null, "VoicemailDigest@2026-12-28T08:00" },
        { "evening message: digest next morning", ["2026-11-23T16:50"], "2026-11-24T08:00", null, "VoicemailRepeat@2026-11-23T14:00", null, "VoicemailDigest@2026-11-24T08:00" },
        { "one digest only", ["2026-11-28T10:00"], "2026-11-30T09:00", null, "VoicemailDigest@2026-11-30T08:00", null, null },
        { "after the digest, repeats every two hours", ["2026-11-28T10:00"], "2026-11-30T10:00", null, "VoicemailDigest@2026-11-30T08:00", null, "VoicemailRepeat@2026-11-30T10:00" },
        { "vacation: nothing", ["2026-11-23T09:00"], "2026-11-23T12:00", "Vacation", null, null, null },
        { "leave: nothing", ["2026-11-23T09:00"], "2026-11-23T12:00", "Leave", null, null, null },
        { "sick: nothing", ["2026-11-23T09:00"], "2026-11-23T12:00", "Sick", null, null, null },
        { "in a meeting: still reminded", ["2026-11-23T09:00"], "2026-11-23T12:00", "Meeting", null, null, "VoicemailFirst@2026-11-23T09:30" },
        { "back from vacation: digest on the first morning", ["2026-11-20T11:00", "2026-11-24T09:00"], "2026-11-25T08:00", null, null, null, "VoicemailDigest@2026-11-25T08:00" },
        { "snoozed: nothing", ["2026-11-23T10:00"], "2026-11-23T11:00", null, "VoicemailFirst@2026-11-23T10:30", "2026-11-23T11:35", null },
        { "snooze over: reminded again before the two hours", ["2026-11-23T10:00"], "2026-11-23T11:35", null, "VoicemailFirst@2026-11-23T10:30", "2026-11-23T11:35", "VoicemailRepeat@2026-11-23T11:35" },
        { "snooze ending after hours waits for the morning", ["2026-11-23T10:00"], "2026-11-23T17:30", null, "VoicemailRepeat@2026-11-23T16:30", "2026-11-23T17:30", null },
        { "15:00 with something from today: last call", ["2026-11-23T14:00"], "2026-11-23T15:00", null, "VoicemailFirst@2026-11-23T14:30", null, "VoicemailLastCall@2026-11-23T15:00" },
        { "last call even before the first threshold", ["2026-11-23T14:50"], "2026-11-23T15:00", null, null, null, "VoicemailLastCall@2026-11-23T15:00" },
        { "last call is the last of the day", ["2026-11-23T14:00"], "2026-11-23T16:59", null, "VoicemailLastCall@2026-11-23T15:00", null, null },
        { "only older messages at 15:00: no last call", ["2026-11-20T10:00"], "2026-11-23T15:00", null, "VoicemailDigest@2026-11-23T08:00", null, "VoicemailRepeat@2026-11-23T10:00" },
        { "a message after the last call gets its own first", ["2026-11-23T15:10"], "2026-11-23T15:40", null, "VoicemailLastCall@2026-11-23T15:00", null, "VoicemailFirst@2026-11-23T15:40" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void Decide(string situation, string[] received, string now, string? reasonInForce, string? lastSent, string? snoozedUntil, string? expected)
    {
        var clock = new FakeTimeProvider(At(now).ToDateTimeOffset());
        var voicemails = new PersonVoicemails("kim", received.Select((r, i) => Message($"m{i}", r)).ToList(), snoozedUntil is null ? null : At(snoozedUntil));

        var due = VoicemailReminderPolicy.Decide(
            voicemails, OfficeHours(), reasonInForce is null ? null : Enum.Parse<Reason>(reasonInForce), Sent(lastSent),
            Instant.FromDateTimeOffset(clock.GetUtcNow()), Rules);

        Assert.True(expected == Describe(due), $"{situation}: expected {expected ?? "nothing"}, got {Describe(due) ?? "nothing"}");
    }

    [Fact]
    public void FakeClock_ThroughADay_SendsFirstRepeatAndLastCallOnce()
    {
        var clock = new FakeTimeProvider(At("2026-11-23T09:00").ToDateTimeOffset());
        var voicemails = new PersonVoicemails("kim", [Message("m1", "2026-11-23T09:10")], null);
        SentReminder? last = null;
        var sent = new List<string>();

        while (Instant.FromDateTimeOffset(clock.GetUtcNow()) < At("2026-11-23T19:00"))
        {
            var now = Instant.FromDateTimeOffset(clock.GetUtcNow());
            if (VoicemailReminderPolicy.Decide(voicemails, OfficeHours(), null, last, now, Rules) is { } due)
            {
                last = new SentReminder(due.Kind, now);
                sent.Add($"{due.Kind}@{now.InZone(Stockholm).TimeOfDay:HH:mm}");
            }

            clock.Advance(TimeSpan.FromMinutes(1));
        }

        Assert.Equal(["VoicemailFirst@09:40", "VoicemailRepeat@11:40", "VoicemailRepeat@13:40", "VoicemailLastCall@15:00"], sent);
    }

    [Fact]
    public void Slot_IsTheSameWhenTwoInstancesDecideSecondsApart()
    {
        var voicemails = new PersonVoicemails("kim", [Message("m1", "2026-11-23T10:00")], null);

        var a = VoicemailReminderPolicy.Decide(voicemails, OfficeHours(), null, null, At("2026-11-23T10:30") + Duration.FromSeconds(3), Rules);
        var b = VoicemailReminderPolicy.Decide(voicemails, OfficeHours(), null, null, At("2026-11-23T10:30") + Duration.FromSeconds(41), Rules);

        Assert.Equal(a!.Slot, b!.Slot);
    }

    [Fact]
    public void Thresholds_AreConfigurable()
    {
        var rules = new VoicemailReminderRules { FirstAfter = Duration.FromMinutes(10), LastCallAt = new LocalTime(14, 0) };
        var voicemails = new PersonVoicemails("kim", [Message("m1", "2026-11-23T10:00")], null);

        Assert.Equal(ReminderKind.VoicemailFirst, VoicemailReminderPolicy.Decide(voicemails, OfficeHours(), null, null, At("2026-11-23T10:10"), rules)?.Kind);
        Assert.Equal(ReminderKind.VoicemailLastCall, VoicemailReminderPolicy.Decide(
            voicemails, OfficeHours(), null, new SentReminder(ReminderKind.VoicemailFirst, At("2026-11-23T10:10")), At("2026-11-23T14:00"), rules)?.Kind);
    }

    internal static VoicemailMessage Message(string id, string receivedAt, string? caller = null) => new()
    {
        Source = VoicemailSources.Switchboard,
        Id = id,
        PersonId = "kim",
        ReceivedAt = At(receivedAt),
        Caller = caller,
        State = VoicemailState.New,
    };

    private static SentReminder? Sent(string? text)
    {
        if (text is null)
        {
            return null;
        }

        var parts = text.Split('@');
        return new SentReminder(Enum.Parse<ReminderKind>(parts[0]), At(parts[1]));
    }

    private static string? Describe(VoicemailReminderDue? due) =>
        due is null ? null : $"{due.Kind}@{due.DueAt.InZone(Stockholm).LocalDateTime:uuuu-MM-dd'T'HH:mm}";
}
