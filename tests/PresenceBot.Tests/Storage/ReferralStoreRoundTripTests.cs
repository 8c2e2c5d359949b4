using Microsoft.EntityFrameworkCore;
using NodaTime;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Service;

namespace PresenceBot.Tests.Storage;

/// <summary>ReferralService over the real EF store: what a command writes, and that it is read back from the database.</summary>
public sealed class ReferralStoreRoundTripTests
{
    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Switchboard_referral_is_persisted_with_audit_and_one_outbox_row_in_one_commit(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        var commits = new CommitCounter();
        var service = h.NewService(h.NewStore(commits));
        var command = h.Switchboard(TestOrganisation.Kim, Reason.Meeting, hours: 3, note: "Ring Sara");

        var result = await service.SetAsync(command, CancellationToken.None);

        Assert.True(result.Changed);
        Assert.Equal(1, commits.Commits);

        // Read back through a new factory, store and service: nothing comes from memory.
        var reader = h.NewService(h.NewStore());
        var status = await reader.StatusAsync(h.Organisation.Person(TestOrganisation.Kim), CancellationToken.None);
        Assert.True(status.IsReferred);
        Assert.Equal(Reason.Meeting, status.DisclosedReason);
        Assert.Equal(command.Until, status.Segment!.ReturnsAt);
        Assert.Equal(result.Status.Segment!.ReturnsAt, status.Segment.ReturnsAt);
        Assert.NotNull(status.Talsvar);

        await using var db = h.Context();
        var referral = Assert.Single(await db.Referrals.ToListAsync());
        Assert.Equal(TestOrganisation.Kim, referral.PersonId);
        Assert.Equal(nameof(Reason.Meeting), referral.Reason);
        Assert.Equal(nameof(ReferralSource.Switchboard), referral.Source);
        Assert.Equal(nameof(PhoneState.Closed), referral.Phone);
        Assert.Equal("Ring Sara", referral.Note);
        Assert.Equal(h.Now, referral.Start);
        Assert.Equal(command.Until, referral.ReturnsAt);
        Assert.Null(referral.EndedAt);
        Assert.Null(referral.ExternalKey);

        var audit = Assert.Single(await db.AuditEntries.ToListAsync());
        Assert.Equal(TestOrganisation.Kim, audit.PersonId);
        Assert.Equal("created", audit.Action);
        Assert.Equal("vaxel@lycksele.se", audit.Actor);
        Assert.Equal(nameof(ReferralSource.Switchboard), audit.Source);
        Assert.Equal(referral.Id, audit.ReferralId);
        Assert.Equal(h.Now, audit.At);
        Assert.Null(audit.Before);
        Assert.Contains(referral.Id.ToString(), audit.After, StringComparison.Ordinal);

        var message = Assert.Single(await db.WorkItems.ToListAsync());
        var payload = StorageHarness.OutboxPayloadOf(message.Payload!);
        Assert.Equal(PresenceBot.Outbox.ReferralChangeDelivery.ReferralChanged.Name, message.Kind);
        Assert.Equal(message.Key, payload.EventId.ToString());
        Assert.Equal(TestOrganisation.Kim, payload.PersonId);
        Assert.Equal("set", payload.Action);
        Assert.Equal(h.Now, message.DueAt);
        Assert.Null(message.LeaseUntil);
        Assert.Equal(0, message.Attempts);
        Assert.DoesNotContain("Meeting", message.Payload, StringComparison.OrdinalIgnoreCase);

        var state = Assert.Single(await db.PersonStates.ToListAsync());
        Assert.Equal(1, state.Version);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Repeating_the_same_command_writes_nothing(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        var command = h.Switchboard(TestOrganisation.Kim);
        Assert.True((await h.Service.SetAsync(command, CancellationToken.None)).Changed);
        h.Time.Advance(TimeSpan.FromMinutes(5));
        var commits = new CommitCounter();

        var repeat = await h.NewService(h.NewStore(commits)).SetAsync(command, CancellationToken.None);

        Assert.False(repeat.Changed);
        Assert.True(repeat.Status.IsReferred);
        Assert.Equal(0, commits.Commits);
        Assert.Equal((1, 1, 1, 1L), await h.CountsAsync(TestOrganisation.Kim));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Replacing_and_returning_update_rows_and_bump_the_version(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        await h.Service.SetAsync(h.Switchboard(TestOrganisation.Kim, Reason.Meeting, hours: 2), CancellationToken.None);
        h.Time.Advance(TimeSpan.FromMinutes(30));

        // A new switchboard referral ends the running one; then "tillbaka" ends the new one.
        await h.NewService(h.NewStore()).SetAsync(h.Switchboard(TestOrganisation.Kim, Reason.Lunch, hours: 1), CancellationToken.None);
        h.Time.Advance(TimeSpan.FromMinutes(10));
        var back = await h.NewService(h.NewStore()).ReturnNowAsync(TestOrganisation.Kim, ReferralSource.Switchboard, "vaxel@lycksele.se", CancellationToken.None);

        Assert.True(back.Changed);
        Assert.False(back.Status.IsReferred);
        await using var db = h.Context();
        var rows = await db.Referrals.AsNoTracking().ToListAsync();
        Assert.Equal(2, rows.Count);
        Assert.All(rows, r => Assert.NotNull(r.EndedAt));
        Assert.Equal(h.Now, rows.Single(r => r.Reason == nameof(Reason.Lunch)).EndedAt);
        var state = await db.PersonStates.AsNoTracking().SingleAsync();
        Assert.Equal(3, state.Version);
        Assert.Equal(h.Now, state.LastReturnAt);
        Assert.Equal(["created", "ended", "created", "ended"], (await db.AuditEntries.AsNoTracking().ToListAsync())
            .OrderBy(a => a.At).ThenBy(a => a.Action == "ended" ? 0 : 1).Select(a => a.Action));
        Assert.Equal(["set", "set", "returned"], (await db.WorkItems.AsNoTracking().ToListAsync())
            .OrderBy(m => m.Id).Select(m => StorageHarness.OutboxPayloadOf(m.Payload!).Action));
        var status = await h.NewService(h.NewStore()).StatusAsync(h.Organisation.Person(TestOrganisation.Kim), CancellationToken.None);
        Assert.False(status.IsReferred);
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task Calendar_referral_round_trips_with_its_event_id_and_is_removed_by_it(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        var booking = h.Booking(TestOrganisation.Sara, "AAMkAG-event-1", Duration.FromHours(1));

        Assert.True((await h.Service.UpsertCalendarAsync(booking, CancellationToken.None)).Changed);
        Assert.False((await h.NewService(h.NewStore()).UpsertCalendarAsync(booking, CancellationToken.None)).Changed);

        await using (var db = h.Context())
        {
            var row = Assert.Single(await db.Referrals.AsNoTracking().ToListAsync());
            Assert.Equal("AAMkAG-event-1", row.ExternalKey);
            Assert.Equal(nameof(ReferralSource.Calendar), row.Source);
            Assert.Equal(nameof(PhoneState.Open), row.Phone); // Sara's coupling is open
        }

        Assert.True((await h.NewService(h.NewStore()).RemoveCalendarAsync(TestOrganisation.Sara, "AAMkAG-event-1", "calendar-sync", CancellationToken.None)).Changed);
        Assert.Equal((0, 2, 2, 2L), await h.CountsAsync(TestOrganisation.Sara));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task LoadMany_reads_several_people_from_the_database(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        await h.Service.SetAsync(h.Switchboard(TestOrganisation.Kim), CancellationToken.None);
        await h.Service.SetAsync(h.Switchboard(TestOrganisation.Erik, Reason.Sick, hours: 5), CancellationToken.None);
        var people = new[] { TestOrganisation.Kim, TestOrganisation.Erik, TestOrganisation.Maria }.Select(h.Organisation.Person).ToList();

        var statuses = await h.NewService(h.NewStore()).StatusOfAsync(people, CancellationToken.None);

        Assert.Equal([true, true, false], statuses.Select(s => s.IsReferred));
        Assert.Equal(Reason.Away, statuses[1].DisclosedReason); // sick is disclosed as away
    }
}
