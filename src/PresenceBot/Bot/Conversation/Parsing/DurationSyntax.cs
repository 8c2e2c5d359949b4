using NodaTime;

namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>"i 45 min", "en halvtimme", "i två och en halv timme".</summary>
internal sealed record DurationSyntax(Duration Length) : TimeSyntax;
