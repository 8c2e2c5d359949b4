using NodaTime;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
// Inside PresenceBot.Referrals.Tests.Talsvar the bare name "Talsvar" resolves to this test namespace, not the type.
using SpokenReferral = PresenceBot.Referrals.Talsvar.TalsvarText;

namespace PresenceBot.Referrals.Tests.Talsvar;

public sealed class TalsvarTests
{
    private static readonly DateTimeZone Stockholm = DateTimeZoneProviders.Tzdb["Europe/Stockholm"];

    private static readonly Municipality Lycksele = new("lycksele", "Lycksele kommun");

    // A Wednesday, so "today at 15.00" is an ordinary working afternoon.
    private static readonly Instant Now = At(2026, 11, 25, 10, 0);

    public static TheoryData<Reason, string> EveryReason => new()
    {
        { Reason.Meeting, "Kim Krona, Lycksele kommun, är på sammanträde och återkommer klockan 15.00." },
        { Reason.Errand, "Kim Krona, Lycksele kommun, är på tjänsteärende och återkommer klockan 15.00." },
        { Reason.BusinessTrip, "Kim Krona, Lycksele kommun, är på tjänsteresa och återkommer klockan 15.00." },
        { Reason.Vacation, "Kim Krona, Lycksele kommun, har semester och återkommer klockan 15.00." },
        { Reason.Lunch, "Kim Krona, Lycksele kommun, är på lunch och återkommer klockan 15.00." },
        { Reason.Remote, "Kim Krona, Lycksele kommun, arbetar på distans och återkommer klockan 15.00." },
        { Reason.Training, "Kim Krona, Lycksele kommun, är på utbildning och återkommer klockan 15.00." },
        { Reason.Leave, "Kim Krona, Lycksele kommun, är ledig och återkommer klockan 15.00." },
        { Reason.Sick, "Kim Krona, Lycksele kommun, är frånvarande och återkommer klockan 15.00." },
        { Reason.Busy, "Kim Krona, Lycksele kommun, är upptagen och återkommer klockan 15.00." },
        { Reason.Away, "Kim Krona, Lycksele kommun, är frånvarande och återkommer klockan 15.00." },
        { Reason.GoneForDay, "Kim Krona, Lycksele kommun, har gått för dagen och återkommer klockan 15.00." },
    };

    [Fact]
    public void The_policy_example_is_spoken_exactly()
    {
        var text = SpokenReferral.Compose(KimKrona(), Reason.Meeting, At(2026, 11, 25, 15, 0), Now, Stockholm);

        Assert.Equal("Kim Krona, Lycksele kommun, är på sammanträde och återkommer klockan 15.00.", text);
    }

    [Fact]
    public void Forwarded_SaysWhereTheCallGoes()
    {
        var ida = KimKrona() with { Id = "ida", Name = "Ida Berg" };

        var text = SpokenReferral.Compose(KimKrona(), Reason.Meeting, At(2026, 11, 25, 15, 0), Now, Stockholm, forwardedTo: ida);

        Assert.Equal("Kim Krona, Lycksele kommun, är på sammanträde och återkommer klockan 15.00 och samtalet kopplas till Ida Berg.", text);
    }

    [Theory]
    [MemberData(nameof(EveryReason))]
    public void Every_reason_has_its_talsvar(Reason reason, string expected)
    {
        Assert.Equal(expected, SpokenReferral.Compose(KimKrona(), reason, At(2026, 11, 25, 15, 0), Now, Stockholm));
    }

    [Fact]
    public void The_every_reason_theory_covers_every_reason()
    {
        var covered = EveryReason.Select(row => (Reason)row[0]);

        Assert.Equal(Enum.GetValues<Reason>().Order(), covered.Order());
    }

