namespace PresenceBot.Referrals.Reminders;

/// <summary>One labelled line of a message ("Äldsta": "kom klockan 09.12"), already in Swedish.</summary>
public sealed record ReminderFact(string Label, string Value);
