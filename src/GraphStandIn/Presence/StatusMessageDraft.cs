using PresenceBot.GraphStandIn.Calendars;

namespace PresenceBot.GraphStandIn.Presence;

/// <summary>Graph's <c>presenceStatusMessage</c> as written: <c>{"message":{"content","contentType"},"expiryDateTime"}</c>.</summary>
public sealed record StatusMessageDraft(ItemBody? Message, DateTimeTimeZone? ExpiryDateTime);
