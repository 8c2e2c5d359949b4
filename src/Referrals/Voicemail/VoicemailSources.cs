namespace PresenceBot.Referrals.Voicemail;

/// <summary>Where voicemail events come from; part of a message's identity so two sources' ids never collide.</summary>
public static class VoicemailSources
{
    public const string Switchboard = "switchboard";

    /// <summary>Voicemail that arrives as mail (Teams Phone): the id is the message's id in the person's mailbox.</summary>
    public const string Mailbox = "mailbox";
}
