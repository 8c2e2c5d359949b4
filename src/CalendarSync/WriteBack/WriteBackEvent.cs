using System.Globalization;
using NodaTime;

namespace PresenceBot.CalendarSync.WriteBack;

/// <summary>
/// The Outlook event that carries a manual referral to calendar-reading switchboards (Trio, Telia, Soluno): the Trio
/// code and the Swedish word in the subject, the referral's period, nothing else about it.
/// </summary>
public sealed record WriteBackEvent(Guid ReferralId, string Subject, Instant Start, Instant End, string ShowAs)
{
    /// <summary>
    /// What the event says, to the second (Graph keeps no finer): the same for what we wrote and what the calendar sync
    /// reads back, so an echo of our own write is told from the person's edit.
    /// </summary>
    public string Fingerprint => Of(Subject, Start, End, ShowAs);

    /// <summary>Whether it is never in force (a referral returned from before it began): written as no event.</summary>
    public bool IsEmpty => WholeSeconds(End) <= WholeSeconds(Start);

    public static string Of(string? subject, Instant start, Instant end, string? showAs) =>
        string.Create(CultureInfo.InvariantCulture, $"{subject?.Trim()}|{WholeSeconds(start)}|{WholeSeconds(end)}|{showAs?.Trim().ToLowerInvariant()}");

    private static long WholeSeconds(Instant instant) => instant.ToUnixTimeSeconds();
}
