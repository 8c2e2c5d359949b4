namespace PresenceBot.Bot.Channel;

/// <summary>How the bot's Entra app identifies itself (the Bot Framework's standard <c>MicrosoftAppType</c>).</summary>
public enum MicrosoftAppType
{
    SingleTenant,
    UserAssignedMSI,
    MultiTenant,
}
