namespace PresenceBot.Forwarding;

/// <summary>Whether the colleague was told in Teams that calls come to them.</summary>
internal enum ColleagueNotice
{
    Told,

    /// <summary>Not messaged: outside working hours (rule 11).</summary>
    OutsideWorkingHours,

    /// <summary>Teams could not reach them (no chat with the bot yet, or it failed); the forwarding is set all the same.</summary>
    NotReached,

    /// <summary>Not messaged again: the same forwarding was already in force (a repeated command, button or PUT).</summary>
    AlreadyTold,
}
