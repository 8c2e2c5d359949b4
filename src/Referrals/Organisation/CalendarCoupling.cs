namespace PresenceBot.Referrals.Organisation;

/// <summary>Kalenderkoppling: closed (a booking closes the phone), open (referral shown, phone rings) or off.</summary>
public enum CalendarCoupling
{
    Closed,
    Open,
    Off,
}
