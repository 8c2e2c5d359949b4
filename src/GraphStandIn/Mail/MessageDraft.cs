using PresenceBot.GraphStandIn.Calendars;

namespace PresenceBot.GraphStandIn.Mail;

/// <summary>
/// A message delivered to a person's inbox through the dev API or <see cref="StandInMailboxes"/>: the subset of Graph's
/// message JSON the stand-in keeps. <see cref="MessageClass"/> is a shortcut for the <c>String 0x001A</c> extended
/// property (default <c>IPM.Note</c>, ordinary mail); a Teams voicemail is <c>IPM.Note.Microsoft.Voicemail.UM.CA</c>.
/// </summary>
public sealed record MessageDraft
{
    public string? Subject { get; init; }

    public ItemBody? Body { get; init; }

    /// <summary>Graph's <c>from</c>: <c>{"emailAddress":{"name","address"}}</c>.</summary>
    public Recipient? From { get; init; }

    /// <summary>When it arrived; default now (the stand-in's clock).</summary>
    public DateTimeOffset? ReceivedDateTime { get; init; }

    public bool? IsRead { get; init; }

    public bool? HasAttachments { get; init; }

    /// <summary>low, normal or high.</summary>
    public string? Importance { get; init; }

    public string? MessageClass { get; init; }

    /// <summary>Other MAPI properties, e.g. <c>{"id":"Integer 0x6801","value":"17"}</c> (a voice message's seconds).</summary>
    public IReadOnlyList<ExtendedProperty>? SingleValueExtendedProperties { get; init; }
}
