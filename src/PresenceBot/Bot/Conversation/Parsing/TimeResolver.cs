using System.Diagnostics;
using NodaTime;
using NodaTime.Calendars;
using PresenceBot.Referrals.WorkingTime;

namespace PresenceBot.Bot.Conversation.Parsing;

/// <summary>
/// Gives <see cref="TimeSyntax"/> its meaning against "now", the writer's zone and the working calendar.
/// The rules (each decided once, here):
/// <list type="bullet">
/// <item>A day without a clock is back at that day's start of working hours, or the next working day's.</item>
/// <item>"t.o.m." a day, "hela dagen", "resten av dagen": back the next working morning; remote work instead ends
/// with that day's working hours (<see cref="WholeDayEnd"/>).</item>
/// <item>A weekday name is the next such day; today's name means next week's, unless a clock time still ahead
/// today is given ("till fredag 15:00" said on Friday at 13:00 is today).</item>
/// <item>A 12-hour reading ("till 3", "halv fyra") is the afternoon when the morning reading has passed or falls
/// before working hours start, and the afternoon reading is no later than they end.</item>
/// <item>A clock time or duration landing outside working hours becomes the next start of working hours: that is
/// when callers can next reach the person.</item>
/// <item>Past times are refused, never moved to tomorrow: guessing would store something not meant.</item>
/// </list>
/// </summary>
internal sealed class TimeResolver
{
    // A week past today covers every weekday name; a remote "t.o.m." further than that looks back at most this far.
    private const int MaxDaysToLookBack = 14;

    // A date or week without a year that passed this recently was a slip, not one a year ahead.
    private const int RecentlyPassedDays = 30;

    private static readonly Duration LongestAbsence = Duration.FromDays(366);

    private readonly TimeContext _context;
    private readonly WholeDayEnd _wholeDayEnd;
    private readonly LocalDate _today;

    public TimeResolver(TimeContext context, WholeDayEnd wholeDayEnd)
    {
        ArgumentNullException.ThrowIfNull(context);
        _context = context;
        _wholeDayEnd = wholeDayEnd;
        _today = context.Now.InZone(context.Zone).Date;
    }

    private Instant Now => _context.Now;

    private WorkingCalendar Calendar => _context.Calendar;

    public TimeExpressionResult Resolve(TimeSyntax syntax) => syntax switch
    {
        DurationSyntax duration => ResolveDuration(duration),
        ClockSyntax clock => ResolveClock(clock),
        DaySyntax day => ResolveDay(day),
        WeekSyntax week => ResolveWeek(week),
        _ => throw new UnreachableException($"Unknown time syntax {syntax.GetType().Name}."),
    };

    private TimeExpressionResult ResolveDuration(DurationSyntax syntax)
    {
        if (syntax.Length <= Duration.Zero || syntax.Length > LongestAbsence)
        {
            return new TimeImpossible(ParserMessages.ImpossibleDuration);
        }

        return Success(Calendar.NormalizeReturn(Now + syntax.Length));
    }

    private TimeExpressionResult ResolveClock(ClockSyntax syntax)
    {
        var clock = syntax.Clock;
        var maxHour = clock.TwelveHour ? 12 : 23;
        if (clock.Hour < 0 || clock.Hour > maxHour || clock.Minute is < 0 or > 59)
        {
            return new TimeImpossible(ParserMessages.ImpossibleClock(clock.Hour, clock.Minute));
        }

        LocalDateTime when;
        if (syntax.Day is WeekdayReference { NextWeek: false } weekday && weekday.Day == _today.DayOfWeek)
        {
            var today = Choose(_today, clock);
            when = ToInstant(today) > Now ? today : Choose(_today.PlusWeeks(1), clock);
        }
        else
        {
            var (date, failure) = syntax.Day is null ? (_today, null) : ResolveDate(syntax.Day);
            if (failure is not null)
            {
                return failure;
            }

            when = Choose(date, clock);
        }

        var until = ToInstant(when);
        return until <= Now
            ? new TimePast(ParserMessages.Past(ReturnDescription.Moment(when, _today)))
            : Success(Calendar.NormalizeReturn(until));
    }

    private TimeExpressionResult ResolveDay(DaySyntax syntax)
    {
        var (date, failure) = ResolveDate(syntax.Day);
        if (failure is not null)
        {
            return failure;
        }

        if (date < _today)
        {
            return new TimePast(ParserMessages.Past(ReturnDescription.Day(date, _today)));
        }

        return syntax.Mode switch
        {
            DayMode.Until => BackOn(date),
            DayMode.Whole when date > _today => AwayThrough(date, from: date),
            _ => AwayThrough(date, from: null),
        };
    }

    private TimeExpressionResult ResolveWeek(WeekSyntax syntax)
    {
        var week = syntax.Week;
        LocalDate monday;
        if (week.Number is not { } number)
        {
            monday = StartOfWeek(_today).PlusWeeks(week.WeeksFromNow);
        }
        else
        {
            var rules = WeekYearRules.Iso;
            var thisWeekYear = rules.GetWeekYear(_today);
            var thisWeek = rules.GetWeekOfWeekYear(_today);
            if (week.Year is null && number < thisWeek && (thisWeek - number) * 7 <= RecentlyPassedDays)
            {
                return new TimePast(ParserMessages.PastWeek(number));
            }

            var year = week.Year ?? (number >= thisWeek ? thisWeekYear : thisWeekYear + 1);
            if (number < 1 || year < 1 || year > 9998 || number > rules.GetWeeksInWeekYear(year))
            {
                return new TimeImpossible(ParserMessages.ImpossibleWeek(number, year));
            }

            monday = rules.GetLocalDate(year, number, IsoDayOfWeek.Monday);
        }

        var sunday = monday.PlusDays(6);
        if (sunday < _today)
        {
            return new TimePast(ParserMessages.PastWeek(WeekYearRules.Iso.GetWeekOfWeekYear(monday)));
        }

        return syntax.Mode switch
        {
            DayMode.Until => BackOn(monday),
            DayMode.Whole when monday > _today => AwayThrough(sunday, from: monday),
            _ => AwayThrough(sunday, from: null),
        };
    }

