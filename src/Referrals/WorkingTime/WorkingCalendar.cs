using System.Collections.Frozen;
using NodaTime;
using PresenceBot.Referrals.Organisation;
using OrganisationModel = PresenceBot.Referrals.Organisation.Organisation;

namespace PresenceBot.Referrals.WorkingTime;

/// <summary>
/// The organisation's working calendar: which dates are working days (weekday, Swedish holidays, extra closures)
/// and when working hours begin and end on them in the organisation's time zone. Callers are only ever told
/// return times that fall inside working hours.
/// </summary>
public sealed class WorkingCalendar
{
    // Two years is longer than any real gap between working days; beyond it the configuration itself is broken
    // (e.g. no working weekdays at all) and looping on would hang the caller.
    private const int MaxDaysToSearch = 366 * 2;

    private readonly FrozenSet<LocalDate> _extraNonWorkingDays;

    public WorkingCalendar(WorkingHours workingHours, IReadOnlySet<LocalDate> extraNonWorkingDays, DateTimeZone zone)
    {
        ArgumentNullException.ThrowIfNull(workingHours);
        ArgumentNullException.ThrowIfNull(extraNonWorkingDays);
        ArgumentNullException.ThrowIfNull(zone);

        WorkingHours = workingHours;
        // Copied so a caller mutating its set later cannot change answers already relied upon.
        _extraNonWorkingDays = extraNonWorkingDays.ToFrozenSet();
        Zone = zone;
    }

    public WorkingCalendar(OrganisationModel organisation)
        : this(
            (organisation ?? throw new ArgumentNullException(nameof(organisation))).WorkingHours,
            organisation.ExtraNonWorkingDays,
            organisation.TimeZone)
    {
    }

    public DateTimeZone Zone { get; }

    public WorkingHours WorkingHours { get; }

    public bool IsWorkingDay(LocalDate date) =>
        WorkingHours.Days.Contains(date.DayOfWeek)
        && !SwedishHolidays.For(date.Year).ContainsKey(date)
        && !_extraNonWorkingDays.Contains(date);

    /// <summary>The first working day strictly after <paramref name="date"/>.</summary>
    /// <exception cref="InvalidOperationException">No working day within two years (misconfigured working days).</exception>
    public LocalDate NextWorkingDayAfter(LocalDate date) => FindWorkingDay(date, date.PlusDays(1));

    /// <summary><paramref name="date"/> itself when it is a working day, otherwise the next one.</summary>
    /// <exception cref="InvalidOperationException">No working day within two years (misconfigured working days).</exception>
    public LocalDate WorkingDayOnOrAfter(LocalDate date) => FindWorkingDay(date, date);

    /// <summary>
    /// When working hours start on <paramref name="date"/>. Resolved leniently so a start inside a DST gap moves
    /// forward and one inside an overlap takes the earlier occurrence, rather than throwing.
    /// </summary>
    public Instant StartOfWorkingDay(LocalDate date) => date.At(WorkingHours.Start).InZoneLeniently(Zone).ToInstant();

    /// <summary>When working hours end on <paramref name="date"/>, resolved leniently like the start.</summary>
    public Instant EndOfWorkingDay(LocalDate date) => date.At(WorkingHours.End).InZoneLeniently(Zone).ToInstant();

    /// <summary>Whether <paramref name="instant"/> is on a working day with local time in [Start, End).</summary>
    public bool IsWithinWorkingHours(Instant instant)
    {
        var local = instant.InZone(Zone).LocalDateTime;
        return IsWorkingDay(local.Date) && IsWithinHours(local.TimeOfDay);
    }

    /// <summary>
    /// Return time for an absence covering whole days through <paramref name="lastAbsentDay"/>: the start of
    /// working hours on the first working day after it.
    /// </summary>
    public Instant ReturnAfterAbsenceThrough(LocalDate lastAbsentDay) =>
        StartOfWorkingDay(NextWorkingDayAfter(lastAbsentDay));

    /// <summary>
    /// A return time that can be told to callers: <paramref name="returnsAt"/> unchanged when inside working hours,
    /// otherwise the next start of working hours. An all-day event ends at local midnight, and "back at 00:00" is
    /// useless to a caller, so it becomes the next working morning.
    /// </summary>
    public Instant NormalizeReturn(Instant returnsAt)
    {
        var local = returnsAt.InZone(Zone).LocalDateTime;
        var date = local.Date;

        if (!IsWorkingDay(date))
        {
            return StartOfWorkingDay(NextWorkingDayAfter(date));
        }

        if (local.TimeOfDay < WorkingHours.Start)
        {
            return StartOfWorkingDay(date);
        }

        return local.TimeOfDay < WorkingHours.End ? returnsAt : StartOfWorkingDay(NextWorkingDayAfter(date));
    }

    private bool IsWithinHours(LocalTime time) => time >= WorkingHours.Start && time < WorkingHours.End;

    private LocalDate FindWorkingDay(LocalDate requested, LocalDate first)
    {
        var candidate = first;
        for (var i = 0; i < MaxDaysToSearch; i++)
        {
            if (IsWorkingDay(candidate))
            {
                return candidate;
            }

            candidate = candidate.PlusDays(1);
        }

        throw new InvalidOperationException(
            $"No working day found within {MaxDaysToSearch} days from {requested:uuuu-MM-dd}; check the working days configuration.");
    }
}
