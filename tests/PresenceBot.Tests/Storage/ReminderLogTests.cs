using Microsoft.Extensions.Time.Testing;
using NodaTime;
using PresenceBot.Referrals.Coverage;
using PresenceBot.Referrals.Reminders;
using PresenceBot.Storage;

namespace PresenceBot.Tests.Storage;

/// <summary>The once-only claims and the coverage alert state on a real database, with two "instances" sharing it.</summary>
public sealed class ReminderLogTests
{
    private static readonly DateTimeOffset Start = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(1));

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Claim_OnlyOneOfTwoInstancesWins_AndARestartDoesNotSendAgain(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        var a = new EfReminderLog(database.CreateFactory(), clock);
        var b = new EfReminderLog(database.CreateFactory(), clock);
        var message = Reminder(ReminderKind.VoicemailFirst, "2026-11-23T08:30:00Z");

        var claims = await Task.WhenAll(a.TryClaimAsync(message, CancellationToken.None), b.TryClaimAsync(message, CancellationToken.None));
        var afterRestart = await new EfReminderLog(database.CreateFactory(), clock).TryClaimAsync(message, CancellationToken.None);

        Assert.Single(claims, won => won);
        Assert.False(afterRestart);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Claim_LosingTheRace_IsAnAnswerNotAFailedCommand(DbProvider provider)
    {
        // EF Core logs every failed command as an error with a stack trace: a lost claim (the expected path) must not fail one.
        await using var database = await TestDatabase.CreateAsync(provider);
        var failures = new FailedCommandCounter();
        var log = new EfReminderLog(database.CreateFactory(failures), new FakeTimeProvider(Start));
        var message = Reminder(ReminderKind.VoicemailFirst, "2026-11-23T08:30:00Z");

        Assert.True(await log.TryClaimAsync(message, CancellationToken.None));
        Assert.False(await log.TryClaimAsync(message, CancellationToken.None));
        Assert.Equal(0, failures.Count);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Release_LetsAFailedSendBeClaimedAgain(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var log = new EfReminderLog(database.CreateFactory(), new FakeTimeProvider(Start));
        var message = Reminder(ReminderKind.VoicemailRepeat, "2026-11-23T10:30:00Z");

        Assert.True(await log.TryClaimAsync(message, CancellationToken.None));
        await log.ReleaseAsync(message, CancellationToken.None);

        Assert.True(await log.TryClaimAsync(message, CancellationToken.None));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task LastVoicemailReminder_IsTheLatestClaimOfAVoicemailKind(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        var log = new EfReminderLog(database.CreateFactory(), clock);

        Assert.Null(await log.LastVoicemailReminderAsync(TestOrganisation.Kim, CancellationToken.None));
        await log.TryClaimAsync(Reminder(ReminderKind.VoicemailFirst, "a"), CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(2));
        await log.TryClaimAsync(Reminder(ReminderKind.VoicemailRepeat, "b"), CancellationToken.None);
        clock.Advance(TimeSpan.FromHours(1));
        await log.TryClaimAsync(Reminder(ReminderKind.StaffPhoneHoursWarning, "c"), CancellationToken.None);

        var last = await log.LastVoicemailReminderAsync(TestOrganisation.Kim, CancellationToken.None);

        Assert.Equal(new SentReminder(ReminderKind.VoicemailRepeat, Instant.FromDateTimeOffset(Start.AddHours(2))), last);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task CoverageState_SurvivesARestart(DbProvider provider)
    {
        await using var database = await TestDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(Start);
        var gapA = new GapKey("kansli", new Interval(Instant.FromUtc(2026, 11, 23, 9, 0), Instant.FromUtc(2026, 11, 23, 10, 0)));
        var gapB = new GapKey("kansli", new Interval(Instant.FromUtc(2026, 11, 23, 12, 0), Instant.FromUtc(2026, 11, 23, 13, 0)));

        await new EfReminderLog(database.CreateFactory(), clock).SaveCoverageStateAsync(
            new CoverageAlertState(new HashSet<GapKey> { gapA, gapB }, new LocalDate(2026, 11, 24)), CancellationToken.None);
        await new EfReminderLog(database.CreateFactory(), clock).SaveCoverageStateAsync(
            new CoverageAlertState(new HashSet<GapKey> { gapB }, new LocalDate(2026, 11, 24)), CancellationToken.None);
        var loaded = await new EfReminderLog(database.CreateFactory(), clock).LoadCoverageStateAsync(CancellationToken.None);

        Assert.Equal([gapB], loaded.Alerted);
        Assert.Equal(new LocalDate(2026, 11, 24), loaded.DigestSentFor);
    }

    private static ReminderMessage Reminder(ReminderKind kind, string slot) => new()
    {
        Kind = kind,
        RecipientId = TestOrganisation.Kim,
        Subject = TestOrganisation.Kim,
        Slot = slot,
        Title = "t",
        Text = "x",
        DueAt = Instant.FromDateTimeOffset(Start),
    };
}
