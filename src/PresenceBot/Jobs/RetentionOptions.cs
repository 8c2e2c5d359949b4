using System.ComponentModel.DataAnnotations;

namespace PresenceBot.Jobs;

public sealed class RetentionOptions
{
    public const string SectionName = "Retention";

    /// <summary>Personal data older than this many days is deleted (see <see cref="RetentionRules"/> for what "older" means per table).</summary>
    [Range(1, 3650)]
    public int Days { get; set; } = 90;

    /// <summary>
    /// Everything about a person who is no longer in the organisation (file or units' groups) is deleted once it is
    /// this many days old, whatever <see cref="Days"/> says: time to undo a mistaken edit of the organisation file.
    /// </summary>
    [Range(1, 3650)]
    public int LeaverGraceDays { get; set; } = 30;
}
