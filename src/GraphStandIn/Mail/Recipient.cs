using PresenceBot.GraphStandIn.Calendars;

namespace PresenceBot.GraphStandIn.Mail;

/// <summary>Graph's <c>recipient</c> (as in <c>from</c>, <c>sender</c>, <c>toRecipients</c>).</summary>
public sealed record Recipient(EmailAddress? EmailAddress);
