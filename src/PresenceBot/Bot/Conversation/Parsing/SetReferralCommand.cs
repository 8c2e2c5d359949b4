using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// "/möte till 15 budgetberedning": a manual referral. <see cref="Until"/> is never null: an absent end is
/// <see cref="TimeMissing"/>, so the handler has one switch to make. <see cref="Note"/> is the writer's own text,
/// verbatim.
/// </summary>
public sealed record SetReferralCommand(Reason Reason, TimeExpressionResult Until, string? Note) : ParsedCommand;
