using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using PresenceBot.Bench;
using PresenceBot.GraphStandIn;

namespace PresenceBot.LoadRun.Bot;

/// <summary>
/// The bot mode (issue 5): Teams-shaped <c>message</c> activities from many people to <c>POST /api/messages</c> of the
/// built service (anonymous channel, SQLite), the connector stood in here on loopback; latency is from sending a
/// command to its reply reaching the stand-in. See docs/performance.md, "Teams command answer latency (issue 5)".
/// </summary>
internal static class BotRun
{
    private const string TenantId = "7c2d9f4e-1b3a-4c5d-8e6f-a1b2c3d4e5f6";
    private const string BotId = "28:0b5e3c1a-7d2f-4e8b-9a61-3c4d5e6f7a8b";

    /// <summary>
    /// What each person types, in this order: set a referral, replace it, ask, end it, set another. Every command
    /// does its real work (a write, a read, an end), so the end times lie ahead of the run: two and three hours on,
    /// Swedish time (refused as past if that crosses midnight — the run shows the replies).
    /// </summary>
    private static readonly string[] Commands = Ahead(["/frånvarande till {0:00}:00", "/möte i 45 min", "/status", "/tillbaka", "/lunch till {1:00}"]);

    /// <summary>The bot's answer to someone it does not know: a reply, but to the wrong question.</summary>
    private const string NotSetUpStart = "Hej! Du är inte upplagd i PresenceBot";

    public static async Task<int> RunAsync(string[] args, CancellationTokenSource cancel)
    {
        if (await RunSupport.PrepareAsync(args, BotRunOptions.Parse, o => o.ServiceDll, "loadrun bot") is not var (options, serviceDll))
        {
            return 2;
        }

        var temp = Directory.CreateTempSubdirectory("presencebot-loadrun-bot-");
        ServiceProcess? service = null;
        GraphStandInServer? graph = null;
        ConnectorCapture? connector = null;
        try
        {
            var ct = cancel.Token;
            var (json, people) = OrganisationGenerator.Generate(options.People);
            var organisationFile = Path.Combine(temp.FullName, "organisation.json");
            await File.WriteAllTextAsync(organisationFile, json, ct).ConfigureAwait(false);
            var databaseFile = Path.Combine(temp.FullName, "presencebot.db");
            var apiKey = Convert.ToHexString(Guid.NewGuid().ToByteArray());

            connector = await ConnectorCapture.StartAsync(ct).ConfigureAwait(false);
            graph = await GraphStandInServer.StartAsync(new GraphStandInOptions { Port = 0 }, ct).ConfigureAwait(false);
            Console.WriteLine($"service:      {serviceDll}");
            Console.WriteLine($"organisation: {people.Count} people in {temp.FullName}");
            Console.WriteLine($"connector:    {connector.ServiceUrl} (stand-in, this process)");
            var startedAt = Stopwatch.GetTimestamp();
            // No MicrosoftAppId: the channel is anonymous, as with the Bot Framework Emulator; no tokens either way.
            service = ServiceProcess.Start(
                serviceDll,
                organisationFile,
                databaseFile,
                apiKey,
                [$"--Graph:BaseUrl={graph.BaseUrl.AbsoluteUri.TrimEnd('/')}", "--Graph:Credential=None", "--MicrosoftAppId=", .. options.ServiceArgs]);
            using var client = LoadClient.Create(service.BaseAddress, apiKey, options.Workers);
            await LoadClient.WaitReadyAsync(client, service, TimeSpan.FromSeconds(60), ct).ConfigureAwait(false);
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"ready after {Stopwatch.GetElapsedTime(startedAt).TotalSeconds:F1} s on {service.BaseAddress} (pid {service.Id})"));
            await RunSupport.WaitForCalendarStartUpAsync(databaseFile, people, ct).ConfigureAwait(false);
            var memory = new List<(string When, double Rss, double Peak)>();
            RunSupport.Remember(memory, "before commands", service);

