namespace PresenceBot.GraphStandIn.Mail;

/// <summary>
/// Graph's <c>singleValueLegacyExtendedProperty</c>: a MAPI property by id (<c>"String 0x001A"</c> for the message
/// class, <c>"Integer 0x6801"</c> for a voice message's duration) and its value as a string.
/// </summary>
public sealed record ExtendedProperty(string Id, string Value);
