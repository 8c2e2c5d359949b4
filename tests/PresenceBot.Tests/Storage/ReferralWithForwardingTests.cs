using Microsoft.EntityFrameworkCore;
using NodaTime;
using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Service;

namespace PresenceBot.Tests.Storage;

/// <summary>
/// A referral registered with a forwarding (the switchboard API's and the page's <c>forwardTo</c>) is one change set on
/// each provider: both are stored in one transaction, or neither — a refused forwarding or a failed commit leaves nothing.
/// </summary>
public sealed class ReferralWithForwardingTests
{
    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_referral_and_its_forwarding_commit_together_in_one_transaction(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        var commits = new CommitCounter();
        var service = h.NewService(h.NewStore(commits));

        var result = await service.SetAsync(WithForwarding(h, TestOrganisation.Sara), CancellationToken.None);

        Assert.True(result.ForwardingChanged);
        Assert.Equal(TestOrganisation.Sara, result.Status.ForwardedTo?.Id);
        Assert.Equal(1, commits.Commits);
        // One referral; audit "created" and "forwarded"; one outbox event; version 1.
        Assert.Equal((1, 2, 1, 1L), await h.CountsAsync(TestOrganisation.Kim));
        Assert.Equal(TestOrganisation.Sara, await ForwardedToAsync(h));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_refused_forwarding_stores_no_referral(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        var refused = new (CallForwarding Forwarding, string Field)[]
        {
            (new CallForwarding(TestOrganisation.Kim, h.Now, h.Now + Duration.FromHours(3), h.Now), "forwardTo"),
            (new CallForwarding("nobody-at-all", h.Now, h.Now + Duration.FromHours(3), h.Now), "forwardTo"),
            (new CallForwarding(TestOrganisation.Sara, h.Now - Duration.FromHours(3), h.Now - Duration.FromHours(1), h.Now), "until"),
        };

        foreach (var (forwarding, field) in refused)
        {
            var ex = await Assert.ThrowsAsync<ReferralRuleException>(
                () => h.Service.SetAsync(h.Switchboard(TestOrganisation.Kim) with { Forwarding = forwarding }, CancellationToken.None));

            Assert.Equal(field, ex.Field);
        }

        Assert.Equal((0, 0, 0, 0L), await h.CountsAsync(TestOrganisation.Kim));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task A_fault_after_the_referral_and_before_the_forwarding_is_committed_leaves_nothing(DbProvider provider)
    {
        // The fault comes after every row of the change set has been sent, the referral's and the forwarding's alike.
        await using var h = await StorageHarness.CreateAsync(provider);
        var service = h.NewService(h.NewStore(new FailingCommit()));

        var ex = await Assert.ThrowsAnyAsync<Exception>(() => service.SetAsync(WithForwarding(h, TestOrganisation.Sara), CancellationToken.None));

        Assert.Contains(FailingCommit.Message, ex.ToString(), StringComparison.Ordinal);

        Assert.Equal((0, 0, 0, 0L), await h.CountsAsync(TestOrganisation.Kim));
        Assert.Null(await ForwardedToAsync(h));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task The_same_forwarding_again_with_a_new_referral_is_no_forwarding_news(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        var first = WithForwarding(h, TestOrganisation.Sara);
        await h.Service.SetAsync(first, CancellationToken.None);

        var again = await h.Service.SetAsync(first with { Note = "Kommunfullmäktige" }, CancellationToken.None);

        Assert.True(again.Changed);
        Assert.False(again.ForwardingChanged);
        Assert.Equal(TestOrganisation.Sara, again.Status.ForwardedTo?.Id);
    }

    private static SetReferral WithForwarding(StorageHarness h, string colleague) =>
        h.Switchboard(TestOrganisation.Kim) with { Forwarding = new CallForwarding(colleague, h.Now, h.Now + Duration.FromHours(3), h.Now) };

    private static async Task<string?> ForwardedToAsync(StorageHarness h)
    {
        await using var db = h.Context();
        return await db.PersonStates.Where(s => s.PersonId == TestOrganisation.Kim).Select(s => s.ForwardToId).FirstOrDefaultAsync();
    }
}
