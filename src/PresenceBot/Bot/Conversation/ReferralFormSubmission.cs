using NodaTime;
using PresenceBot.Bot.Conversation.Cards;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Bot.Conversation;

/// <summary>A read form: the values, or the errors to show beside the person's own entries.</summary>
internal sealed record ReferralFormSubmission(
    Reason? Reason, Instant? Until, PhoneState? Phone, string? Note, IReadOnlyList<string> Errors, ReferralFormValues Entered)
{
    public bool IsValid => Errors.Count == 0;
}
