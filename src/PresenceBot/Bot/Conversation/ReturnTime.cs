using NodaTime;

namespace PresenceBot.Bot.Conversation;

/// <summary>A return time read from a card: the instant, or why it can't be used (Swedish, shown in the card).</summary>
internal sealed record ReturnTime(Instant? Until, string? Error)
{
    public static ReturnTime At(Instant until) => new(until, null);

    public static ReturnTime Refused(string error) => new(null, error);
}
