using PresenceBot.LoadRun;
using PresenceBot.LoadRun.Calendar;

// Bounded loopback load runs against the built service; see docs/performance.md.
//   dotnet run -c Release --project bench/PresenceBot.LoadRun -- [--rate 550] [--duration 20] ...
//   dotnet run -c Release --project bench/PresenceBot.LoadRun -- calendar [--rate 500] [--duration 60] ...
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Let the finally blocks stop the service and delete the temp folder.
    e.Cancel = true;
    cancel.Cancel();
};

return args is ["calendar", .. var rest]
    ? await CalendarRun.RunAsync(rest, cancel).ConfigureAwait(false)
    : await ReferralsRun.RunAsync(args, cancel).ConfigureAwait(false);
