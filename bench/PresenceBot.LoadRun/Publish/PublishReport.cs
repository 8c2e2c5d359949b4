using System.Globalization;

namespace PresenceBot.LoadRun.Publish;

/// <summary>The publish mode's figures and verdict, printed as a Markdown table for docs/performance.md.</summary>
internal sealed class PublishReport(PublishRunOptions options)
{
    public required ChangeResult Changes { get; init; }

    /// <summary>The same schedule of PUTs against a bare Kestrel endpoint at the same time (<see cref="BareEndpoint"/>).</summary>
    public required ChangeResult Bare { get; init; }

    /// <summary>Graph's notifications to the webhook during the load, and the same to the bare endpoint (null: none sent).</summary>
    public required Calendar.NotificationLoadResult? Notifications { get; init; }

    public required Calendar.NotificationLoadResult? BareNotifications { get; init; }

    /// <summary>Calendar re-reads still waiting after the backlog: a notification accepted but not followed by its re-read.</summary>
    public required long CalendarWorkLeft { get; init; }

    public required IReadOnlyList<(string Url, PublishDelays Delays, int BadSignatures, int OlderAfterNewer, int Arrivals)> Delays { get; init; }

    public required TimeSpan DrainTime { get; init; }

    public required int StatusMessages { get; init; }

    public required int GraphWrites { get; init; }

    public required TimeSpan ServiceCpu { get; init; }

    public required double CpuPressure { get; init; }

    public required TimeSpan LoadElapsed { get; init; }

    public required IReadOnlyList<(string When, double Rss, double Peak)> Memory { get; init; }

    private double[] ApiMs => Percentiles.SortedMs(Changes.Run.LatencyTicks);

    private double[] BareMs => Percentiles.SortedMs(Bare.Run.LatencyTicks);

    private double ApiTargetMs => Percentiles.BareTargetMs(options.Rate, BareMs);

    private double WorstDelayP99 => Delays.Max(d => Percentiles.Of(Percentiles.SortedMs(d.Delays.FromAnswerTicks), 0.99));

    private bool DelayMet => WorstDelayP99 <= options.TargetDelayP99Ms;

    private bool ApiMet => Percentiles.Of(ApiMs, 0.99) <= ApiTargetMs;

    private bool Clean => Changes.Run.Errors == 0 && Delays.All(d => d.Delays.Lost == 0 && d.BadSignatures == 0 && d.OlderAfterNewer == 0);

    private double[] WebhookMs => Notifications is null ? [] : Percentiles.SortedMs(Notifications.Posts.LatencyTicks);

    private double[] BareWebhookMs => BareNotifications is null ? [] : Percentiles.SortedMs(BareNotifications.Posts.LatencyTicks);

    private double WebhookTargetMs => Percentiles.BareTargetMs(options.NotificationRate, BareWebhookMs);

    /// <summary>The notifications went out at the asked rate for the whole load (a generator that fell behind, or a cap, is no measurement).</summary>
    private bool NotificationRateMet => Notifications is { } sent
        && sent.Posts.SendRate >= options.NotificationRate * 0.995 && sent.Posts.Requests >= options.NotificationRate * options.DurationSeconds * 0.995;

    /// <summary>Met when no notifications were asked for: then the calendar mode measures the answer.</summary>
    private bool WebhookMet => Notifications is null
        || (NotificationRateMet && Notifications.Posts.Errors == 0 && CalendarWorkLeft == 0 && Percentiles.Of(WebhookMs, 0.99) <= WebhookTargetMs);

    public bool Passed => DelayMet && ApiMet && Clean && WebhookMet;

