using NodaTime;

namespace PresenceBot.GraphStandIn.Paging;

/// <summary>
/// What a deltaLink remembers: whose data, which window, the change sequence it is current at, and the ids the
/// client has been told about (so an event moved out of the window can be reported as removed).
/// </summary>
internal sealed record DeltaState(string Key, Instant WindowStart, Instant WindowEnd, long Sequence, IReadOnlySet<string> KnownIds);
