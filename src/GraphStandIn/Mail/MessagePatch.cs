namespace PresenceBot.GraphStandIn.Mail;

/// <summary>What the dev API's PATCH changes on a message: whether it is read, as opening it in Outlook does.</summary>
public sealed record MessagePatch(bool? IsRead);
