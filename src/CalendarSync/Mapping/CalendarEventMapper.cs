using System.Collections.Frozen;
using NodaTime;
using NodaTime.Text;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Service;
using PresenceBot.Referrals.WorkingTime;

namespace PresenceBot.CalendarSync.Mapping;

/// <summary>
/// Turns one Outlook event into a referral decision (DESIGN rules 2, 4 and 5). Pure: no I/O and no clock, so the
/// webhook, the delta resync and tests all get the same answer for the same event.
/// </summary>
/// <remarks>
/// Malformed input (unknown zone, unparsable time, end not after start) is ignored with a reason code instead of
/// throwing, because one bad event from Graph must not stop the inbox from processing the others.
/// </remarks>
public sealed class CalendarEventMapper
{
    /// <summary>The <see cref="CalendarBooking.Actor"/> of every booking this mapper makes, for the audit trail.</summary>
    public const string Actor = "calendar";

    // Graph's "dateTime" has seven fractional digits; ExtendedIso accepts those and whole seconds alike.
    private static readonly LocalDateTimePattern GraphDateTime = LocalDateTimePattern.ExtendedIso;

    private readonly bool _tentativeMakesReferral;
    private readonly FrozenDictionary<string, Reason> _categoryReasons;
    private readonly FrozenDictionary<string, Reason> _subjectCodes;

    /// <exception cref="ArgumentException">Two category names differ only in case or surrounding white space.</exception>
    public CalendarEventMapper(MappingRules rules)
    {
        ArgumentNullException.ThrowIfNull(rules);
        ArgumentNullException.ThrowIfNull(rules.CategoryReasons);

        _tentativeMakesReferral = rules.TentativeMakesReferral;
        // Rebuilt with our own comparer: a configured dictionary may be case-sensitive, and matching must not be.
        var table = new Dictionary<string, Reason>(StringComparer.OrdinalIgnoreCase);
        foreach (var (name, reason) in rules.CategoryReasons)
        {
            if (!table.TryAdd(name.Trim(), reason))
            {
                throw new ArgumentException(
                    $"Category \"{name.Trim()}\" is configured twice (names are compared ignoring case).", nameof(rules));
            }
        }

        _categoryReasons = table.ToFrozenDictionary(StringComparer.OrdinalIgnoreCase);
        _subjectCodes = (rules.SubjectCodes ?? MappingRules.DefaultSubjectCodes)
            .ToFrozenDictionary(pair => pair.Key.Trim(), pair => pair.Value, StringComparer.OrdinalIgnoreCase);
    }

    /// <summary>
    /// Maps <paramref name="calendarEvent"/> of <paramref name="person"/>. <paramref name="now"/> only decides
    /// whether the event is over (<see cref="IgnoreReasons.Ended"/>): a referral whose return time has passed tells
    /// callers nothing.
    /// </summary>
    public BookingDecision Map(CalendarEvent calendarEvent, Person person, WorkingCalendar calendar, Instant now)
    {
        ArgumentNullException.ThrowIfNull(calendarEvent);
        ArgumentNullException.ThrowIfNull(person);
        ArgumentNullException.ThrowIfNull(calendar);

        // Checked first: with coupling off the calendar does not speak for this person at all, whatever the event.
        if (person.CalendarCoupling == CalendarCoupling.Off)
        {
            return BookingDecision.Ignore(IgnoreReasons.CouplingOff);
        }

        if (string.IsNullOrWhiteSpace(calendarEvent.Id))
        {
            // The event id is the referral's key; without it a later update or cancellation could never find it.
            return BookingDecision.Ignore(IgnoreReasons.MissingId);
        }

        if (calendarEvent.IsCancelled)
        {
            return BookingDecision.Ignore(IgnoreReasons.Cancelled);
        }

        if (Is(calendarEvent.ResponseStatus, "declined"))
        {
            return BookingDecision.Ignore(IgnoreReasons.Declined);
        }

        if (ReasonOf(calendarEvent, out var phone) is not { } reason)
        {
            return BookingDecision.Ignore(IgnoreReasonOfShowAs(calendarEvent.ShowAs));
        }

        if (!TryResolveInterval(calendarEvent, calendar, out var start, out var end, out var problem))
        {
            return BookingDecision.Ignore(problem);
        }

        // Compared with the return time callers would hear (the service's normalization), not the raw end: an event
        // ending Friday 17:00 still tells callers "back Monday 08:00" on Saturday.
        if (calendar.NormalizeReturn(end) <= now)
        {
            return BookingDecision.Ignore(IgnoreReasons.Ended);
        }

        return BookingDecision.Refer(new CalendarBooking(person.Id, calendarEvent.Id, reason, start, end, Actor, phone));
    }

