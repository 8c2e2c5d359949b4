namespace PresenceBot.Referrals.Referrals;

/// <summary>Why someone can't answer. API codes and Swedish words live in <see cref="ReasonCatalog"/>.</summary>
public enum Reason
{
    Meeting,
    Errand,
    BusinessTrip,
    Vacation,
    Lunch,
    Remote,
    Training,
    Leave,
    Sick,
    Busy,
    Away,
    GoneForDay,
}
