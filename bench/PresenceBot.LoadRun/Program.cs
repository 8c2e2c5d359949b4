using PresenceBot.LoadRun;
using PresenceBot.LoadRun.Bot;
using PresenceBot.LoadRun.Calendar;
using PresenceBot.LoadRun.Publish;
using PresenceBot.LoadRun.ScaleOut;

// Bounded loopback load runs against the built service; see docs/performance.md.
//   dotnet run -c Release --project bench/PresenceBot.LoadRun -- [--rate 550] [--duration 20] ...
//   dotnet run -c Release --project bench/PresenceBot.LoadRun -- calendar [--rate 500] [--duration 60] ...
//   dotnet run -c Release --project bench/PresenceBot.LoadRun -- scale-out --postgres '<connection string>' [--rate 500] [--duration 60] ...
//   dotnet run -c Release --project bench/PresenceBot.LoadRun -- bot [--rate 20] [--duration 30] [--people 2000] ...
//   dotnet run -c Release --project bench/PresenceBot.LoadRun -- publish [--rate 100] [--duration 60] [--receivers 2] ...
using var cancel = new CancellationTokenSource();
Console.CancelKeyPress += (_, e) =>
{
    // Let the finally blocks stop the service and delete the temp folder.
    e.Cancel = true;
    cancel.Cancel();
};

return args switch
{
    ["calendar", .. var rest] => await CalendarRun.RunAsync(rest, cancel).ConfigureAwait(false),
    ["scale-out", .. var rest] => await ScaleOutRun.RunAsync(rest, cancel).ConfigureAwait(false),
    ["bot", .. var rest] => await BotRun.RunAsync(rest, cancel).ConfigureAwait(false),
    ["publish", .. var rest] => await PublishRun.RunAsync(rest, cancel).ConfigureAwait(false),
    ["bare-endpoint", var url] => await BareEndpoint.RunAsync(url).ConfigureAwait(false),
    _ => await ReferralsRun.RunAsync(args, cancel).ConfigureAwait(false),
};
