using NodaTime;

namespace PresenceBot.Storage.Rows;

/// <summary>A person's own calendar coupling (see <c>Organisation/CouplingOverrides</c>).</summary>
internal sealed class CouplingOverrideRow
{
    public required string PersonId { get; set; }

    /// <summary>"closed", "open" or "off".</summary>
    public required string Coupling { get; set; }

    public Instant UpdatedAt { get; set; }
}
