using PresenceBot.CalendarSync.Mapping;
using PresenceBot.Referrals.Referrals;
using static PresenceBot.CalendarSync.Tests.Mapping.MappingFixtures;

namespace PresenceBot.CalendarSync.Tests.Mapping;

public sealed class SubjectCodeMappingTests
{
    [Theory]
    [InlineData("SAM: Budgetberedning", Reason.Meeting, PhoneState.Closed)]
    [InlineData("MÖT: Ledningsgrupp", Reason.Meeting, PhoneState.Closed)]
    [InlineData("LUN; Lunch", Reason.Lunch, PhoneState.Open)]
    [InlineData("tjr: Umeå", Reason.BusinessTrip, PhoneState.Closed)]
    [InlineData("  FRÅ; tandläkare", Reason.Away, PhoneState.Open)]
    [InlineData("GFD:", Reason.GoneForDay, PhoneState.Closed)]
    [InlineData("SJK: privat", Reason.Sick, PhoneState.Closed)]
    public void Map_SubjectCode_ChoosesReasonAndPhoneOverCategory(string subject, Reason reason, PhoneState phone)
    {
        var booking = Map(Meeting("busy", "Semester") with { Subject = subject }).Booking;

        Assert.Equal(reason, booking?.Reason);
        Assert.Equal(phone, booking?.Phone);
    }

    [Theory]
    [InlineData("Budgetberedning")]
    [InlineData("XYZ: okänd kod")]
    [InlineData("SAM - inte en kod")]
    [InlineData("SA: för kort")]
    [InlineData(null)]
    public void Map_NoKnownCode_FallsBackToCategoryWithPhoneByCoupling(string? subject)
    {
        var booking = Map(Meeting("busy", "Semester") with { Subject = subject }).Booking;

        Assert.Equal(Reason.Vacation, booking?.Reason);
        Assert.Null(booking?.Phone);
    }

    [Fact]
    public void Map_CodeOnFreeBooking_MakesNoReferral()
    {
        Assert.False(Map(Meeting("free") with { Subject = "SAM: Budgetberedning" }).IsReferral);
    }

    [Fact]
    public void Map_ConfiguredCodes_ReplaceTheDefaults()
    {
        var rules = new MappingRules { SubjectCodes = new Dictionary<string, Reason> { ["KUR"] = Reason.Training } };

        Assert.Equal(Reason.Training, Map(Meeting("busy") with { Subject = "kur: Excel" }, rules).Booking?.Reason);
        Assert.Equal(Reason.Meeting, Map(Meeting("busy") with { Subject = "LUN; Lunch" }, rules).Booking?.Reason);
    }
}
