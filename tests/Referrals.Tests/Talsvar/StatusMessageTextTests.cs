using NodaTime;
using NodaTime.Text;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Talsvar;

namespace PresenceBot.Referrals.Tests.Talsvar;

public sealed class StatusMessageTextTests
{
    private static readonly DateTimeZone Stockholm = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];
    private static readonly Instant MondayMorning = At("2026-11-23T09:00:00+01:00");

    [Theory]
    [InlineData(Reason.Meeting, "2026-11-23T15:00:00+01:00", "Är på sammanträde och återkommer klockan 15.00.")]
    [InlineData(Reason.Sick, "2026-11-23T15:00:00+01:00", "Är frånvarande och återkommer klockan 15.00.")]
    [InlineData(Reason.Vacation, "2026-11-24T08:00:00+01:00", "Har semester och återkommer den 24 november klockan 08.00.")]
    [InlineData(Reason.Remote, "2026-12-01T08:00:00+01:00", "Arbetar på distans och återkommer den 1 december klockan 08.00.")]
    public void Compose_SaysTheTalsvarWithoutTheNameAndOtherDaysByDate(Reason reason, string returnsAt, string expected) =>
        Assert.Equal(expected, StatusMessageText.Compose(reason, At(returnsAt), MondayMorning, Stockholm));

    private static Instant At(string text) => OffsetDateTimePattern.Rfc3339.Parse(text).Value.ToInstant();
}
