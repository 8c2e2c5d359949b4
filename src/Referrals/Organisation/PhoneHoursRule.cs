using NodaTime;

namespace PresenceBot.Referrals.Organisation;

/// <summary>One line of a telefontid schedule: on these weekdays, from..to (local time).</summary>
public sealed record PhoneHoursRule
{
    public PhoneHoursRule(IReadOnlySet<IsoDayOfWeek> days, LocalTime from, LocalTime to)
    {
        if (to <= from)
        {
            throw new ArgumentException($"Phone hours end ({to}) must be after start ({from}).", nameof(to));
        }

        Days = days;
        From = from;
        To = to;
    }

    public IReadOnlySet<IsoDayOfWeek> Days { get; }

    public LocalTime From { get; }

    public LocalTime To { get; }
}
