using System.ComponentModel.DataAnnotations;

namespace PresenceBot.Calendar;

/// <summary>The built-in Graph stand-in, started when <c>Graph:BaseUrl</c> is not set.</summary>
public sealed class GraphStandInHostOptions
{
    public const string SectionName = "GraphStandIn";

    /// <summary>Its loopback port (0 = any free port); the README's curl examples use the default.</summary>
    [Range(0, 65535)]
    public int Port { get; set; } = 5081;
}
