using System.Text.Json;

namespace PresenceBot.TeamsChannel.Turns;

/// <summary>An <c>Action.Execute</c> pressed on a card: its verb and the card's inputs merged with the action's data.</summary>
public sealed record CardSubmission(string? Verb, JsonElement? Data);
