using Microsoft.Extensions.Time.Testing;
using NodaTime;
using PresenceBot.Jobs.Nightly;
using PresenceBot.Tests.Storage;
using StorageDatabase = PresenceBot.Tests.Storage.TestDatabase;

namespace PresenceBot.Tests.Jobs.Nightly;

/// <summary>The nightly claims in the product database, shared by two "instances", next to the reminder claims.</summary>
public sealed class EfNightlyRunLogTests
{
    private static readonly LocalDate Night = new(2026, 11, 24);

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task One_of_two_instances_claims_a_night_a_release_frees_it_and_jobs_are_told_apart(DbProvider provider)
    {
        await using var database = await StorageDatabase.CreateAsync(provider);
        var clock = new FakeTimeProvider(new DateTimeOffset(2026, 11, 24, 3, 15, 0, TimeSpan.FromHours(1)));
        var a = new EfNightlyRunLog(database.CreateFactory(), clock);
        var b = new EfNightlyRunLog(database.CreateFactory(), clock);
        Assert.False(await a.HasAnyAsync("retention", CancellationToken.None));

        var claims = await Task.WhenAll(a.TryClaimAsync("retention", Night, CancellationToken.None), b.TryClaimAsync("retention", Night, CancellationToken.None));
        var otherJob = await b.TryClaimAsync("calendar-daily-resync", Night, CancellationToken.None);
        var nextNight = await b.TryClaimAsync("retention", Night.PlusDays(1), CancellationToken.None);
        await a.ReleaseAsync("retention", Night, CancellationToken.None);
        var afterRelease = await b.TryClaimAsync("retention", Night, CancellationToken.None);

        Assert.Single(claims, won => won);
        Assert.True(otherJob);
        Assert.True(nextNight);
        Assert.True(afterRelease);
        Assert.True(await b.HasAnyAsync("retention", CancellationToken.None));
    }
}
