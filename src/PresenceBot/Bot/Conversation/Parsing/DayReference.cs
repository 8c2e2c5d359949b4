namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>A day as written: relative ("i morgon"), a weekday ("fredag") or a date ("1/12", "den 3 december").</summary>
internal abstract record DayReference;
