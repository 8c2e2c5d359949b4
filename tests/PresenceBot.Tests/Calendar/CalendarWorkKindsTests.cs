using Microsoft.Extensions.Options;
using PresenceBot.Calendar;
using PresenceBot.CalendarSync.Graph;

namespace PresenceBot.Tests.Calendar;

public sealed class CalendarWorkKindsTests
{
    [Fact]
    public void Re_reads_gather_200_ms_and_run_two_per_core_unless_configured()
    {
        var defaults = new CalendarWorkKinds(Options.Create(new GraphOptions())).Reread;
        var configured = new CalendarWorkKinds(Options.Create(new GraphOptions { RereadGatherMilliseconds = 0, ConcurrentSyncs = 8 })).Reread;

        Assert.Equal((TimeSpan.FromMilliseconds(200), 2 * Environment.ProcessorCount), (defaults.Gather, defaults.Concurrency));
        Assert.Equal((TimeSpan.Zero, 8), (configured.Gather, configured.Concurrency));
    }
}
