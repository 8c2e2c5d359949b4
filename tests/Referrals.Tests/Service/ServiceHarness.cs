using Microsoft.Extensions.Time.Testing;
using NodaTime;
using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Service;
using PresenceBot.Referrals.Timeline;
using static PresenceBot.Referrals.Tests.WorkingTime.TestCalendars;

namespace PresenceBot.Referrals.Tests.Service;

/// <summary>
/// A <see cref="ReferralService"/> over the in-memory store and the test organisation, with the clock
/// anchored at a Stockholm wall-clock time and moved only forward by the test (never by sleeping).
/// </summary>
internal sealed class ServiceHarness
{
    public ServiceHarness(string localNow)
    {
        Time = new FakeTimeProvider(Local(localNow).ToDateTimeOffset());
        Service = new ReferralService(Store, new FixedOrganisationSource(TestOrganisation.Current), Time);
        Forwarding = new ForwardingService(Service, new FixedOrganisationSource(TestOrganisation.Current), Store);
    }

    public ForwardingService Forwarding { get; }

    public FakeTimeProvider Time { get; }

    public InMemoryReferralStore Store { get; } = new();

    public ReferralService Service { get; }

    public void SetNow(string localNow) => Time.SetUtcNow(Local(localNow).ToDateTimeOffset());

    public Task<ReferralResult> BookAsync(
        string key, Reason reason, string localStart, string localEnd, string person = TestOrganisation.Kim) =>
        Service.UpsertCalendarAsync(
            new CalendarBooking(person, key, reason, Local(localStart), Local(localEnd), "graph"), CancellationToken.None);

    public Task<ReferralResult> SetAsync(
        Reason reason,
        string? localUntil,
        string? localFrom = null,
        PhoneState? phone = null,
        string? note = null,
        string person = TestOrganisation.Kim,
        ReferralSource source = ReferralSource.Manual,
        string actor = "kim@lycksele.se") =>
        Service.SetAsync(
            new SetReferral
            {
                PersonId = person,
                Reason = reason,
                Until = localUntil is null ? null : Local(localUntil),
                From = localFrom is null ? null : Local(localFrom),
                Phone = phone,
                Note = note,
                Source = source,
                Actor = actor,
            },
            CancellationToken.None);

    public Task<ReferralResult> ReturnNowAsync(string person = TestOrganisation.Kim) =>
        Service.ReturnNowAsync(person, ReferralSource.Manual, "kim@lycksele.se", CancellationToken.None);

    public Task<EffectiveStatus> StatusAsync(string person = TestOrganisation.Kim) =>
        Service.StatusAsync(TestOrganisation.Person(person), CancellationToken.None);

    /// <summary>The status at a later local time: moves the clock there first.</summary>
    public Task<EffectiveStatus> StatusAtAsync(string localNow, string person = TestOrganisation.Kim)
    {
        SetNow(localNow);
        return StatusAsync(person);
    }

    public Task<IReadOnlyList<TimelineSegment>> TimelineAsync(string localFrom, string localTo, string person = TestOrganisation.Kim) =>
        Service.TimelineAsync(TestOrganisation.Person(person), new Interval(Local(localFrom), Local(localTo)), CancellationToken.None);
}
