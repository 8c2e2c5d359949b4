namespace PresenceBot.LoadRun.Calendar;

/// <summary>Options of the calendar mode (<c>calendar --name value</c>); every phase is bounded in time and count.</summary>
internal sealed record CalendarRunOptions
{
    public string? ServiceDll { get; init; }

    public int People { get; init; } = 2_000;

    /// <summary>Days ahead of today that get bookings (yesterday and today too), matching the service's window.</summary>
    public int Days { get; init; } = 14;

    /// <summary>Open-loop rate of notifications (items) per second posted to the webhook.</summary>
    public double Rate { get; init; } = 500;

    public double DurationSeconds { get; init; } = 60;

    /// <summary>Notification items per POST (Graph batches several changes into one collection at times).</summary>
    public int PerPost { get; init; } = 1;

    public int Workers { get; init; } = 64;

    /// <summary>
    /// 0: notifications spread over every subscribed person. 1–10: all aimed at that many people (a recurring series
    /// being edited, Graph's duplicates: the burst a switchboard's Monday morning brings).
    /// </summary>
    public int Focus { get; init; }

    public int MaxNotifications { get; init; } = 100_000;

    /// <summary>Seconds between two booking changes in the stand-in whose referral is then waited for.</summary>
    public double ProbeEverySeconds { get; init; } = 1;

    public double ProbeTimeoutSeconds { get; init; } = 30;

    /// <summary>How long the first sync may take before the run gives up waiting (the target is separate).</summary>
    public double FirstSyncLimitSeconds { get; init; } = 180;

    /// <summary>How long the inbox may take to be worked off after the load before it counts as lost.</summary>
    public double DrainLimitSeconds { get; init; } = 180;

    public double TargetP99Ms { get; init; } = 10;

    public double TargetProbeP95Ms { get; init; } = 1_000;

    public double TargetFirstSyncSeconds { get; init; } = 60;

    public bool KeepTemp { get; init; }

    public IReadOnlyList<string> ServiceArgs { get; init; } = [];

    /// <summary>Notification POSTs scheduled: the rate in items over the items per post.</summary>
    public double PostRate => Rate / PerPost;

    public static CalendarRunOptions Parse(string[] args)
        => OptionValues.Parse(args, new CalendarRunOptions(), options => options with { KeepTemp = true }, (options, name, value) => name switch
        {
            "--service" => options with { ServiceDll = value },
            "--service-arg" => options with { ServiceArgs = [.. options.ServiceArgs, value] },
            "--people" => options with { People = OptionValues.Int(name, value, 40, 50_000) },
            "--days" => options with { Days = OptionValues.Int(name, value, 1, 60) },
            "--rate" => options with { Rate = OptionValues.Double(name, value, 1, 20_000) },
            "--duration" => options with { DurationSeconds = OptionValues.Double(name, value, 1, 600) },
            "--per-post" => options with { PerPost = OptionValues.Int(name, value, 1, 100) },
            "--workers" => options with { Workers = OptionValues.Int(name, value, 1, 1_000) },
            "--focus" => options with { Focus = OptionValues.Int(name, value, 0, 10) },
            "--max-notifications" => options with { MaxNotifications = OptionValues.Int(name, value, 1, 1_000_000) },
            "--probe-every" => options with { ProbeEverySeconds = OptionValues.Double(name, value, 0.05, 60) },
            "--probe-timeout" => options with { ProbeTimeoutSeconds = OptionValues.Double(name, value, 1, 300) },
            "--first-sync-limit" => options with { FirstSyncLimitSeconds = OptionValues.Double(name, value, 1, 1_800) },
            "--drain-limit" => options with { DrainLimitSeconds = OptionValues.Double(name, value, 1, 1_800) },
            "--target-p99-ms" => options with { TargetP99Ms = OptionValues.Double(name, value, 0, 10_000) },
            "--target-probe-p95-ms" => options with { TargetProbeP95Ms = OptionValues.Double(name, value, 0, 600_000) },
            "--target-first-sync" => options with { TargetFirstSyncSeconds = OptionValues.Double(name, value, 0, 1_800) },
            _ => throw new ArgumentException($"unknown option {name}"),
        });
}
