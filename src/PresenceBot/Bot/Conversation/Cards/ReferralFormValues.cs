namespace PresenceBot.Bot.Conversation.Cards;

/// <summary>What the form shows in its inputs (codes and card formats, as the card sends them back).</summary>
internal sealed record ReferralFormValues(string? Reason, DateOnly? Date, TimeOnly? Time, string? Phone, string? Note);
