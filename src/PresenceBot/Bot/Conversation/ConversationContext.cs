using PresenceBot.Bot.Conversation.Parsing;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Bot.Conversation;

/// <summary>One known person's turn: who, in which time context, and the actor name the audit trail records.</summary>
internal sealed record ConversationContext(Person Person, TimeContext Time)
{
    public string Actor => $"teams:{Person.Id}";
}
