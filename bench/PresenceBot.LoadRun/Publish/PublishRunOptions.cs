namespace PresenceBot.LoadRun.Publish;

/// <summary>Options of the publish mode (<c>publish --name value</c>); every phase is bounded in time and count.</summary>
internal sealed record PublishRunOptions
{
    public string? ServiceDll { get; init; }

    public int People { get; init; } = 2_000;

    /// <summary>Referral changes per second through <c>PUT /api/referrals/{person}/manual</c>, open loop.</summary>
    public double Rate { get; init; } = 100;

    public double DurationSeconds { get; init; } = 60;

    /// <summary>Changes before the measured run, not counted (first-use compilation of the write and publish paths).</summary>
    public double WarmupSeconds { get; init; } = 3;

    public int Workers { get; init; } = 32;

    public int MaxRequests { get; init; } = 60_000;

    /// <summary>Signed webhook receivers on loopback (each its own Kestrel server in this process).</summary>
    public int Receivers { get; init; } = 2;

    /// <summary>Also set the Teams status message (<c>Publish:TeamsStatusMessage</c>) through the Graph stand-in.</summary>
    public bool TeamsStatus { get; init; } = true;

    /// <summary>Write manual referrals back to Outlook (<c>"writeBack": "calendar"</c> for every municipality) through the stand-in.</summary>
    public bool WriteBack { get; init; } = true;

    /// <summary>
    /// Graph change notifications per second posted to the service's webhook during the load (0: none), spread over
    /// every subscribed person and sent to the bare endpoint too: the webhook answer's target of issue 11 while
    /// publishing runs.
    /// </summary>
    public double NotificationRate { get; init; }

    /// <summary>How long after the load every change may take to reach every receiver before it counts as lost.</summary>
    public double DrainLimitSeconds { get; init; } = 120;

    public double TargetDelayP99Ms { get; init; } = 1_000;

    public bool KeepTemp { get; init; }

    public IReadOnlyList<string> ServiceArgs { get; init; } = [];

    public static PublishRunOptions Parse(string[] args)
        => OptionValues.Parse(args, new PublishRunOptions(), options => options with { KeepTemp = true }, (options, name, value) => name switch
        {
            "--service" => options with { ServiceDll = value },
            "--service-arg" => options with { ServiceArgs = [.. options.ServiceArgs, value] },
            "--people" => options with { People = OptionValues.Int(name, value, 10, 50_000) },
            "--rate" => options with { Rate = OptionValues.Double(name, value, 0.1, 5_000) },
            "--duration" => options with { DurationSeconds = OptionValues.Double(name, value, 1, 600) },
            "--warmup" => options with { WarmupSeconds = OptionValues.Double(name, value, 0, 60) },
            "--workers" => options with { Workers = OptionValues.Int(name, value, 1, 1_000) },
            "--max-requests" => options with { MaxRequests = OptionValues.Int(name, value, 1, 1_000_000) },
            "--receivers" => options with { Receivers = OptionValues.Int(name, value, 1, 8) },
            "--teams-status" => options with { TeamsStatus = OptionValues.Int(name, value, 0, 1) == 1 },
            "--write-back" => options with { WriteBack = OptionValues.Int(name, value, 0, 1) == 1 },
            "--notifications" => options with { NotificationRate = OptionValues.Double(name, value, 0, 5_000) },
            "--drain-limit" => options with { DrainLimitSeconds = OptionValues.Double(name, value, 1, 1_800) },
            "--target-delay-p99-ms" => options with { TargetDelayP99Ms = OptionValues.Double(name, value, 0, 600_000) },
            _ => throw new ArgumentException($"unknown option {name}"),
        });
}
