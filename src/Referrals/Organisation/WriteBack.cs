namespace PresenceBot.Referrals.Organisation;

/// <summary>
/// Per municipality: whether manual referrals are written into the person's Outlook calendar (for switchboards that
/// read calendars, such as Trio) or kept only in our own database.
/// </summary>
public enum WriteBack
{
    None,
    Calendar,
}
