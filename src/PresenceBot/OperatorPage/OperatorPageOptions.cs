using System.ComponentModel.DataAnnotations;

namespace PresenceBot.OperatorPage;

/// <summary>The operator page's live updates (<c>OperatorPage</c> section).</summary>
public sealed class OperatorPageOptions
{
    public const string SectionName = "OperatorPage";

    /// <summary>
    /// How often, while a page is open, the audit trail is read for changes committed by another instance (this
    /// instance's own changes arrive at once through the outbox). Well under a second, so a change shows within one.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:00.050", "00:00:10")]
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromMilliseconds(500);

    /// <summary>A comment line on an idle stream this often, so proxies and browsers keep it open.</summary>
    [Range(typeof(TimeSpan), "00:00:01", "00:05:00")]
    public TimeSpan KeepAliveInterval { get; set; } = TimeSpan.FromSeconds(15);
}
