using NodaTime;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Referrals.Coverage;

/// <summary>
/// Someone who can't answer during a gap. <see cref="ReasonPhrase"/> is the disclosed phrase ("är frånvarande" for
/// sickness), because managers see it; <see cref="ReturnsAt"/> is the merged absence's final return.
/// </summary>
public sealed record AwayMember(Person Person, string ReasonPhrase, Instant ReturnsAt);
