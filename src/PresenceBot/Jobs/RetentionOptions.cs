using System.ComponentModel.DataAnnotations;

namespace PresenceBot.Jobs;

public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Referrals and audit entries older than this many days are deleted.</summary>
    [Range(1, 3650)]
    public int Days { get; set; } = 90;
}
