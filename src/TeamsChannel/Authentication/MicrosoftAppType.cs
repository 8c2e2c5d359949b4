namespace PresenceBot.TeamsChannel.Authentication;

/// <summary>How the bot's Entra app identifies itself (the Bot Framework's standard <c>MicrosoftAppType</c>).</summary>
public enum MicrosoftAppType
{
    SingleTenant,
    UserAssignedMSI,
    MultiTenant,
}