    public void Print()
    {
        var c = CultureInfo.InvariantCulture;
        var api = ApiMs;
        var floor = BareMs;
        Console.WriteLine();
        Console.WriteLine("| Publish run | |");
        Console.WriteLine("|---|---|");
        Console.WriteLine(string.Create(c, $"| Schedule | open loop, {options.Rate:F0} changes/s, {options.DurationSeconds:F0} s, {options.People} people, {options.Workers} workers; {Delays.Count} webhook receivers, Teams status message {(options.TeamsStatus ? "on" : "off")}, Outlook write-back {(options.WriteBack ? "on" : "off")} |"));
        Console.WriteLine(string.Create(c, $"| Changes (PUT /api/referrals/{{id}}/manual) | {Changes.Run.Requests} sent at {Changes.Run.SendRate:F1}/s, {Changes.Run.Errors} errors{Kinds(Changes.Run.ErrorKinds)} |"));
        Console.WriteLine(string.Create(c, $"| API answer p50 / p95 / p99 / max | {Percentiles.Of(api, 0.5):F2} / {Percentiles.Of(api, 0.95):F2} / {Percentiles.Of(api, 0.99):F2} / {Percentiles.Max(api):F2} ms |"));
        Console.WriteLine(string.Create(c, $"| Bare Kestrel endpoint, same PUTs, same time: p50 / p95 / p99 / max | {Percentiles.Of(floor, 0.5):F2} / {Percentiles.Of(floor, 0.95):F2} / {Percentiles.Of(floor, 0.99):F2} / {Percentiles.Max(floor):F2} ms ({Bare.Run.Errors} errors) |"));
        foreach (var (url, delays, bad, older, arrivals) in Delays)
        {
            var fromAnswer = Percentiles.SortedMs(delays.FromAnswerTicks);
            var fromSend = Percentiles.SortedMs(delays.FromSendTicks);
            Console.WriteLine(string.Create(c,
                $"| Publish delay to {url}: p50 / p95 / p99 / max (from the API's answer) | {Percentiles.Of(fromAnswer, 0.5):F1} / {Percentiles.Of(fromAnswer, 0.95):F1} / {Percentiles.Of(fromAnswer, 0.99):F1} / {Percentiles.Max(fromAnswer):F1} ms |"));
            Console.WriteLine(string.Create(c,
                $"| … from the send (upper bound) p50 / p99 | {Percentiles.Of(fromSend, 0.5):F1} / {Percentiles.Of(fromSend, 0.99):F1} ms; {delays.BeforeAnswer} arrived before the API answered |"));
            Console.WriteLine(string.Create(c, $"| … deliveries / lost / bad signatures / older after newer | {arrivals} / {delays.Lost} / {bad} / {older} |"));
            Console.WriteLine($"| … delay p99 per {WindowSeconds} s of the load (by when the change was sent) | {ByWindow(delays)} ms |");
        }

        if (Notifications is not null)
        {
            var webhook = WebhookMs;
            var bareWebhook = BareWebhookMs;
            Console.WriteLine(string.Create(c, $"| Graph notifications to the webhook | {Notifications.Posts.Requests} at {Notifications.Posts.SendRate:F1}/s, {Notifications.Posts.Errors} errors{Kinds(Notifications.Posts.ErrorKinds)}; {Notifications.Accepted} accepted, {CalendarWorkLeft} re-reads left after the backlog |"));
            Console.WriteLine(string.Create(c, $"| Webhook answer p50 / p95 / p99 / max | {Percentiles.Of(webhook, 0.5):F2} / {Percentiles.Of(webhook, 0.95):F2} / {Percentiles.Of(webhook, 0.99):F2} / {Percentiles.Max(webhook):F2} ms |"));
            Console.WriteLine(string.Create(c, $"| Bare endpoint, same notifications, same time: p50 / p95 / p99 / max | {Percentiles.Of(bareWebhook, 0.5):F2} / {Percentiles.Of(bareWebhook, 0.95):F2} / {Percentiles.Of(bareWebhook, 0.99):F2} / {Percentiles.Max(bareWebhook):F2} ms |"));
        }

        Console.WriteLine(string.Create(c, $"| Teams status messages set / Graph writes | {StatusMessages} / {GraphWrites} |"));
        Console.WriteLine(string.Create(c, $"| Deliveries' backlog worked off after the load | {DrainTime.TotalSeconds:F1} s |"));
        Console.WriteLine(string.Create(c, $"| Service CPU during load | {ServiceCpu.TotalSeconds:F1} s ({ServiceCpu.TotalSeconds / LoadElapsed.TotalSeconds * 100:F0} % of one core) |"));
        Console.WriteLine(string.Create(c, $"| CPU pressure during load (/proc/pressure/cpu, some) | {CpuPressure:F0} % |"));
        foreach (var (when, rss, peak) in Memory)
        {
            Console.WriteLine(string.Create(c, $"| Service memory {when} | VmRSS {rss:F0} MB, VmHWM {peak:F0} MB |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(c, $"delay  {Verdict(DelayMet)}: worst receiver's p99 {WorstDelayP99:F1} ms (target <= {options.TargetDelayP99Ms:F0})"));
        Console.WriteLine(string.Create(c, $"api    {Verdict(ApiMet)}: p99 {Percentiles.Of(api, 0.99):F2} ms against a bare endpoint's {Percentiles.Of(floor, 0.99):F2} ms (target <= {ApiTargetMs:F2})"));
        if (Notifications is not null)
        {
            Console.WriteLine(string.Create(c, $"webhook {Verdict(WebhookMet)}: p99 {Percentiles.Of(WebhookMs, 0.99):F2} ms against a bare endpoint's {Percentiles.Of(BareWebhookMs, 0.99):F2} ms (target <= {WebhookTargetMs:F2}), sent at {Notifications.Posts.SendRate:F1}/s (target {options.NotificationRate:F0}{(NotificationRateMet ? "" : ", missed")}), {Notifications.Posts.Errors} not answered 202, {CalendarWorkLeft} re-reads left"));
        }

        Console.WriteLine($"clean  {Verdict(Clean)}: no failed change, nothing lost, every signature good, no older state after a newer one");
        Console.WriteLine(Passed ? "RESULT: PASS" : "RESULT: FAIL");
    }

    private const int WindowSeconds = 10;

    /// <summary>Whether the delay is a steady queue or stalls at moments (a periodic job, a checkpoint).</summary>
    private static string ByWindow(PublishDelays delays) =>
        string.Join(" / ", delays.FromAnswerTicks
            .Zip(delays.SentAtSeconds)
            .GroupBy(d => (int)(d.Second / WindowSeconds))
            .OrderBy(g => g.Key)
            .Select(g => Percentiles.Of(Percentiles.SortedMs([.. g.Select(d => d.First)]), 0.99).ToString("F0", CultureInfo.InvariantCulture)));

    private static string Verdict(bool met) => met ? "PASS" : "FAIL";

    private static string Kinds(IReadOnlyDictionary<string, int> kinds) =>
        kinds.Count == 0 ? string.Empty : " (" + string.Join(", ", kinds.Select(k => $"{k.Key}: {k.Value}")) + ")";
}
