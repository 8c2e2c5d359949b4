namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>What a command word asks for; <see cref="SetReferral"/> words also name a reason.</summary>
internal enum CommandKind
{
    SetReferral,
    Return,
    Status,
    Coupling,
    Help,
    Voicemail,
    Forward,
    Unit,
}
