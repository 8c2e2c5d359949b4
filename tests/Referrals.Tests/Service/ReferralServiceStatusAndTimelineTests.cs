using NodaTime;
using PresenceBot.Referrals.Referrals;
using static PresenceBot.Referrals.Tests.WorkingTime.TestCalendars;

namespace PresenceBot.Referrals.Tests.Service;

/// <summary>Publishing's one read: the same status and timeline as the two separate questions give.</summary>
public sealed class ReferralServiceStatusAndTimelineTests
{
    [Theory]
    [InlineData("2026-11-23T09:30:00")] // in the meeting
    [InlineData("2026-11-23T10:30:00")] // between the meeting and lunch
    [InlineData("2026-11-23T19:00:00")] // after hours, lunch over
    public async Task One_read_answers_what_StatusAsync_and_TimelineAsync_answer(string localNow)
    {
        var h = new ServiceHarness("2026-11-23T08:00:00");
        await h.BookAsync("styrelse", Reason.Meeting, "2026-11-23T09:00:00", "2026-11-23T10:00:00");
        await h.SetAsync(Reason.Lunch, "2026-11-23T12:30:00", localFrom: "2026-11-23T11:45:00");
        h.SetNow(localNow);
        var person = TestOrganisation.Person(TestOrganisation.Kim);
        var window = new Interval(Local(localNow), Local(localNow) + Duration.FromDays(14));

        var (status, timeline) = await h.Service.StatusAndTimelineAsync(person, window, CancellationToken.None);

        Assert.Equal(await h.Service.StatusAsync(person, CancellationToken.None), status);
        Assert.Equal(await h.Service.TimelineAsync(person, window, CancellationToken.None), timeline);
    }
}
