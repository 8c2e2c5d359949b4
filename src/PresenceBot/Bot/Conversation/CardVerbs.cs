namespace PresenceBot.Bot.Conversation;

/// <summary>The card verbs the conversation owns; any other verb belongs to an <see cref="ICardVerbHandler"/>.</summary>
internal static class CardVerbs
{
    public const string Return = "referral.return";
    public const string Edit = "referral.edit";
    public const string Set = "referral.set";
    public const string PickEnd = "referral.pickEnd";
    public const string Coupling = "coupling.set";

    /// <summary>Asked of the registered handlers for "/röstbrevlåda", so voicemail can answer it without the conversation knowing how.</summary>
    public const string ShowVoicemail = "voicemail.show";

    /// <summary>The data key the verb travels under, so <c>Action.Submit</c> (which has no verb of its own) works too.</summary>
    public const string VerbKey = "verb";

    /// <summary>The data key of the status the card was drawn from (see <see cref="StatusVersion"/>).</summary>
    public const string VersionKey = "referralVersion";
}
