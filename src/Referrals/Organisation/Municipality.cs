namespace PresenceBot.Referrals.Organisation;

/// <summary>A municipality behind the shared switchboard; its name is spoken in the talsvar.</summary>
public sealed record Municipality(string Id, string Name)
{
    /// <summary>
    /// The default for its people: whether voicemail reaches them as mail (Teams Phone) rather than through the
    /// switchboard. Municipalities sharing one deployment need not share a telephony platform.
    /// </summary>
    public bool VoicemailFromMailbox { get; init; }

    /// <summary>Whether its people's manual referrals are written into their Outlook calendars (default none).</summary>
    public WriteBack WriteBack { get; init; }
}
