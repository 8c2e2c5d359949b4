namespace PresenceBot.Referrals.Referrals;

/// <summary>Who made a referral. Manual and switchboard referrals override the calendar.</summary>
public enum ReferralSource
{
    Calendar,
    Manual,
    Switchboard,
}
