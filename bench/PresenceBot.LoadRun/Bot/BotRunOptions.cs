namespace PresenceBot.LoadRun.Bot;

/// <summary>Options of the bot mode (<c>--name value</c>); bounded by duration and request count like every mode.</summary>
internal sealed record BotRunOptions
{
    public string? ServiceDll { get; init; }

    public int People { get; init; } = 2_000;

    /// <summary>Commands per second, open loop: sent on schedule whether or not earlier ones have been answered.</summary>
    public double Rate { get; init; } = 20;

    public double DurationSeconds { get; init; } = 30;

    /// <summary>Commands before the measured run, not counted (first-use compilation of each command's path).</summary>
    public double WarmupSeconds { get; init; } = 3;

    public int Workers { get; init; } = 32;

    public int MaxRequests { get; init; } = 10_000;

    /// <summary>A command with no reply at the capture server within this many seconds counts as an error.</summary>
    public double ReplyTimeoutSeconds { get; init; } = 10;

    public double TargetP95Ms { get; init; } = 100;

    public bool KeepTemp { get; init; }

    public IReadOnlyList<string> ServiceArgs { get; init; } = [];

    public static BotRunOptions Parse(string[] args)
        => OptionValues.Parse(args, new BotRunOptions(), options => options with { KeepTemp = true }, (options, name, value) => name switch
        {
            "--service" => options with { ServiceDll = value },
            "--service-arg" => options with { ServiceArgs = [.. options.ServiceArgs, value] },
            "--people" => options with { People = OptionValues.Int(name, value, 1, 200_000) },
            "--rate" => options with { Rate = OptionValues.Double(name, value, 0.1, 2_000) },
            "--duration" => options with { DurationSeconds = OptionValues.Double(name, value, 1, 600) },
            "--warmup" => options with { WarmupSeconds = OptionValues.Double(name, value, 0, 60) },
            "--workers" => options with { Workers = OptionValues.Int(name, value, 1, 1_000) },
            "--max-requests" => options with { MaxRequests = OptionValues.Int(name, value, 1, 100_000) },
            "--reply-timeout" => options with { ReplyTimeoutSeconds = OptionValues.Double(name, value, 1, 120) },
            "--target-p95-ms" => options with { TargetP95Ms = OptionValues.Double(name, value, 0, 10_000) },
            _ => throw new ArgumentException($"unknown option {name}"),
        });
}