    [Fact]
    public void Sick_is_spoken_as_away_and_never_as_sjuk()
    {
        var text = SpokenReferral.Compose(KimKrona(), Reason.Sick, At(2026, 11, 25, 15, 0), Now, Stockholm);

        Assert.Contains("är frånvarande", text, StringComparison.Ordinal);
        Assert.DoesNotContain("sjuk", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void The_unit_is_spoken_after_the_municipality_when_the_unit_asks_for_it()
    {
        var person = KimKrona(spokenUnit: true);

        var text = SpokenReferral.Compose(person, Reason.Meeting, At(2026, 11, 25, 15, 0), Now, Stockholm);

        Assert.Equal("Kim Krona, Lycksele kommun, Kansliet, är på sammanträde och återkommer klockan 15.00.", text);
    }

    [Fact]
    public void The_unit_is_left_out_when_the_unit_does_not_ask_for_it()
    {
        var text = SpokenReferral.Compose(KimKrona(spokenUnit: false), Reason.Meeting, At(2026, 11, 25, 15, 0), Now, Stockholm);

        Assert.DoesNotContain("Kansliet", text, StringComparison.Ordinal);
    }

    [Fact]
    public void A_return_later_today_gives_only_the_time()
    {
        Assert.Equal("klockan 15.00", SpokenReferral.When(At(2026, 11, 25, 15, 0), Now, Stockholm));
    }

    [Fact]
    public void The_hour_always_has_two_digits()
    {
        var now = At(2026, 11, 25, 6, 30);

        Assert.Equal("klockan 08.05", SpokenReferral.When(At(2026, 11, 25, 8, 5), now, Stockholm));
    }

    [Fact]
    public void Seconds_are_not_spoken()
    {
        var returnsAt = At(2026, 11, 25, 15, 0) + Duration.FromSeconds(59);

        Assert.Equal("klockan 15.00", SpokenReferral.When(returnsAt, Now, Stockholm));
    }

    [Fact]
    public void A_return_tomorrow_says_i_morgon()
    {
        Assert.Equal("i morgon klockan 08.00", SpokenReferral.When(At(2026, 11, 26, 8, 0), Now, Stockholm));
    }

    [Fact]
    public void Tomorrow_means_the_next_local_date_not_the_next_24_hours()
    {
        var lateEvening = At(2026, 11, 25, 23, 30);

        Assert.Equal("i morgon klockan 00.30", SpokenReferral.When(At(2026, 11, 26, 0, 30), lateEvening, Stockholm));
    }

    [Fact]
    public void Tomorrow_crosses_the_new_year_without_naming_the_year()
    {
        var newYearsEve = At(2026, 12, 31, 16, 0);

        Assert.Equal("i morgon klockan 10.00", SpokenReferral.When(At(2027, 1, 1, 10, 0), newYearsEve, Stockholm));
    }

    [Theory]
    // Now is Wednesday 25 November 2026.
    [InlineData(11, 27, "på fredag klockan 08.00")]
    [InlineData(11, 28, "på lördag klockan 08.00")]
    [InlineData(11, 29, "på söndag klockan 08.00")]
    [InlineData(11, 30, "på måndag klockan 08.00")]
    [InlineData(12, 1, "på tisdag klockan 08.00")]
    public void A_return_two_to_six_days_ahead_names_the_weekday(int month, int day, string expected)
    {
        Assert.Equal(expected, SpokenReferral.When(At(2026, month, day, 8, 0), Now, Stockholm));
    }

    [Theory]
    // Now is Monday 15 June 2026, so the remaining weekday names are reachable within six days.
    [InlineData(17, "på onsdag klockan 08.00")]
    [InlineData(18, "på torsdag klockan 08.00")]
    public void The_remaining_weekdays_have_their_swedish_names(int day, string expected)
    {
        Assert.Equal(expected, SpokenReferral.When(At(2026, 6, day, 8, 0), At(2026, 6, 15, 9, 0), Stockholm));
    }

    [Fact]
    public void A_weekday_after_new_year_does_not_name_the_year()
    {
        var monday = At(2026, 12, 28, 9, 0);

        Assert.Equal("på lördag klockan 08.00", SpokenReferral.When(At(2027, 1, 2, 8, 0), monday, Stockholm));
    }

    [Fact]
    public void Seven_days_ahead_names_the_date_because_the_weekday_would_be_ambiguous()
    {
        Assert.Equal("den 2 december klockan 08.00", SpokenReferral.When(At(2026, 12, 2, 8, 0), Now, Stockholm));
    }

    [Fact]
    public void A_later_return_in_the_same_year_names_day_and_month()
    {
        var friday = At(2026, 11, 20, 9, 0);

        Assert.Equal("den 1 december klockan 08.00", SpokenReferral.When(At(2026, 12, 1, 8, 0), friday, Stockholm));
    }

    [Fact]
    public void A_later_return_in_another_year_also_names_the_year()
    {
        var monday = At(2026, 12, 28, 9, 0);

        Assert.Equal("den 4 januari 2027 klockan 08.00", SpokenReferral.When(At(2027, 1, 4, 8, 0), monday, Stockholm));
    }

    [Theory]
    [InlineData(1, "januari")]
    [InlineData(2, "februari")]
    [InlineData(3, "mars")]
    [InlineData(4, "april")]
    [InlineData(5, "maj")]
    [InlineData(6, "juni")]
    [InlineData(7, "juli")]
    [InlineData(8, "augusti")]
    [InlineData(9, "september")]
    [InlineData(10, "oktober")]
    [InlineData(11, "november")]
    [InlineData(12, "december")]
    public void Every_month_has_its_swedish_name(int month, string name)
    {
        var newYearsDay = At(2027, 1, 1, 9, 0);
        var returnsAt = At(2027, month, 20, 8, 0);

        Assert.Equal($"den 20 {name} klockan 08.00", SpokenReferral.When(returnsAt, newYearsDay, Stockholm));
    }

    [Fact]
    public void The_day_the_clocks_go_back_still_speaks_local_time()
    {
        // 2026-10-25 is 25 hours long in Stockholm; the local wall clock is what the caller expects.
        var morning = At(2026, 10, 25, 10, 0);

        Assert.Equal("klockan 15.00", SpokenReferral.When(At(2026, 10, 25, 15, 0), morning, Stockholm));
    }

    [Fact]
    public void The_day_the_clocks_go_forward_still_speaks_local_time()
    {
        var earlyMorning = At(2026, 3, 29, 1, 0);

        Assert.Equal("klockan 15.00", SpokenReferral.When(At(2026, 3, 29, 15, 0), earlyMorning, Stockholm));
    }

    [Fact]
    public void The_same_instant_is_spoken_in_the_given_zone()
    {
        // 14:00 UTC is 15:00 in Stockholm in winter; the zone, not UTC, decides what is said.
        var returnsAt = Instant.FromUtc(2026, 11, 25, 14, 0);

        Assert.Equal("klockan 15.00", SpokenReferral.When(returnsAt, Now, Stockholm));
    }

    [Theory]
    [InlineData(25, 9, 0)]
    [InlineData(24, 15, 0)]
    [InlineData(1, 8, 0)]
    public void A_return_time_in_the_past_gives_only_the_time(int day, int hour, int minute)
    {
        var returnsAt = At(2026, 11, day, hour, minute);

        Assert.Equal($"klockan {hour:D2}.{minute:D2}", SpokenReferral.When(returnsAt, Now, Stockholm));
    }

    private static Instant At(int year, int month, int day, int hour, int minute) =>
        new LocalDateTime(year, month, day, hour, minute).InZoneStrictly(Stockholm).ToInstant();

    private static Person KimKrona(bool spokenUnit = false) => new()
    {
        Id = "00000000-0000-0000-0000-000000000001",
        Upn = "kim.krona@lycksele.se",
        Name = "Kim Krona",
        CalendarCoupling = CalendarCoupling.Closed,
        Unit = new Unit
        {
            Id = "kansliet",
            Name = "Kansliet",
            Municipality = Lycksele,
            ManagerIds = [],
            MinimumStaffed = 1,
            PhoneHours = [],
            SpokenInTalsvar = spokenUnit,
        },
    };
}
