using System.Text.Json;

namespace PresenceBot.TeamsChannel.Activities;

/// <summary>The <c>value</c> of an <c>adaptiveCard/action</c> invoke.</summary>
internal sealed record AdaptiveCardInvokeValue
{
    public InvokeAction? Action { get; init; }

    internal sealed record InvokeAction
    {
        public string? Type { get; init; }

        public string? Verb { get; init; }

        public JsonElement? Data { get; init; }
    }
}
