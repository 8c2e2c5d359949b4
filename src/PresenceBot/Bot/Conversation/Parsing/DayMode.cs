namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>How a named day bounds the absence.</summary>
internal enum DayMode
{
    /// <summary>"till måndag": back when that day's working hours start.</summary>
    Until,

    /// <summary>"t.o.m. fredag": away all of that day, back on the next working day.</summary>
    Through,

    /// <summary>
    /// A bare day ("idag", "fredag", "vecka 49"): away that whole day. Like <see cref="Through"/>, but a day that
    /// has not begun starts the absence there instead of now: "/ledig fredag" said on Tuesday is a day off on Friday.
    /// </summary>
    Whole,
}