            var sender = new CommandSender(client, connector, people, options);
            if (options.WarmupSeconds > 0)
            {
                var warm = await sender.RunAsync(options.WarmupSeconds, offset: 1_000_000, ct).ConfigureAwait(false);
                Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                    $"warm-up: {warm.Run.Requests} commands in {options.WarmupSeconds:F0} s, {warm.Run.Errors} errors (not counted)"));
            }

            var cpuBefore = service.CpuTime();
            var stallBefore = RunSupport.CpuStallMicroseconds();
            var pressureAtStart = PressureLine();
            var result = await sender.RunAsync(options.DurationSeconds, offset: 0, ct).ConfigureAwait(false);
            var serviceCpu = service.CpuTime() - cpuBefore;
            var pressure = (RunSupport.CpuStallMicroseconds() - stallBefore) / 1e6 / result.Run.Elapsed.TotalSeconds * 100;
            var pressureAtEnd = PressureLine();
            RunSupport.Remember(memory, "after commands", service);

            var latency = Percentiles.SortedMs(result.ReplyTicks.Where(t => t >= 0));
            var p95 = Percentiles.Of(latency, 0.95);
            var errors = result.Run.Errors;
            var passed = errors == 0 && connector.Unexpected == 0 && p95 <= options.TargetP95Ms;
            var c = CultureInfo.InvariantCulture;
            Console.WriteLine();
            Console.WriteLine("| Bot command run | |");
            Console.WriteLine("|---|---|");
            Console.WriteLine(string.Create(c, $"| Schedule | open loop, {options.Rate:F0} commands/s, {options.DurationSeconds:F0} s, {options.People} people, {options.Workers} workers |"));
            Console.WriteLine(string.Create(c, $"| Commands | {result.Run.Requests} ({string.Join(", ", Commands.Select(x => $"\"{x}\""))} in turn, five from each person) |"));
            Console.WriteLine(string.Create(c, $"| Errors (non-2xx, no reply in {options.ReplyTimeoutSeconds:F0} s, not-set-up answer) | {errors}{Kinds(result.Run.ErrorKinds)} |"));
            Console.WriteLine(string.Create(c, $"| Unexpected connector calls | {connector.Unexpected} |"));
            Console.WriteLine(string.Create(c, $"| Answer latency p50 / p95 / p99 / max | {Percentiles.Of(latency, 0.5):F1} / {p95:F1} / {Percentiles.Of(latency, 0.99):F1} / {Percentiles.Max(latency):F1} ms |"));
            Console.WriteLine(string.Create(c, $"| Service CPU during run | {serviceCpu.TotalSeconds:F1} s ({serviceCpu.TotalSeconds / result.Run.Elapsed.TotalSeconds * 100:F0} % of one core) |"));
            Console.WriteLine(string.Create(c, $"| CPU pressure during run (/proc/pressure/cpu, some) | {pressure:F0} % of the time something waited for a CPU |"));
            Console.WriteLine($"| /proc/pressure/cpu at start | {pressureAtStart} |");
            Console.WriteLine($"| /proc/pressure/cpu at end | {pressureAtEnd} |");
            foreach (var (when, rss, peak) in memory)
            {
                Console.WriteLine(string.Create(c, $"| Service memory {when} | VmRSS {rss:F0} MB, VmHWM {peak:F0} MB |"));
            }

            Console.WriteLine();
            foreach (var (command, answer) in sender.Samples.OrderBy(s => Array.IndexOf(Commands, s.Key)))
            {
                var line = answer.ReplaceLineEndings(" ");
                Console.WriteLine($"reply to {command}: {(line.Length > 100 ? line[..100] + "…" : line)}");
            }

            Console.WriteLine();
            Console.WriteLine(string.Create(c, $"p95    {(p95 <= options.TargetP95Ms ? "PASS" : "FAIL")}: {p95:F1} ms (target <= {options.TargetP95Ms:F0})"));
            Console.WriteLine($"errors {(errors == 0 && connector.Unexpected == 0 ? "PASS" : "FAIL")}: {errors} failed, {connector.Unexpected} unexpected connector calls");
            Console.WriteLine(passed ? "RESULT: PASS" : "RESULT: FAIL");
            return passed ? 0 : 1;
        }
        catch (OperationCanceledException) when (cancel.IsCancellationRequested)
        {
            await Console.Error.WriteLineAsync("loadrun bot: cancelled").ConfigureAwait(false);
            return 130;
        }
        catch (Exception e) when (e is LoadRunException or HttpRequestException or IOException)
        {
            return await RunSupport.FailedAsync("loadrun bot", e, service).ConfigureAwait(false);
        }
        finally
        {
            service?.Dispose();
            if (graph is not null)
            {
                await graph.DisposeAsync().ConfigureAwait(false);
            }

            if (connector is not null)
            {
                await connector.DisposeAsync().ConfigureAwait(false);
            }

            if (options.KeepTemp)
            {
                Console.WriteLine($"kept {temp.FullName}");
            }
            else
            {
                RunSupport.DeleteQuietly(temp);
            }
        }
    }

    private static string[] Ahead(string[] commands)
    {
        var swedish = TimeZoneInfo.ConvertTime(TimeProvider.System.GetUtcNow(), TimeZoneInfo.FindSystemTimeZoneById("Europe/Stockholm"));
        return [.. commands.Select(c => string.Format(CultureInfo.InvariantCulture, c, (swedish.Hour + 2) % 24, (swedish.Hour + 3) % 24))];
    }

    private static string PressureLine() =>
        File.Exists("/proc/pressure/cpu") ? File.ReadLines("/proc/pressure/cpu").First() : "n/a";

    private static string Kinds(IReadOnlyDictionary<string, int> kinds) =>
        kinds.Count == 0 ? string.Empty : " (" + string.Join(", ", kinds.Select(k => $"{k.Key}: {k.Value}")) + ")";

    /// <summary>One run's open-loop figures and, per command, send-to-reply time in TimeSpan ticks (−1: no reply).</summary>
    private sealed record CommandResult(OpenLoopResult Run, long[] ReplyTicks);

    /// <summary>Sends command k from person k / 5 on the shared open-loop schedule and waits for its reply.</summary>
    private sealed class CommandSender(HttpClient client, ConnectorCapture connector, IReadOnlyList<GeneratedPerson> people, BotRunOptions options)
    {
        /// <summary>The first reply to each command, printed so a run shows the bot answered the question asked.</summary>
        public System.Collections.Concurrent.ConcurrentDictionary<string, string> Samples { get; } = new(StringComparer.Ordinal);

        public async Task<CommandResult> RunAsync(double durationSeconds, int offset, CancellationToken cancellationToken)
        {
            var capacity = (int)Math.Min(options.MaxRequests, Math.Ceiling(options.Rate * durationSeconds));
            var replies = new long[capacity];
            Array.Fill(replies, -1);
            var run = await OpenLoop.RunAsync(
                options.Rate,
                durationSeconds,
                options.MaxRequests,
                options.Workers,
                async (k, random, ct) =>
                {
                    var activityId = string.Create(CultureInfo.InvariantCulture, $"1{offset + k:D12}");
                    // Five commands in a row from one person (a different one for each five), 1/rate apart.
                    var person = people[(int)((offset + (long)k / Commands.Length) * 7919 % people.Count)];
                    var activity = Message(activityId, person, Commands[k % Commands.Length], connector.ServiceUrl);
                    var reply = connector.Expect(activityId);
                    var sent = Stopwatch.GetTimestamp();
                    using (var response = await client.PostAsJsonAsync(new Uri("api/messages", UriKind.Relative), activity, ct).ConfigureAwait(false))
                    {
                        if (!response.IsSuccessStatusCode)
                        {
                            connector.Forget(activityId);
                            return string.Create(CultureInfo.InvariantCulture, $"HTTP {(int)response.StatusCode}");
                        }
                    }

                    CapturedReply answer;
                    try
                    {
                        answer = await reply.WaitAsync(TimeSpan.FromSeconds(options.ReplyTimeoutSeconds), ct).ConfigureAwait(false);
                    }
                    catch (TimeoutException)
                    {
                        connector.Forget(activityId);
                        return "no reply";
                    }

                    replies[k] = Stopwatch.GetElapsedTime(sent, answer.ArrivedAt).Ticks;
                    Samples.TryAdd(Commands[k % Commands.Length], answer.Text ?? "(no text: a card)");
                    return answer.Text?.StartsWith(NotSetUpStart, StringComparison.Ordinal) == true ? "not-set-up answer" : null;
                },
                cancellationToken).ConfigureAwait(false);
            return new CommandResult(run, replies);
        }

        /// <summary>A personal-chat message as Teams delivers it: tenant in both places, the sender's Entra object id.</summary>
        private static JsonObject Message(string activityId, GeneratedPerson person, string text, Uri serviceUrl) => new()
        {
            ["type"] = "message",
            ["id"] = activityId,
            ["timestamp"] = TimeProvider.System.GetUtcNow().ToString("O", CultureInfo.InvariantCulture),
            ["serviceUrl"] = serviceUrl.AbsoluteUri,
            ["channelId"] = "msteams",
            ["from"] = new JsonObject { ["id"] = $"29:{person.Id}", ["name"] = person.Name, ["aadObjectId"] = person.Id },
            ["conversation"] = new JsonObject { ["id"] = $"a:personal-{person.Id}", ["conversationType"] = "personal", ["tenantId"] = TenantId },
            ["recipient"] = new JsonObject { ["id"] = BotId, ["name"] = "PresenceBot" },
            ["channelData"] = new JsonObject { ["tenant"] = new JsonObject { ["id"] = TenantId } },
            ["entities"] = new JsonArray(new JsonObject { ["type"] = "clientInfo", ["locale"] = "sv-SE", ["country"] = "SE", ["timezone"] = "Europe/Stockholm" }),
            ["text"] = text,
            ["textFormat"] = "plain",
            ["locale"] = "sv-SE",
        };
    }
}
