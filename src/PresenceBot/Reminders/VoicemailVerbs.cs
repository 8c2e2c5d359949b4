namespace PresenceBot.Reminders;

/// <summary>The card verbs of the voicemail reminder buttons, and their data.</summary>
internal static class VoicemailVerbs
{
    public const string Heard = "voicemail.heard";
    public const string Snooze = "voicemail.snooze";

    /// <summary>What "/röstbrevlåda" asks for (the conversation's <c>CardVerbs.ShowVoicemail</c>).</summary>
    public const string Show = "voicemail.show";

    /// <summary>When the card was sent: "heard" covers messages received up to then.</summary>
    public const string UpToKey = "upTo";
}
