namespace PresenceBot.OperatorPage;

/// <summary>A reason the form offers: the API code and its Swedish word.</summary>
public sealed record ReasonChoice(string Code, string Text);
