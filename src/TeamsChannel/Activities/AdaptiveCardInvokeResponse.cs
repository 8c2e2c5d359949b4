using System.Text.Json;

namespace PresenceBot.TeamsChannel.Activities;

/// <summary>The body answering an <c>adaptiveCard/action</c> invoke: a message (toast) or a card that replaces the old one.</summary>
internal sealed record AdaptiveCardInvokeResponse(int StatusCode, string Type, JsonElement Value)
{
    public const string MessageType = "application/vnd.microsoft.activity.message";
    public const string ErrorType = "application/vnd.microsoft.error";
}
