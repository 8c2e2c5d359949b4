namespace PresenceBot.Referrals.Voicemail;

/// <summary>
/// A voicemail's lifecycle. The values are ordered and only ever move forward (new → heard → deleted), so a
/// late or repeated "new" from the switchboard cannot bring back a message someone already listened to.
/// </summary>
public enum VoicemailState
{
    New = 0,
    Heard = 1,
    Deleted = 2,
}
