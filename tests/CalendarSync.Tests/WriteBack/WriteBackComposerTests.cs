using NodaTime;
using PresenceBot.CalendarSync.WriteBack;
using PresenceBot.Referrals.Referrals;
using static PresenceBot.CalendarSync.Tests.Mapping.MappingFixtures;

namespace PresenceBot.CalendarSync.Tests.WriteBack;

public sealed class WriteBackComposerTests
{
    private static readonly Instant Start = At("2026-11-23T09:00:00+01:00");
    private static readonly Instant End = At("2026-11-23T15:00:00+01:00");

    [Theory]
    [InlineData(Reason.Meeting, PhoneState.Closed, "SAM: Sammanträde", "busy")]
    [InlineData(Reason.Remote, PhoneState.Open, "DIS; Distans", "busy")]
    [InlineData(Reason.Vacation, PhoneState.Closed, "SEM: Semester", "oof")]
    [InlineData(Reason.Leave, PhoneState.Closed, "LED: Ledig", "oof")]
    [InlineData(Reason.Sick, PhoneState.Closed, "FRÅ: Frånvarande", "busy")]
    [InlineData(Reason.Lunch, PhoneState.Open, "LUN; Lunch", "busy")]
    public void Compose_WritesTheTrioCodeTheSwedishWordAndTheShowAs(Reason reason, PhoneState phone, string subject, string showAs)
    {
        var written = WriteBackComposer.Compose(Manual(reason, phone, note: "Kommunfullmäktige"));

        Assert.Equal(subject, written.Subject);
        Assert.Equal(showAs, written.ShowAs);
        Assert.Equal(Start, written.Start);
        Assert.Equal(End, written.End);
    }

    [Fact]
    public void Compose_AReturnedReferral_EndsAtTheReturn()
    {
        var back = At("2026-11-23T11:20:00+01:00");

        Assert.Equal(back, WriteBackComposer.Compose(Manual(Reason.Meeting, PhoneState.Closed) with { EndedAt = back }).End);
    }

    [Theory]
    [MemberData(nameof(EveryReasonAndPhone))]
    public void Compose_ReadsBackThroughTheCalendarMappingAsTheDisclosedReasonAndPhone(Reason reason, PhoneState phone)
    {
        var written = WriteBackComposer.Compose(Manual(reason, phone));

        var booking = Map(Meeting(written.ShowAs) with { Subject = written.Subject }).Booking;

        Assert.Equal(ReasonCatalog.Disclosed(reason), booking?.Reason);
        Assert.Equal(phone, booking?.Phone);
        Assert.DoesNotContain("sjuk", written.Subject, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("SJK", written.Subject, StringComparison.Ordinal);
    }

    public static TheoryData<Reason, PhoneState> EveryReasonAndPhone()
    {
        var data = new TheoryData<Reason, PhoneState>();
        foreach (var reason in Enum.GetValues<Reason>())
        {
            data.Add(reason, PhoneState.Closed);
            data.Add(reason, PhoneState.Open);
        }

        return data;
    }

    private static Referral Manual(Reason reason, PhoneState phone, string? note = null) =>
        new(Guid.NewGuid(), "kim-object-id", reason, Start, End, phone, ReferralSource.Manual, note);
}
