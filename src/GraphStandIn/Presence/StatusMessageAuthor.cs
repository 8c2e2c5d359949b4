namespace PresenceBot.GraphStandIn.Presence;

/// <summary>Who set a status message. Only the dev view says it; Graph itself doesn't.</summary>
public enum StatusMessageAuthor
{
    /// <summary>Through Graph's <c>setStatusMessage</c>: an application such as the product.</summary>
    Application,

    /// <summary>The person in Teams (simulated through the dev API).</summary>
    User,
}
