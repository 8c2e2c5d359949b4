namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// What a time expression came to: <see cref="TimeSuccess"/>, <see cref="TimeMissing"/> or a
/// <see cref="TimeFailure"/> (past, impossible, not understood). Closed so a switch over it is exhaustive in spirit.
/// </summary>
public abstract record TimeExpressionResult
{
    private protected TimeExpressionResult()
    {
    }
}
