using NodaTime;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Timeline;

namespace PresenceBot.Referrals.Forwarding;

/// <summary>
/// Rule 12: whether a colleague can take forwarded calls for a whole period. Pure: it reads the colleague's effective
/// timeline. Reachable is what coverage counts as reachable: no referral, or one that keeps the phone open (distans).
/// </summary>
public static class ForwardingCheck
{
    public const string Busy = "upptagen";
    public const string Away = "frånvarande";

    /// <summary>The stretches of <paramref name="period"/> the colleague is not reachable, adjacent ones of one word joined.</summary>
    public static IReadOnlyList<UnreachableStretch> Unreachable(IReadOnlyList<TimelineSegment> timeline, Interval period)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var stretches = new List<UnreachableStretch>();
        foreach (var segment in timeline)
        {
            if (segment.Referral is not { Phone: PhoneState.Closed } referral)
            {
                continue;
            }

            var from = Instant.Max(segment.From, period.Start);
            var to = Instant.Min(segment.To, period.End);
            if (from >= to)
            {
                continue;
            }

            var word = WordFor(referral.Reason);
            if (stretches.Count > 0 && stretches[^1].To == from && stretches[^1].Word == word)
            {
                stretches[^1] = stretches[^1] with { To = to };
            }
            else
            {
                stretches.Add(new UnreachableStretch(from, to, word));
            }
        }

        return stretches;
    }

    /// <summary>Absences of a day or more (and sickness, disclosed as absence) are "frånvarande"; everything else "upptagen".</summary>
    public static string WordFor(Reason reason) => ReasonCatalog.Disclosed(reason) switch
    {
        Reason.Away or Reason.Vacation or Reason.Leave or Reason.GoneForDay or Reason.BusinessTrip => Away,
        _ => Busy,
    };
}
