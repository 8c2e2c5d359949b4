using Hangfire;
using Microsoft.Extensions.DependencyInjection;
using static PresenceBot.Tests.Calendar.CalendarTestHost;

namespace PresenceBot.Tests.Calendar;

/// <summary>
/// Several hosts in one process (as the test classes run in parallel) must not share Hangfire: each enqueues to
/// and runs from its own storage, and activates jobs from its own container.
/// </summary>
public sealed class ParallelHostsTests
{
    [Fact]
    public async Task Hosts_started_together_each_run_their_own_calendar_jobs()
    {
        var hosts = await Task.WhenAll(Enumerable.Range(0, 3).Select(_ => Task.Run(() => StartAsync())));
        try
        {
            Assert.Equal(3, hosts.Select(h => h.App.Services.GetRequiredService<JobStorage>()).Distinct().Count());
            Assert.Equal(3, hosts.Select(h => h.App.Services.GetRequiredService<JobActivator>()).Distinct().Count());

            string[] codes = ["SEM: Resa", "LUN; Mat", "UTB: Kurs"];
            string[] reasons = ["vacation", "lunch", "training"];
            for (var i = 0; i < hosts.Length; i++)
            {
                await hosts[i].BookAsync(Kim, Draft(codes[i], "2026-11-23T08:00:00", "2026-11-23T10:00:00"));
            }

            for (var i = 0; i < hosts.Length; i++)
            {
                var reason = reasons[i];
                await hosts[i].StatusWhenAsync(Kim, s => (string?)s["reason"] == reason, $"host {i} referred Kim for {reason}");
                await hosts[i].SettledAsync();
                Assert.Equal(1, await hosts[i].CountAsync("referrals"));
            }
        }
        finally
        {
            foreach (var host in hosts)
            {
                await host.DisposeAsync();
            }
        }
    }
}
