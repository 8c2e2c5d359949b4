using System.Globalization;

namespace PresenceBot.LoadRun;

/// <summary>Command-line options (<c>--name value</c>); every run is bounded by duration and request count.</summary>
internal sealed record LoadRunOptions
{
    public string? ServiceDll { get; init; }

    public int People { get; init; } = 10_000;

    public int SeedPeople { get; init; } = 2_000;

    public int SeedPerPerson { get; init; } = 3;

    /// <summary>Open-loop arrival rate: requests are scheduled at this rate whether or not earlier ones have answered.</summary>
    public double Rate { get; init; } = 550;

    public int Workers { get; init; } = 64;

    public double DurationSeconds { get; init; } = 20;

    public double WarmupSeconds { get; init; } = 3;

    public int MaxRequests { get; init; } = 100_000;

    /// <summary>Share of requests that ask for a seeded person (one with rows in the database).</summary>
    public double SeededShare { get; init; } = 0.5;

    public double TargetRate { get; init; } = 500;

    public double TargetP99Ms { get; init; } = 10;

    public double TargetRssMb { get; init; } = 300;

    public bool KeepTemp { get; init; }

    /// <summary>Extra configuration for the service (<c>--service-arg --Logging:LogLevel:Default=Warning</c>), e.g. to compare settings.</summary>
    public IReadOnlyList<string> ServiceArgs { get; init; } = [];

    public static LoadRunOptions Parse(string[] args)
        => OptionValues.Parse(args, new LoadRunOptions(), options => options with { KeepTemp = true }, (options, name, value) => name switch
        {
            "--service" => options with { ServiceDll = value },
            "--service-arg" => options with { ServiceArgs = [.. options.ServiceArgs, value] },
            "--people" => options with { People = OptionValues.Int(name, value, 1, 200_000) },
            "--seed-people" => options with { SeedPeople = OptionValues.Int(name, value, 0, 200_000) },
            "--seed-per-person" => options with { SeedPerPerson = OptionValues.Int(name, value, 1, 20) },
            "--rate" => options with { Rate = OptionValues.Double(name, value, 1, 20_000) },
            "--workers" => options with { Workers = OptionValues.Int(name, value, 1, 1_000) },
            "--duration" => options with { DurationSeconds = OptionValues.Double(name, value, 1, 600) },
            "--warmup" => options with { WarmupSeconds = OptionValues.Double(name, value, 0, 60) },
            "--max-requests" => options with { MaxRequests = OptionValues.Int(name, value, 1, 1_000_000) },
            "--seeded-share" => options with { SeededShare = OptionValues.Double(name, value, 0, 1) },
            "--target-rate" => options with { TargetRate = OptionValues.Double(name, value, 0, 100_000) },
            "--target-p99-ms" => options with { TargetP99Ms = OptionValues.Double(name, value, 0, 10_000) },
            "--target-rss-mb" => options with { TargetRssMb = OptionValues.Double(name, value, 0, 100_000) },
            _ => throw new ArgumentException($"unknown option {name}"),
        });
}

/// <summary>Parsing of option values, shared by every mode: whole numbers and numbers within bounds.</summary>
internal static class OptionValues
{
    /// <summary>Every mode's command line: <c>--keep-temp</c> alone, everything else <c>--name value</c>.</summary>
    public static T Parse<T>(string[] args, T options, Func<T, T> keepTemp, Func<T, string, string, T> apply)
    {
        for (var i = 0; i < args.Length; i++)
        {
            var name = args[i];
            if (name == "--keep-temp")
            {
                options = keepTemp(options);
                continue;
            }

            if (i + 1 >= args.Length)
            {
                throw new ArgumentException($"{name}: value missing");
            }

            options = apply(options, name, args[++i]);
        }

        return options;
    }

    public static int Int(string name, string value, int min, int max) =>
        int.TryParse(value, NumberStyles.Integer, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new ArgumentException($"{name}: '{value}' is not a whole number in {min}..{max}");

    public static double Double(string name, string value, double min, double max) =>
        double.TryParse(value, NumberStyles.Float, CultureInfo.InvariantCulture, out var v) && v >= min && v <= max
            ? v
            : throw new ArgumentException($"{name}: '{value}' is not a number in {min}..{max}");
}
