namespace PresenceBot.Forwarding;

/// <summary>Whether and when the colleague is told in Teams that calls come to them.</summary>
internal enum ColleagueNotice
{
    /// <summary>Inside working hours: queued to be sent at once (the work queue retries a failed send).</summary>
    Queued,

    /// <summary>Not messaged: outside working hours (rule 11), and the forwarding ends before they begin again.</summary>
    OutsideWorkingHours,

    /// <summary>Outside working hours now (rule 11): told when they begin, if calls still go to the colleague then.</summary>
    Deferred,

    /// <summary>Teams cannot reach them (no chat with the bot yet, or it is gone); the forwarding is set all the same.</summary>
    NotReached,

    /// <summary>Not messaged again: the same forwarding was already in force (a repeated command, button or PUT).</summary>
    AlreadyTold,
}
