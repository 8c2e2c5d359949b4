namespace PresenceBot.LoadRun.ScaleOut;

/// <summary>Options of the two-instance mode (<c>scale-out --name value</c>); every phase is bounded in time and count.</summary>
internal sealed record ScaleOutRunOptions
{
    /// <summary>The environment variable naming a PostgreSQL role that may create databases (as the tests use).</summary>
    public const string PostgresVariable = "PRESENCEBOT_TEST_POSTGRES";

    public string? ServiceDll { get; init; }

    /// <summary>A connection string whose role may create databases; a throwaway database is made in it and dropped after.</summary>
    public string? Postgres { get; init; }

    public int People { get; init; } = 2_000;

    public int Days { get; init; } = 14;

    public double Rate { get; init; } = 500;

    public double DurationSeconds { get; init; } = 60;

    public int PerPost { get; init; } = 1;

    public int Workers { get; init; } = 64;

    public int MaxNotifications { get; init; } = 100_000;

    /// <summary>When (as a share of the duration) instance A is killed with SIGKILL.</summary>
    public double KillAt { get; init; } = 0.5;

    /// <summary>How long A stays dead before it is started again (the load goes on against B, and A once it listens).</summary>
    public double DownSeconds { get; init; } = 10;

    public double FirstSyncLimitSeconds { get; init; } = 300;

    public double DrainLimitSeconds { get; init; } = 180;

    public double TargetP99Ms { get; init; } = 10;

    public bool KeepTemp { get; init; }

    public IReadOnlyList<string> ServiceArgs { get; init; } = [];

    public double PostRate => Rate / PerPost;

    public static ScaleOutRunOptions Parse(string[] args)
        => OptionValues.Parse(args, new ScaleOutRunOptions(), options => options with { KeepTemp = true }, (options, name, value) => name switch
        {
            "--service" => options with { ServiceDll = value },
            "--service-arg" => options with { ServiceArgs = [.. options.ServiceArgs, value] },
            "--postgres" => options with { Postgres = value },
            "--people" => options with { People = OptionValues.Int(name, value, 40, 50_000) },
            "--days" => options with { Days = OptionValues.Int(name, value, 1, 60) },
            "--rate" => options with { Rate = OptionValues.Double(name, value, 1, 20_000) },
            "--duration" => options with { DurationSeconds = OptionValues.Double(name, value, 1, 600) },
            "--per-post" => options with { PerPost = OptionValues.Int(name, value, 1, 100) },
            "--workers" => options with { Workers = OptionValues.Int(name, value, 1, 1_000) },
            "--max-notifications" => options with { MaxNotifications = OptionValues.Int(name, value, 1, 1_000_000) },
            "--kill-at" => options with { KillAt = OptionValues.Double(name, value, 0, 1) },
            "--down" => options with { DownSeconds = OptionValues.Double(name, value, 0, 600) },
            "--first-sync-limit" => options with { FirstSyncLimitSeconds = OptionValues.Double(name, value, 1, 1_800) },
            "--drain-limit" => options with { DrainLimitSeconds = OptionValues.Double(name, value, 1, 1_800) },
            "--target-p99-ms" => options with { TargetP99Ms = OptionValues.Double(name, value, 0, 10_000) },
            _ => throw new ArgumentException($"unknown option {name}"),
        });
}
