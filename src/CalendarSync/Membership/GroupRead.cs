namespace PresenceBot.CalendarSync.Membership;

/// <summary>
/// One delta round of a group: user ids that are (now) members and user ids that left, disjoint; the delta link to
/// continue from. A full read names every member in <see cref="Joined"/> and nobody in <see cref="Left"/>.
/// </summary>
public sealed record GroupRead(IReadOnlyList<string> Joined, IReadOnlyList<string> Left, string DeltaLink, bool IsFull);