    /// <summary>Back when working hours start on <paramref name="date"/>, or on the next working day after it.</summary>
    private TimeExpressionResult BackOn(LocalDate date)
    {
        var until = Calendar.StartOfWorkingDay(Calendar.WorkingDayOnOrAfter(date));
        return until <= Now
            ? new TimePast(ParserMessages.Past(ReturnDescription.Moment(until.InZone(_context.Zone).LocalDateTime, _today)))
            : Success(until);
    }

    /// <summary>Away all of <paramref name="lastDay"/>, maybe starting on <paramref name="from"/> rather than now.</summary>
    private TimeExpressionResult AwayThrough(LocalDate lastDay, LocalDate? from)
    {
        var until = EndOfWholeDays(lastDay);
        if (until <= Now)
        {
            return new TimePast(ParserMessages.WorkdayOver);
        }

        // The whole of the first day, from midnight: a caller at 07:55 should already hear the absence.
        var start = from is { } first ? first.AtStartOfDayInZone(_context.Zone).ToInstant() : (Instant?)null;
        return Success(until, start);
    }

    private Instant EndOfWholeDays(LocalDate lastDay)
    {
        if (_wholeDayEnd == WholeDayEnd.EndOfWorkingHours)
        {
            for (var day = lastDay; day >= _today && Period.DaysBetween(day, lastDay) <= MaxDaysToLookBack; day = day.PlusDays(-1))
            {
                if (Calendar.IsWorkingDay(day))
                {
                    return Calendar.EndOfWorkingDay(day);
                }
            }
        }

        return Calendar.ReturnAfterAbsenceThrough(lastDay);
    }

    private (LocalDate Date, TimeFailure? Failure) ResolveDate(DayReference day)
    {
        switch (day)
        {
            case RelativeDay relative:
                return (_today.PlusDays(relative.DaysFromToday), null);
            case WeekdayReference { NextWeek: true } weekday:
                return (StartOfWeek(_today).PlusWeeks(1).PlusDays((int)weekday.Day - 1), null);
            case WeekdayReference weekday:
                return (_today.Next(weekday.Day), null);
            case DateReference date:
                return ResolveCalendarDate(date);
            default:
                throw new UnreachableException($"Unknown day reference {day.GetType().Name}.");
        }
    }

    /// <summary>
    /// A date with a year is taken as written. Without one it is the next occurrence from today on, looking a few
    /// years ahead so that 29/2 finds the next leap year; "31/2" exists in no year and is refused.
    /// </summary>
    private (LocalDate Date, TimeFailure? Failure) ResolveCalendarDate(DateReference date)
    {
        if (date.Year is { } year)
        {
            return Exists(year, date.Month, date.Day)
                ? (new LocalDate(year, date.Month, date.Day), null)
                : (_today, new TimeImpossible(ParserMessages.ImpossibleDate(date.Day, date.Month, year)));
        }

        // "till 20/12" on 23 December is a slip, not next Christmas: a date passed within the last month is refused.
        if (Exists(_today.Year, date.Month, date.Day) && new LocalDate(_today.Year, date.Month, date.Day) is var thisYear
            && thisYear < _today && Period.DaysBetween(thisYear, _today) <= RecentlyPassedDays)
        {
            return (_today, new TimePast(ParserMessages.Past(ReturnDescription.Day(thisYear, _today))));
        }

        for (var candidate = _today.Year; candidate <= _today.Year + 4; candidate++)
        {
            if (Exists(candidate, date.Month, date.Day) && new LocalDate(candidate, date.Month, date.Day) >= _today)
            {
                return (new LocalDate(candidate, date.Month, date.Day), null);
            }
        }

        return (_today, new TimeImpossible(ParserMessages.ImpossibleDate(date.Day, date.Month, null)));
    }

    /// <summary>The 24-hour reading of <paramref name="clock"/> on <paramref name="date"/>, choosing the afternoon by the rule above.</summary>
    private LocalDateTime Choose(LocalDate date, ClockReading clock)
    {
        if (!clock.TwelveHour)
        {
            return date.At(new LocalTime(clock.Hour, clock.Minute));
        }

        var morning = date.At(new LocalTime(clock.Hour % 12, clock.Minute));
        var afternoon = date.At(new LocalTime((clock.Hour % 12) + 12, clock.Minute));
        var hours = Calendar.WorkingHours;
        var afternoonIsWorkingTime = afternoon.TimeOfDay <= hours.End;
        var morningUnlikely = ToInstant(morning) <= Now || morning.TimeOfDay < hours.Start;
        return afternoonIsWorkingTime && morningUnlikely ? afternoon : morning;
    }

    private Instant ToInstant(LocalDateTime local) => local.InZoneLeniently(_context.Zone).ToInstant();

    private TimeSuccess Success(Instant until, Instant? from = null) =>
        new(until, ReturnDescription.Describe(until, from, Now, _context.Zone), from);

    private static LocalDate StartOfWeek(LocalDate date) => date.PlusDays(1 - (int)date.DayOfWeek);

    private static bool Exists(int year, int month, int day) =>
        year is >= 1 and <= 9999 && month is >= 1 and <= 12 && day >= 1 && day <= CalendarSystem.Iso.GetDaysInMonth(year, month);
}
