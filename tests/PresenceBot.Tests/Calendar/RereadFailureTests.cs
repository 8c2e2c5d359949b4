using PresenceBot.GraphStandIn.Faults;
using static PresenceBot.Tests.Calendar.CalendarTestHost;

namespace PresenceBot.Tests.Calendar;

/// <summary>
/// The work queue runs everyone's re-reads; one person whose calendar cannot be read must not hold up the others,
/// and waits in the queue with their error, backing off, until the read works again.
/// </summary>
public sealed class RereadFailureTests
{
    [Fact]
    public async Task A_person_whose_read_fails_backs_off_in_the_queue_while_the_others_are_synced()
    {
        await using var host = await StartAsync();
        await host.SettledAsync();

        // Kim's calendar answers 403 from now on (Kiota does not retry that); Sara's is fine.
        host.Graph.Faults.Add(new FaultRule { Status = 403, Count = 1000, PathPrefix = $"/users/{Kim}/calendarView" });
        await host.BookAsync(Kim, Draft("SAM: Blockerad", "2026-11-23T08:00:00", "2026-11-23T10:00:00"));
        await host.BookAsync(Sara, Draft("SAM: Styrgrupp", "2026-11-23T08:00:00", "2026-11-23T11:00:00"));

        var sara = await host.StatusWhenAsync(Sara, s => (string?)s["state"] == "referred", "Sara referred despite Kim's failure");
        Assert.Equal("2026-11-23T11:00:00+01:00", (string?)sara["returnsAt"]);

        await Eventually.TrueAsync(
            async () => await host.CountAsync("work_items", $"Kind = 'calendar-reread' AND Key = '{Kim}' AND Attempts >= 1 AND LastError IS NOT NULL AND LeaseUntil IS NULL") == 1,
            "Kim's re-read waiting for its retry, with the error");
        Assert.Equal("available", (string?)(await host.StatusAsync(Kim))["state"]);
        // Sara's work is done, not held up behind Kim's (a notification that came after her re-read began makes one more).
        await Eventually.TrueAsync(async () => await host.CountAsync("work_items", $"Key = '{Sara}'") == 0, "Sara's re-reads done");
    }
}
