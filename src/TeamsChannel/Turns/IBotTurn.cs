using System.Text.Json;

namespace PresenceBot.TeamsChannel.Turns;

/// <summary>
/// One incoming activity as the conversation sees it: who wrote (mapped to the application's person through
/// their Entra object id), what, and how to answer in the same conversation. Protocol details stay
/// behind this interface.
/// </summary>
public interface IBotTurn
{
    /// <summary>The application's id for the sender (<see cref="IBotPersonDirectory"/>); null when it does not know them.</summary>
    string? PersonId { get; }

    /// <summary>The sender's Entra object id as Teams gave it (absent in the Emulator unless set).</summary>
    string? AadObjectId { get; }

    string? UserName { get; }

    /// <summary>The message text, with the bot's own @-mention removed.</summary>
    string? Text { get; }

    /// <summary>The inputs of a card submitted with <c>Action.Submit</c>; null for typed messages.</summary>
    JsonElement? Value { get; }

    bool IsPersonal { get; }

    /// <summary>The writer's IANA time zone from Teams' <c>clientInfo</c> entity ("Europe/Stockholm"); null when not sent.</summary>
    string? TimeZone => null;

    string? TenantId { get; }

    /// <summary>Answers in the same conversation; returns the new message's id (to update it later), when the channel gives one.</summary>
    Task<string?> ReplyAsync(BotMessage message, CancellationToken cancellationToken);

    /// <summary>Replaces an earlier message of the bot, e.g. to refresh a card.</summary>
    Task UpdateAsync(string messageId, BotMessage message, CancellationToken cancellationToken);
}
