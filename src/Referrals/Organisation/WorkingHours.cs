using NodaTime;

namespace PresenceBot.Referrals.Organisation;

/// <summary>The organisation's working days and daily hours, in its own time zone.</summary>
public sealed record WorkingHours
{
    public WorkingHours(IReadOnlySet<IsoDayOfWeek> days, LocalTime start, LocalTime end)
    {
        if (end <= start)
        {
            throw new ArgumentException($"Working hours end ({end}) must be after start ({start}).", nameof(end));
        }

        Days = days;
        Start = start;
        End = end;
    }

    public IReadOnlySet<IsoDayOfWeek> Days { get; }

    public LocalTime Start { get; }

    public LocalTime End { get; }
}
