using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using NodaTime;
using PresenceBot.Jobs;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Voicemail;
using PresenceBot.Storage;
using PresenceBot.Storage.Rows;
using PresenceBot.WorkQueue;
using PresenceBot.Tests.Storage;

namespace PresenceBot.Tests.Jobs;

/// <summary>
/// Every table is classified (a retention rule or "not personal"), and every personal table really loses a leaver's
/// rows after the grace period and old rows after Retention:Days, while a present person's recent rows stay.
/// </summary>
public sealed class RetentionCoverageTests
{
    /// <summary>Not in the organisation (file or groups).</summary>
    private const string Leaver = "0d7e2a55-9b1c-4f3a-8e6d-5c4b3a291807";
    private const string LiveGroup = "live-group";

    /// <summary>How to put one row about a person in each personal table, and count that person's rows there.</summary>
    private static readonly Dictionary<string, (Action<PresenceBotDbContext, string, Instant> Seed, Func<PresenceBotDbContext, string, Task<int>> Count)> Tables = new()
    {
        ["referrals"] = ((db, p, at) => db.Referrals.Add(new ReferralRow
        {
            Id = Guid.NewGuid(), PersonId = p, Reason = nameof(Reason.Meeting), Start = at - Duration.FromHours(1), ReturnsAt = at,
            Phone = nameof(PhoneState.Closed), Source = nameof(ReferralSource.Manual), UpdatedAt = at,
        }), (db, p) => db.Referrals.CountAsync(r => r.PersonId == p)),
        ["person_states"] = ((db, p, at) => db.PersonStates.Add(new PersonStateRow { PersonId = p, Version = 1, LastReturnAt = at }),
            (db, p) => db.PersonStates.CountAsync(s => s.PersonId == p)),
        ["audit_entries"] = ((db, p, at) => db.AuditEntries.Add(new AuditEntryRow
        {
            Id = Guid.NewGuid(), PersonId = p, At = at, Source = "Manual", Actor = "bot", Action = "created", Before = "{}", After = "{}",
        }), (db, p) => db.AuditEntries.CountAsync(a => a.PersonId == p)),
        // Work for the person (a re-read, a delivery) that failed for good.
        ["work_dead_letters"] = ((db, p, at) => db.DeadLetters.Add(new DeadLetterRow
        {
            Kind = "calendar-reread", Key = p, Attempts = 3, FirstError = "HTTP 503", LastError = "HTTP 503", CreatedAt = at, DeadAt = at,
        }), (db, p) => db.DeadLetters.CountAsync(d => d.Key == p)),
        ["publish_deliveries"] = ((db, p, at) => db.PublishDeliveries.Add(new PresenceBot.Publishing.PublishDeliveryRow
        {
            Destination = "vaxeln", PersonId = p, Sequence = 4, Fingerprint = "f", OccurredAt = at, DeliveredAt = at,
        }), (db, p) => db.PublishDeliveries.CountAsync(d => d.PersonId == p)),
        ["publish_status_messages"] = ((db, p, at) => db.StatusMessages.Add(new PresenceBot.Publishing.TeamsStatus.StatusMessageRow
        {
            PersonId = p, Text = "Är på sammanträde och återkommer klockan 15.00.", SetAt = at,
        }), (db, p) => db.StatusMessages.CountAsync(m => m.PersonId == p)),
        ["publish_written_events"] = ((db, p, at) => db.WrittenEvents.Add(new PresenceBot.Publishing.WriteBack.WrittenEventRow
        {
            ReferralId = Guid.NewGuid(), PersonId = p, EventId = "AAMk-event", Written = "SAM: Sammanträde|1|2|busy", End = at, ChangedAt = at,
        }), (db, p) => db.WrittenEvents.CountAsync(w => w.PersonId == p)),
        ["graph_subscriptions"] = ((db, p, at) => db.Subscriptions.Add(new SubscriptionRow
        {
            Id = Guid.NewGuid().ToString("N"), PersonId = p, Resource = $"users/{p}/events", ClientState = "c", ExpiresAt = at, CreatedAt = at,
        }), (db, p) => db.Subscriptions.CountAsync(s => s.PersonId == p)),
        ["calendar_sync_states"] = ((db, p, at) => db.CalendarSyncStates.Add(new CalendarSyncStateRow
        {
            PersonId = p, DeltaLink = "https://graph/delta", WindowStart = at, WindowEnd = at, SyncedAt = at,
        }), (db, p) => db.CalendarSyncStates.CountAsync(s => s.PersonId == p)),
        ["conversation_references"] = ((db, p, at) => db.ConversationReferences.Add(new ConversationReferenceRow
        {
            PersonId = p, UserId = "29:u", BotId = "28:b", ServiceUrl = "https://smba.trafficmanager.net/emea/", IsStale = true, UpdatedAt = at,
        }), (db, p) => db.ConversationReferences.CountAsync(c => c.PersonId == p)),
        ["coupling_overrides"] = ((db, p, at) => db.CouplingOverrides.Add(new CouplingOverrideRow { PersonId = p, Coupling = "Off", UpdatedAt = at }),
            (db, p) => db.CouplingOverrides.CountAsync(c => c.PersonId == p)),
        ["voicemails"] = ((db, p, at) => db.Voicemails.Add(new VoicemailRow
        {
            Source = VoicemailSources.Switchboard, Id = Guid.NewGuid().ToString("N"), PersonId = p, ReceivedAt = at, Caller = "070-123 45 67",
            State = VoicemailState.Heard, RecordedAt = at, UpdatedAt = at,
        }), (db, p) => db.Voicemails.CountAsync(v => v.PersonId == p)),
        ["voicemail_snoozes"] = ((db, p, at) => db.VoicemailSnoozes.Add(new VoicemailSnoozeRow { PersonId = p, Until = at }),
            (db, p) => db.VoicemailSnoozes.CountAsync(s => s.PersonId == p)),
        ["sent_reminders"] = ((db, p, at) => db.SentReminders.Add(new SentReminderRow
        {
            Id = Guid.NewGuid(), Kind = "VoicemailFirst", RecipientId = p, Subject = p, Slot = Guid.NewGuid().ToString("N"), ClaimedAt = at,
        }), (db, p) => db.SentReminders.CountAsync(r => r.RecipientId == p)),
        // A person's group rows: the person in a group of their own, read at the given time.
        ["group_membership_states"] = ((db, p, at) => db.GroupMembershipStates.Add(new GroupMembershipStateRow
        {
            GroupId = $"group-of-{p}", DeltaLink = "https://graph/delta", FullReadAt = at, SyncedAt = at,
        }), (db, p) => db.GroupMembershipStates.CountAsync(g => g.GroupId == $"group-of-{p}")),
        ["group_members"] = ((db, p, _) => db.GroupMembers.Add(new GroupMemberRow { GroupId = $"group-of-{p}", UserId = $"member-of-{p}", Upn = "x@lycksele.se", Name = "X" }),
            (db, p) => db.GroupMembers.CountAsync(m => m.GroupId == $"group-of-{p}")),
    };

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task EveryTable_IsClassified_AndEveryPersonalOneHasItsRuleTested(DbProvider provider)
    {
        await using var database = await Storage.TestDatabase.CreateAsync(provider);
        await using var db = database.CreateContext();
        var tables = db.Model.GetEntityTypes().Select(e => e.GetTableName()!).Distinct().Order().ToList();

        Assert.Empty(tables.Except(RetentionRules.ByTable.Keys));
        Assert.Empty(RetentionRules.ByTable.Keys.Except(tables));
        Assert.Equal(tables.Where(RetentionRules.IsPersonal).Order(), Tables.Keys.Order());
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task ALeaversRows_GoAfterTheGrace_APresentPersonsRecentRowsStay_OldRowsGoAfterTheDays(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        var now = h.Now;
        await using (var db = h.Context())
        {
            foreach (var (seed, _) in Tables.Values)
            {
                seed(db, Leaver, now - Duration.FromDays(31));
                seed(db, TestOrganisation.Kim, now - Duration.FromDays(31));
                seed(db, TestOrganisation.Sara, now - Duration.FromDays(91));
            }

            // Kim's snooze still runs; a live group keeps its members however old they are.
            db.VoicemailSnoozes.Local.Single(s => s.PersonId == TestOrganisation.Kim).Until = now + Duration.FromHours(1);
            db.GroupMembershipStates.Add(new GroupMembershipStateRow { GroupId = LiveGroup, DeltaLink = "d", FullReadAt = now, SyncedAt = now });
            db.GroupMembers.Add(new GroupMemberRow { GroupId = LiveGroup, UserId = Guid.NewGuid().ToString(), Upn = "y@lycksele.se", Name = "Y" });
            await db.SaveChangesAsync();
        }

        var result = await new RetentionJob(h.Database.CreateFactory(), h.Organisation, Options.Create(new RetentionOptions()), h.Time, NullLogger<RetentionJob>.Instance)
            .RunAsync(CancellationToken.None);

        Assert.True(result.OtherPersonalRows > 0);
        await using var check = h.Context();
        foreach (var (table, (_, count)) in Tables)
        {
            // Groups go by being read, not by person.
            var leaverKept = table.StartsWith("group_", StringComparison.Ordinal) ? 1 : 0;
            Assert.True(await count(check, Leaver) == leaverKept, $"{table}: a leaver's 31-day-old rows are deleted");
            Assert.True(await count(check, TestOrganisation.Kim) == 1, $"{table}: a present person's 31-day-old row stays");
            // Their own choice, the receivers' sequence, and the mark of our status message: kept while they are here.
            var oldKept = table is "coupling_overrides" or "publish_deliveries" or "publish_status_messages" ? 1 : 0;
            Assert.True(await count(check, TestOrganisation.Sara) == oldKept, $"{table}: 91-day-old rows are deleted");
        }

        Assert.Equal(1, await check.GroupMembers.CountAsync(m => m.GroupId == LiveGroup));
    }

    [Theory]
    [OnSqlite]
    [OnPostgres]
    public async Task AGroupMember_IsNoLeaver_EvenBeforeTheOrganisationHasTheGroupsMembers(DbProvider provider)
    {
        await using var h = await StorageHarness.CreateAsync(provider);
        var joiner = Guid.NewGuid().ToString();
        await using (var db = h.Context())
        {
            db.GroupMembershipStates.Add(new GroupMembershipStateRow { GroupId = LiveGroup, DeltaLink = "d", FullReadAt = h.Now, SyncedAt = h.Now });
            db.GroupMembers.Add(new GroupMemberRow { GroupId = LiveGroup, UserId = joiner, Upn = "joiner@lycksele.se", Name = "Ny" });
            Tables["voicemails"].Seed(db, joiner, h.Now - Duration.FromDays(31));
            await db.SaveChangesAsync();
        }

        await new RetentionJob(h.Database.CreateFactory(), h.Organisation, Options.Create(new RetentionOptions()), h.Time, NullLogger<RetentionJob>.Instance)
            .RunAsync(CancellationToken.None);

        await using var check = h.Context();
        Assert.Equal(1, await Tables["voicemails"].Count(check, joiner));
    }
}
