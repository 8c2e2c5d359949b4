namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>No end was given. A referral needs one (rule 6), so the conversation asks rather than guesses.</summary>
public sealed record TimeMissing : TimeExpressionResult
{
    public string Message => ParserMessages.Missing;
}
