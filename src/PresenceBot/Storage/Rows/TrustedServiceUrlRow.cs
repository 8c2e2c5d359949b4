using NodaTime;

namespace PresenceBot.Storage.Rows;

internal sealed class TrustedServiceUrlRow
{
    public required string Url { get; set; }

    public Instant LearnedAt { get; set; }
}
