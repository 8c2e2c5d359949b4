using System.ComponentModel.DataAnnotations;

namespace PresenceBot.Calendar;

/// <summary>The built-in Graph stand-in, started when <c>Graph:BaseUrl</c> is not set.</summary>
public sealed class GraphStandInHostOptions
{
    public const string SectionName = "GraphStandIn";

    /// <summary>The port the README's curl examples use, taken when <see cref="Port"/> is not set and it is free.</summary>
    public const int DefaultPort = 5081;

    /// <summary>
    /// Its loopback port (0 = any free port). Unset: <see cref="DefaultPort"/>, or any free port when that one is busy.
    /// A port asked for explicitly must be free, else start-up stops naming the key.
    /// </summary>
    [Range(0, 65535)]
    public int? Port { get; set; }

    /// <summary>Chance (0..1) that a notification is delivered twice (off: a well-behaved Graph).</summary>
    [Range(0.0, 1.0)]
    public double DuplicateProbability { get; set; }

    /// <summary>Each delivery waits a random time up to this, so notifications arrive out of order.</summary>
    public TimeSpan MaxExtraDelay { get; set; } = TimeSpan.Zero;

    /// <summary>Chance (0..1) that one change's notifications share one POST.</summary>
    [Range(0.0, 1.0)]
    public double BatchProbability { get; set; }

    /// <summary>Seed for the duplicates, delays and batching, to make a run reproducible; empty = unseeded.</summary>
    public int? RandomSeed { get; set; }
}
