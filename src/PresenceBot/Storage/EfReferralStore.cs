using Microsoft.EntityFrameworkCore;
using NodaTime;
using PresenceBot.Outbox;
using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Service;
using PresenceBot.Storage.Rows;
using PresenceBot.WorkQueue;

namespace PresenceBot.Storage;

/// <summary>
/// <see cref="IReferralStore"/> on EF Core. A change set — referral rows, the person's version,
/// audit entries, the event's work item (the outbox) and the work every change asks for (<see cref="IReferralChangeWork"/>:
/// publishing) — commits in one transaction, so a change and its event and work are never separated, also if the
/// process dies.
/// </summary>
internal sealed class EfReferralStore(IDbContextFactory<PresenceBotDbContext> contexts, WorkItems work, IEnumerable<IReferralChangeWork> changeWork)
    : IReferralStore
{
    /// <summary>Compiled, as every status read, change and calendar re-read loads a person here.</summary>
    private static readonly CompiledPerModel<Func<PresenceBotDbContext, string, CancellationToken, Task<PersonStateRow?>>> StateOf = new(() =>
        EF.CompileAsyncQuery((PresenceBotDbContext db, string personId, CancellationToken cancellationToken) => db.PersonStates.AsNoTracking().FirstOrDefault(s => s.PersonId == personId)));

    private static readonly CompiledPerModel<Func<PresenceBotDbContext, string, Instant, List<string>, IAsyncEnumerable<ReferralRow>>> ReferralsOf = new(() =>
        EF.CompileAsyncQuery((PresenceBotDbContext db, string personId, Instant since, List<string> externalKeys) =>
            db.Referrals.AsNoTracking()
                .Where(r => r.PersonId == personId && (r.ReturnsAt > since || (r.ExternalKey != null && externalKeys.Contains(r.ExternalKey))))));

    public async Task<PersonReferrals> LoadAsync(string personId, Instant since, IReadOnlyCollection<string> externalKeys, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var state = await StateOf.For(db)(db, personId, cancellationToken).ConfigureAwait(false);
        if (state is null)
        {
            return PersonReferrals.Empty(personId);
        }

        var referrals = new List<Referral>();
        await foreach (var row in ReferralsOf.For(db)(db, personId, since, [.. externalKeys]).WithCancellation(cancellationToken).ConfigureAwait(false))
        {
            referrals.Add(row.ToDomain());
        }

        return new PersonReferrals(personId, state.Version, state.LastReturnAt, referrals, ForwardingOf(state));
    }

    public async Task<IReadOnlyDictionary<string, PersonReferrals>> LoadManyAsync(
        IReadOnlyCollection<string> personIds, Instant since, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var states = await db.PersonStates.AsNoTracking()
            .Where(s => personIds.Contains(s.PersonId))
            .ToDictionaryAsync(s => s.PersonId, cancellationToken).ConfigureAwait(false);
        var rows = await db.Referrals.AsNoTracking()
            .Where(r => personIds.Contains(r.PersonId) && r.ReturnsAt > since)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var byPerson = rows.ToLookup(r => r.PersonId);
        return states.Values.ToDictionary(
            s => s.PersonId,
            s => new PersonReferrals(s.PersonId, s.Version, s.LastReturnAt, byPerson[s.PersonId].Select(r => r.ToDomain()).ToList(), ForwardingOf(s)));
    }

    public async Task SaveAsync(ReferralChangeSet changes, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var now = changes.Event.OccurredAt;
        await StageVersionAsync(db, changes, cancellationToken).ConfigureAwait(false);

        db.Referrals.AddRange(changes.Added.Select(r => r.ToRow(now)));
        var touchedIds = changes.Updated.Select(r => r.Id).Concat(changes.Removed.Select(r => r.Id)).ToList();
        var touched = await db.Referrals.Where(r => touchedIds.Contains(r.Id))
            .ToDictionaryAsync(r => r.Id, cancellationToken).ConfigureAwait(false);
        foreach (var updated in changes.Updated)
        {
            (touched.GetValueOrDefault(updated.Id) ?? throw Conflict("updated referral is gone")).CopyFrom(updated, now);
        }

        foreach (var removed in changes.Removed)
        {
            db.Referrals.Remove(touched.GetValueOrDefault(removed.Id) ?? throw Conflict("removed referral is gone"));
        }

        db.AuditEntries.AddRange(changes.Audit.Select(a => new AuditEntryRow
        {
            Id = a.Id,
            PersonId = a.PersonId,
            At = a.At,
            Source = a.Source.ToString(),
            Actor = a.Actor,
            Action = a.Action,
            ReferralId = a.ReferralId,
            Before = ReferralRowMapping.Snapshot(a.Before),
            After = ReferralRowMapping.Snapshot(a.After),
        }));
        work.Add(db, ReferralChangeDelivery.ReferralChanged, changes.Event.EventId.ToString(), ReferralChangeDelivery.Payload(changes.Event));

        // In the one order a completion batch also takes work_items rows in (WorkItemClaims.CompleteAsync): kind, then key.
        var requests = changeWork.SelectMany(w => w.For(changes.PersonId))
            .DistinctBy(r => (r.Kind.Name, r.Key))
            .OrderBy(r => r.Kind.Name, StringComparer.Ordinal).ThenBy(r => r.Key, StringComparer.Ordinal)
            .ToList();
        try
        {
            await SaveWithAsync(db, requests, cancellationToken).ConfigureAwait(false);
            work.Wake(ReferralChangeDelivery.ReferralChanged);
            foreach (var kind in requests.Select(r => r.Kind).Distinct())
            {
                work.Wake(kind);
            }
        }
        catch (DbUpdateConcurrencyException ex)
        {
            throw new ReferralConcurrencyException($"The referrals of '{changes.PersonId}' changed meanwhile.", ex);
        }
        catch (Exception ex) when (LockConflict.Is(ex))
        {
            // PostgreSQL chose this transaction to end a deadlock (say, with a completion batch whose records touch what
            // this change holds): rolled back whole, so it is a lost race like any other and the change is planned again.
            throw new ReferralConcurrencyException($"The referrals of '{changes.PersonId}' crossed another writer.", ex);
        }
        catch (DbUpdateException ex) when (changes.ExpectedVersion == 0 || changes.Added.Any(r => r.ExternalKey is not null))
        {
            // Two first writers for one person (or one calendar event) collide on a unique key; the loser retries on fresh state.
            throw new ReferralConcurrencyException($"The referrals of '{changes.PersonId}' were created meanwhile.", ex);
        }
    }

    /// <summary>The staged change and <paramref name="requests"/> (coalescing upserts, not tracked rows) in one transaction.</summary>
    private async Task SaveWithAsync(PresenceBotDbContext db, IReadOnlyList<WorkRequest> requests, CancellationToken cancellationToken)
    {
        if (requests.Count == 0)
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
            return;
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken).ConfigureAwait(false);
        await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        await work.EnqueueAsync(db, requests, cancellationToken).ConfigureAwait(false);

        // Not cancellable once everything is sent: the caller must not be told "failed" about a change that committed.
        await transaction.CommitAsync(CancellationToken.None).ConfigureAwait(false);
    }

    private static async Task StageVersionAsync(PresenceBotDbContext db, ReferralChangeSet changes, CancellationToken cancellationToken)
    {
        var state = await db.PersonStates.FirstOrDefaultAsync(s => s.PersonId == changes.PersonId, cancellationToken).ConfigureAwait(false);
        if (changes.ExpectedVersion == 0)
        {
            if (state is not null)
            {
                throw Conflict("person state already exists");
            }

            state = new PersonStateRow { PersonId = changes.PersonId, Version = 1, LastReturnAt = changes.LastReturnAt };
            db.PersonStates.Add(state);
            StageForwarding(state, changes);
            return;
        }

        if (state is null || state.Version != changes.ExpectedVersion)
        {
            throw Conflict($"version is {state?.Version}, expected {changes.ExpectedVersion}");
        }

        // EF adds "WHERE version = expected" to the UPDATE, which is what stops a concurrent writer.
        state.Version = changes.ExpectedVersion + 1;
        state.LastReturnAt = changes.LastReturnAt;
        StageForwarding(state, changes);
    }

    private static void StageForwarding(PersonStateRow state, ReferralChangeSet changes)
    {
        if (!changes.ForwardingChanged)
        {
            return;
        }

        state.ForwardToId = changes.Forwarding?.TargetId;
        state.ForwardFrom = changes.Forwarding?.From;
        state.ForwardUntil = changes.Forwarding?.Until;
        state.ForwardSetAt = changes.Forwarding?.SetAt;
    }

    /// <summary>The stored forwarding; a row some other version half-wrote is read as none rather than guessed at.</summary>
    internal static CallForwarding? ForwardingOf(PersonStateRow state) =>
        state is { ForwardToId: { } target, ForwardFrom: { } from, ForwardUntil: { } until, ForwardSetAt: { } setAt } && until > from
            ? new CallForwarding(target, from, until, setAt)
            : null;

    private static ReferralConcurrencyException Conflict(string why) => new($"Concurrent change: {why}.");
}
