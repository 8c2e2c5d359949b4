namespace PresenceBot.TeamsChannel.Activities;

internal static class ActivityTypes
{
    public const string Message = "message";
    public const string Invoke = "invoke";
    public const string InstallationUpdate = "installationUpdate";
    public const string ConversationUpdate = "conversationUpdate";
    public const string AdaptiveCardAction = "adaptiveCard/action";
}
