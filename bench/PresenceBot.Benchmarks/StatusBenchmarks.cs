using BenchmarkDotNet.Attributes;
using NodaTime;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Service;
using PresenceBot.Referrals.Timeline;

namespace PresenceBot.Benchmarks;

/// <summary>
/// Status look-up without a database: 10,000 people, 20 referrals each. Single-person benchmarks
/// walk round the whole organisation so the figure is an average over people, not one lucky one.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class StatusBenchmarks
{
    private const int People = 10_000;

    private ReferralService _service = null!;
    private BenchmarkData _data = null!;
    private Person[] _people = null!;
    private IReadOnlyList<Referral>[] _referrals = null!;
    private Instant?[] _lastReturns = null!;
    private Unit _unit = null!;
    private List<Person> _unitMembers = null!;
    private int _next;

    [GlobalSetup]
    public void Setup()
    {
        _data = BenchmarkData.Create(People);
        var org = _data.Organisation;
        _service = new ReferralService(new InMemoryReferralStore(_data.State), new FixedOrganisationSource(org), new FixedTimeProvider(_data.Now));
        _people = [.. org.People];
        _referrals = [.. _people.Select(p => _data.State[p.Id].Referrals)];
        _lastReturns = [.. _people.Select(p => _data.State[p.Id].LastReturnAt)];
        _unit = org.Units[org.Units.Count / 2];
        _unitMembers = [.. org.MembersOf(_unit)];
    }

    /// <summary>GET /api/referrals/{person} minus HTTP and the database: load (filtered), timeline, talsvar.</summary>
    [Benchmark(Description = "StatusAsync, one person")]
    public Task<EffectiveStatus> StatusOnePerson() => _service.StatusAsync(_people[Next()], CancellationToken.None);

    /// <summary>The pure rule engine on all 20 referrals of one person.</summary>
    [Benchmark(Description = "ReferralTimeline.At, one person (20 referrals)")]
    public TimelineSegment? TimelineAtOnePerson()
    {
        var i = Next();
        return ReferralTimeline.At(_referrals[i], _lastReturns[i], _data.Organisation.CalendarCoupling.MergeGap, _data.Now);
    }

    /// <summary>GET /api/referrals?unit= minus HTTP and the database, members already known.</summary>
    [Benchmark(Description = "StatusOfAsync, one unit (~30 people)")]
    public Task<IReadOnlyList<EffectiveStatus>> StatusOfUnit() => _service.StatusOfAsync(_unitMembers, CancellationToken.None);

    /// <summary>Finding a unit's members, as the unit endpoint does before StatusOfAsync (a scan of all people).</summary>
    [Benchmark(Description = "Organisation.MembersOf, one unit")]
    public List<Person> MembersOfUnit() => [.. _data.Organisation.MembersOf(_unit)];

    /// <summary>Every person's status at once, e.g. an organisation-wide overview.</summary>
    [Benchmark(Description = "StatusOfAsync, all 10,000 people")]
    public Task<IReadOnlyList<EffectiveStatus>> SweepAll() => _service.StatusOfAsync(_people, CancellationToken.None);

    private int Next()
    {
        var i = _next;
        _next = i + 1 == _people.Length ? 0 : i + 1;
        return i;
    }
}
