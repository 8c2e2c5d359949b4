using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Time.Testing;
using PresenceBot.Tests.Calendar;

namespace PresenceBot.Tests.Jobs.Nightly;

/// <summary>The catch-up wired into the host: restarts on one database with the clock moved over a night.</summary>
public sealed class NightlyCatchUpHostTests
{
    private const string Nightly = "Kind = 'NightlyJob'";

    [Fact]
    public async Task A_host_started_after_a_night_no_instance_was_up_for_runs_the_full_resync_and_retention_once()
    {
        var folder = Directory.CreateTempSubdirectory("presencebot-nightly-").FullName;
        try
        {
            // Monday 09:00 on a fresh database: Monday's night is recorded, nothing is caught up.
            await using (var first = await CalendarTestHost.StartAsync(folder: folder))
            {
                await Eventually.TrueAsync(async () => await first.CountAsync("sent_reminders", $"{Nightly} AND Slot = '2026-11-23'") == 2, "Monday's nights recorded");
                Assert.DoesNotContain(first.App.Logs.Lines, l => l.Contains("[1091]", StringComparison.Ordinal));
            }

            // Down until Tuesday 09:00: Tuesday's 02:30 re-read and 03:15 retention went by with no instance up.
            await using (var second = await CalendarTestHost.StartAsync(folder: folder, services: At(PresenceBotApplication.MondayMorning.AddDays(1))))
            {
                await Eventually.TrueAsync(async () => await second.CountAsync("sent_reminders", $"{Nightly} AND Slot = '2026-11-24'") == 2, "Tuesday's nights run");
                await Eventually.TrueAsync(() => Task.FromResult(second.App.Logs.Lines.Count(l => l.Contains("[1091]", StringComparison.Ordinal)) == 2), "both caught up");
                Assert.Contains(second.App.Logs.Lines, l => l.Contains("[1091]", StringComparison.Ordinal) && l.Contains("calendar-daily-resync", StringComparison.Ordinal));
                Assert.Contains(second.App.Logs.Lines, l => l.Contains("[1003]", StringComparison.Ordinal)); // Retention's own report.
            }

            // Started again the same day: nothing is done twice.
            await using var third = await CalendarTestHost.StartAsync(folder: folder, services: At(PresenceBotApplication.MondayMorning.AddDays(1).AddHours(2)));
            await Eventually.TrueAsync(
                () => Task.FromResult(third.App.Logs.Lines.Count(l => l.Contains("[1090]", StringComparison.Ordinal)) == 2), "both found done");
            Assert.Equal(4, await third.CountAsync("sent_reminders", Nightly));
            Assert.DoesNotContain(third.App.Logs.Lines, l => l.Contains("[1091]", StringComparison.Ordinal));
        }
        finally
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            Directory.Delete(folder, recursive: true);
        }
    }

    private static Action<IServiceCollection> At(DateTimeOffset now) => services =>
    {
        services.RemoveAll<TimeProvider>();
        services.AddSingleton<TimeProvider>(new FakeTimeProvider(now));
    };
}
