using NodaTime;
using PresenceBot.Referrals.Coverage;
using PresenceBot.Referrals.Timeline;

namespace PresenceBot.Reminders;

/// <summary>Every unit's gaps over the evaluation window, and the members' timelines they came from (for the staff warnings).</summary>
internal sealed record CoverageSnapshot(
    Interval Window, IReadOnlyList<CoverageGap> Gaps, IReadOnlyDictionary<string, IReadOnlyList<TimelineSegment>> Timelines);
