namespace PresenceBot.TeamsChannel.Proactive;

public enum TeamsDelivery
{
    Sent,

    /// <summary>The person never installed the app or wrote to the bot: there is no way to reach them.</summary>
    NotInstalled,

    /// <summary>Teams refused (the app was removed, the user is gone): not retried until the person is heard from again.</summary>
    Unreachable,

    /// <summary>Sends to this person's chat kept failing (Teams throttling or down): paused for <c>Bot:PauseAfterFailures</c>, nothing sent.</summary>
    Paused,
}
