using NodaTime;
using PresenceBot.Jobs.Nightly;

namespace PresenceBot.Tests.Jobs.Nightly;

/// <summary>Which night is due, in Stockholm, including the two clock-change nights.</summary>
public sealed class NightlyJobTests
{
    private static readonly DateTimeZone Stockholm = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];

    private static readonly NightlyJob Resync = new("resync", new LocalTime(2, 30), (_, _) => Task.CompletedTask);

    [Theory]
    [InlineData("2026-11-24T01:29:59Z", "2026-11-23")]
    [InlineData("2026-11-24T01:30:00Z", "2026-11-24")]
    [InlineData("2026-11-24T22:59:59Z", "2026-11-24")]
    // 29 March: 02:00–03:00 does not exist; Hangfire fires at the change (03:00 CEST = 01:00Z), and the night is due then.
    [InlineData("2026-03-29T00:59:59Z", "2026-03-28")]
    [InlineData("2026-03-29T01:00:00Z", "2026-03-29")]
    // 25 October: 02:30 comes twice; the first one (CEST, 00:30Z) makes the night due, the second finds it done.
    [InlineData("2026-10-25T00:29:59Z", "2026-10-24")]
    [InlineData("2026-10-25T00:30:00Z", "2026-10-25")]
    public void LatestDueNight_IsTheLastLocalDateWhoseTimeHasCome(string now, string night)
    {
        var due = Resync.LatestDueNight(NodaTime.Text.InstantPattern.General.Parse(now).Value, Stockholm);

        Assert.Equal(NodaTime.Text.LocalDatePattern.Iso.Parse(night).Value, due);
    }

    [Fact]
    public void Cron_IsTheLocalTimeEveryDay() => Assert.Equal("30 2 * * *", Resync.Cron);
}
