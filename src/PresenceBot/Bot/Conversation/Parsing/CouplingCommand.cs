using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>"/koppling [stängd | öppen | av]". A null <see cref="Mode"/> asks what the coupling is now.</summary>
public sealed record CouplingCommand(CalendarCoupling? Mode) : ParsedCommand;
