using NodaTime;

namespace PresenceBot.Storage.Rows;

/// <summary>"Påminn om en timme": no voicemail reminder for the person before <see cref="Until"/>.</summary>
internal sealed class VoicemailSnoozeRow
{
    public required string PersonId { get; set; }

    public Instant Until { get; set; }
}