    /// <summary>
    /// The reason from, in order: a subject code, the first known category, showAs. <paramref name="phone"/> is set
    /// only by a subject code; otherwise the person's coupling decides.
    /// </summary>
    private Reason? ReasonOf(CalendarEvent calendarEvent, out PhoneState? phone)
    {
        var showAs = calendarEvent.ShowAs;
        phone = null;

        // workingElsewhere is remote whatever its categories: a category reason would close a phone that rings.
        if (Is(showAs, "workingElsewhere"))
        {
            return Reason.Remote;
        }

        Reason fallback;
        if (Is(showAs, "busy") || (Is(showAs, "tentative") && _tentativeMakesReferral))
        {
            fallback = Reason.Meeting;
        }
        else if (Is(showAs, "oof"))
        {
            fallback = Reason.Away;
        }
        else
        {
            return null;
        }

        if (SubjectCode(calendarEvent.Subject) is { } code && _subjectCodes.TryGetValue(code.Code, out var coded))
        {
            phone = code.Phone;
            return coded;
        }

        // First matching category wins, in the order Outlook lists them.
        foreach (var category in calendarEvent.Categories)
        {
            if (category is not null && _categoryReasons.TryGetValue(category.Trim(), out var chosen))
            {
                return chosen;
            }
        }

        return fallback;
    }

    /// <summary>
    /// Reads only the three-letter code and its separator; the rest of the subject is never looked at or kept.
    /// </summary>
    private static (string Code, PhoneState Phone)? SubjectCode(string? subject)
    {
        var text = subject?.TrimStart();
        if (text is not { Length: >= 4 } || !char.IsLetter(text[0]) || !char.IsLetter(text[1]) || !char.IsLetter(text[2]))
        {
            return null;
        }

        return text[3] switch
        {
            ':' => (text[..3], PhoneState.Closed),
            ';' => (text[..3], PhoneState.Open),
            _ => null,
        };
    }

    private static string IgnoreReasonOfShowAs(string? showAs) =>
        Is(showAs, "free") ? IgnoreReasons.Free
        : Is(showAs, "tentative") ? IgnoreReasons.Tentative
        : IgnoreReasons.UnknownShowAs;

    private static bool TryResolveInterval(
        CalendarEvent calendarEvent, WorkingCalendar calendar, out Instant start, out Instant end, out string problem)
    {
        start = default;
        end = default;
        problem = string.Empty;

        var localStart = GraphDateTime.Parse(calendarEvent.Start.DateTime ?? string.Empty);
        var localEnd = GraphDateTime.Parse(calendarEvent.End.DateTime ?? string.Empty);
        if (!localStart.Success || !localEnd.Success)
        {
            problem = IgnoreReasons.BadDateTime;
            return false;
        }

        if (calendarEvent.IsAllDay)
        {
            return TryResolveAllDay(localStart.Value, localEnd.Value, calendar, out start, out end, out problem);
        }

        // Graph allows the start and end to be given in different zones, so each is resolved on its own.
        if (GraphTimeZones.Find(calendarEvent.Start.TimeZone) is not { } startZone
            || GraphTimeZones.Find(calendarEvent.End.TimeZone) is not { } endZone)
        {
            problem = IgnoreReasons.BadTimeZone;
            return false;
        }

        // Leniently, as WorkingCalendar does: a time in a DST gap moves forward, one in an overlap takes the earlier.
        start = localStart.Value.InZoneLeniently(startZone).ToInstant();
        end = localEnd.Value.InZoneLeniently(endZone).ToInstant();
        if (end <= start)
        {
            problem = IgnoreReasons.InvalidInterval;
            return false;
        }

        // A timed booking that runs to local midnight covers its last day wholly (rule 4): return the next working
        // morning rather than at 00:00.
        var endInOrganisation = end.InZone(calendar.Zone).LocalDateTime;
        if (endInOrganisation.TimeOfDay == LocalTime.Midnight)
        {
            end = calendar.ReturnAfterAbsenceThrough(endInOrganisation.Date.PlusDays(-1));
        }

        return true;
    }

    /// <summary>
    /// All-day events are floating dates: Graph reports them as midnight in whatever zone was asked for (often UTC),
    /// so their zone is not consulted and the dates are read in the organisation's own zone.
    /// </summary>
    private static bool TryResolveAllDay(
        LocalDateTime localStart, LocalDateTime localEnd, WorkingCalendar calendar, out Instant start, out Instant end, out string problem)
    {
        start = default;
        end = default;
        problem = string.Empty;

        var firstDay = localStart.Date;
        // The end is exclusive midnight; should a client send a time of day, that day counts as covered.
        var dayAfter = localEnd.TimeOfDay == LocalTime.Midnight ? localEnd.Date : localEnd.Date.PlusDays(1);
        if (dayAfter <= firstDay)
        {
            problem = IgnoreReasons.InvalidInterval;
            return false;
        }

        start = calendar.Zone.AtStartOfDay(firstDay).ToInstant();
        end = calendar.ReturnAfterAbsenceThrough(dayAfter.PlusDays(-1));
        return true;
    }

    private static bool Is(string? value, string graphValue) => string.Equals(value?.Trim(), graphValue, StringComparison.OrdinalIgnoreCase);
}
