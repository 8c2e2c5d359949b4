using NodaTime;
using NodaTime.Text;
using PresenceBot.Bot.Conversation.Parsing;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.WorkingTime;

namespace PresenceBot.Tests.Bot.Conversation.Parsing;

/// <summary>Europe/Stockholm, Mon–Fri 08:00–17:00 with Swedish holidays, and helpers to write instants as local times.</summary>
internal static class ParsingFixtures
{
    public static readonly DateTimeZone Stockholm = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];

    public static readonly WorkingCalendar OfficeHours = new(
        new WorkingHours(
            new HashSet<IsoDayOfWeek> { IsoDayOfWeek.Monday, IsoDayOfWeek.Tuesday, IsoDayOfWeek.Wednesday, IsoDayOfWeek.Thursday, IsoDayOfWeek.Friday },
            new LocalTime(8, 0),
            new LocalTime(17, 0)),
        new HashSet<LocalDate>(),
        Stockholm);

    public static TimeContext At(string localIso) => new(Local(localIso), Stockholm, OfficeHours);

    /// <summary>A Stockholm wall-clock time; strict, so a test cannot name a time that does not exist.</summary>
    public static Instant Local(string localIso) =>
        LocalDateTimePattern.GeneralIso.Parse(localIso.Length == 16 ? localIso + ":00" : localIso).Value
            .InZoneStrictly(Stockholm).ToInstant();

    public static string LocalText(Instant instant) =>
        LocalDateTimePattern.CreateWithInvariantCulture("uuuu-MM-dd'T'HH:mm").Format(instant.InZone(Stockholm).LocalDateTime);
}
