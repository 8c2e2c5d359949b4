namespace PresenceBot.Referrals.Referrals;

/// <summary>Whether the extension still rings while a referral is in force.</summary>
public enum PhoneState
{
    Closed,
    Open,
}
