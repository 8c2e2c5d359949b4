namespace PresenceBot.Referrals.Voicemail;

/// <summary>Where voicemail events come from; part of a message's identity so two sources' ids never collide.</summary>
public static class VoicemailSources
{
    public const string Switchboard = "switchboard";
}
