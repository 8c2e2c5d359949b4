using BenchmarkDotNet.Attributes;
using NodaTime;
using PresenceBot.Referrals.Coverage;
using PresenceBot.Referrals.Service;
using PresenceBot.Referrals.Timeline;
using PresenceBot.Referrals.WorkingTime;
using OrganisationModel = PresenceBot.Referrals.Organisation.Organisation;

namespace PresenceBot.Benchmarks;

/// <summary>
/// Issue 6: phone-hour coverage for 10,000 people in 500 units of 20 over 14 days, from the raw referrals.
/// The measured work is what <c>CoverageRound.SnapshotAsync</c> does: load every person's referrals (in memory,
/// filtered like the EF store), compute their effective timelines, then <see cref="CoverageCalculator.GapsOfEveryUnit"/>.
/// </summary>
[MemoryDiagnoser]
[ShortRunJob]
public class CoverageBenchmarks
{
    private const int People = 10_000;
    private const int PeoplePerUnit = 20;
    private const int Days = 14;

    private ReferralService _service = null!;
    private OrganisationModel _org = null!;
    private WorkingCalendar _calendar = null!;
    private Interval _window;
    private IReadOnlyDictionary<string, IReadOnlyList<TimelineSegment>> _timelines = null!;

    [GlobalSetup]
    public void Setup()
    {
        var data = BenchmarkData.Create(People, PeoplePerUnit);
        _org = data.Organisation;
        if (_org.Units.Count != 500)
        {
            throw new InvalidOperationException($"Expected 500 units, the generator made {_org.Units.Count}.");
        }

        _service = new ReferralService(new InMemoryReferralStore(data.State), new FixedOrganisationSource(_org), new FixedTimeProvider(data.Now));
        _calendar = new WorkingCalendar(_org);
        _window = new Interval(BenchmarkData.WeekStart, BenchmarkData.WeekStart + Duration.FromDays(Days));
        _timelines = _service.TimelinesAsync(_org.People, _window, CancellationToken.None).GetAwaiter().GetResult();
    }

    /// <summary>All 500 units' gaps over 14 days, timelines computed from the referrals inside the measurement.</summary>
    [Benchmark(Description = "Coverage gaps, 500 units / 10,000 people / 14 days")]
    public async Task<int> GapsAllUnits()
    {
        var timelines = await _service.TimelinesAsync(_org.People, _window, CancellationToken.None).ConfigureAwait(false);
        return CoverageCalculator.GapsOfEveryUnit(_org, timelines, _window, _calendar).Count;
    }

    /// <summary>The first half alone: every person's effective timeline over 14 days from the raw referrals.</summary>
    [Benchmark(Description = "Timelines only, 10,000 people / 14 days")]
    public Task<IReadOnlyDictionary<string, IReadOnlyList<TimelineSegment>>> TimelinesOnly() =>
        _service.TimelinesAsync(_org.People, _window, CancellationToken.None);

    /// <summary>The second half alone: the sweep per unit over timelines computed in setup.</summary>
    [Benchmark(Description = "Gaps only, 500 units (timelines precomputed)")]
    public int GapsOnly() => CoverageCalculator.GapsOfEveryUnit(_org, _timelines, _window, _calendar).Count;
}
