namespace PresenceBot.Tests.Publishing;

/// <summary>One thing that left the product for the outside world: where it went and its text as received.</summary>
public sealed record OutboundWrite(string Destination, string Text);
