using Microsoft.EntityFrameworkCore;
using NodaTime;
using PresenceBot.Referrals.Voicemail;
using PresenceBot.Storage.Rows;

namespace PresenceBot.Storage;

/// <summary>
/// The voicemail ledger in the product database. Recording is an upsert whose state update is a single SQL
/// statement that only moves the state forward, so a late "new" racing a "heard" can never win.
/// </summary>
internal sealed class EfVoicemailLedger(IDbContextFactory<PresenceBotDbContext> contexts) : IVoicemailLedger
{
    public async Task<VoicemailRecordOutcome> RecordAsync(VoicemailMessage message, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(message);
        await using (var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false))
        {
            var exists = await db.Voicemails.AnyAsync(v => v.Source == message.Source && v.Id == message.Id, cancellationToken).ConfigureAwait(false);
            if (!exists)
            {
                db.Voicemails.Add(new VoicemailRow
                {
                    Source = message.Source,
                    Id = message.Id,
                    PersonId = message.PersonId,
                    ReceivedAt = message.ReceivedAt,
                    Caller = message.Caller,
                    DurationSeconds = message.DurationSeconds,
                    State = message.State,
                    RecordedAt = now,
                    UpdatedAt = now,
                });
                try
                {
                    // Not cancellable once started: the sender must not get an error for an event we did store.
                    await db.SaveChangesAsync(CancellationToken.None).ConfigureAwait(false);
                    return new VoicemailRecordOutcome(true, message.State);
                }
                catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
                {
                    // The same event arrived twice at once and the other insert won: update it like a repeat.
                }
            }
        }

        return new VoicemailRecordOutcome(false, await UpdateAsync(message, now).ConfigureAwait(false));
    }

    public async Task<IReadOnlyDictionary<string, VoicemailState>> StatesAsync(
        string source, IReadOnlyCollection<string> ids, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(ids);
        if (ids.Count == 0)
        {
            return new Dictionary<string, VoicemailState>(StringComparer.Ordinal);
        }

        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Voicemails.AsNoTracking().Where(v => v.Source == source && ids.Contains(v.Id))
            .ToDictionaryAsync(v => v.Id, v => v.State, StringComparer.Ordinal, cancellationToken).ConfigureAwait(false);
    }

    public async Task<PersonVoicemails> ForPersonAsync(string personId, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var rows = await db.Voicemails.AsNoTracking()
            .Where(v => v.PersonId == personId && v.State == VoicemailState.New)
            .ToListAsync(cancellationToken).ConfigureAwait(false);
        var snooze = await db.VoicemailSnoozes.AsNoTracking().Where(s => s.PersonId == personId).Select(s => (Instant?)s.Until)
            .FirstOrDefaultAsync(cancellationToken).ConfigureAwait(false);
        var unheard = rows.OrderBy(r => r.ReceivedAt).Select(r => new VoicemailMessage
        {
            Source = r.Source,
            Id = r.Id,
            PersonId = r.PersonId,
            ReceivedAt = r.ReceivedAt,
            Caller = r.Caller,
            DurationSeconds = r.DurationSeconds,
            State = r.State,
        }).ToList();
        return new PersonVoicemails(personId, unheard, snooze);
    }

    public async Task<IReadOnlyList<string>> PeopleWithUnheardAsync(CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Voicemails.AsNoTracking().Where(v => v.State == VoicemailState.New).Select(v => v.PersonId).Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<IReadOnlyList<string>> PeopleWithUnheardAsync(string source, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        return await db.Voicemails.AsNoTracking().Where(v => v.State == VoicemailState.New && v.Source == source).Select(v => v.PersonId).Distinct()
            .ToListAsync(cancellationToken).ConfigureAwait(false);
    }

    public async Task<int> MarkHeardAsync(string personId, IReadOnlyCollection<string> messageIds, Instant now, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(messageIds);
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var query = db.Voicemails.Where(v => v.PersonId == personId && v.State == VoicemailState.New);
        if (messageIds.Count > 0)
        {
            query = query.Where(v => messageIds.Contains(v.Id));
        }

        return await query.ExecuteUpdateAsync(v => v.SetProperty(x => x.State, VoicemailState.Heard).SetProperty(x => x.UpdatedAt, now), cancellationToken)
            .ConfigureAwait(false);
    }

    public async Task SnoozeAsync(string personId, Instant until, CancellationToken cancellationToken)
    {
        await using var db = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
        var updated = await db.VoicemailSnoozes.Where(s => s.PersonId == personId)
            .ExecuteUpdateAsync(s => s.SetProperty(x => x.Until, until), cancellationToken).ConfigureAwait(false);
        if (updated > 0)
        {
            return;
        }

        db.VoicemailSnoozes.Add(new VoicemailSnoozeRow { PersonId = personId, Until = until });
        try
        {
            await db.SaveChangesAsync(cancellationToken).ConfigureAwait(false);
        }
        catch (DbUpdateException ex) when (UniqueViolation.Is(ex))
        {
            // A second tap on another instance created the row first; the later wish wins.
            await using var retry = await contexts.CreateDbContextAsync(cancellationToken).ConfigureAwait(false);
            await retry.VoicemailSnoozes.Where(s => s.PersonId == personId)
                .ExecuteUpdateAsync(s => s.SetProperty(x => x.Until, until), cancellationToken).ConfigureAwait(false);
        }
    }

    private async Task<VoicemailState> UpdateAsync(VoicemailMessage message, Instant now)
    {
        // Not cancellable: the event is being stored; the answer must match what the database holds.
        await using var db = await contexts.CreateDbContextAsync(CancellationToken.None).ConfigureAwait(false);
        var state = message.State;
        var caller = message.Caller;
        var duration = message.DurationSeconds;
        await db.Voicemails.Where(v => v.Source == message.Source && v.Id == message.Id)
            .ExecuteUpdateAsync(v => v
                .SetProperty(x => x.PersonId, message.PersonId)
                .SetProperty(x => x.ReceivedAt, message.ReceivedAt)
                .SetProperty(x => x.Caller, x => caller ?? x.Caller)
                .SetProperty(x => x.DurationSeconds, x => duration ?? x.DurationSeconds)
                .SetProperty(x => x.State, x => x.State < state ? state : x.State)
                .SetProperty(x => x.UpdatedAt, now), CancellationToken.None)
            .ConfigureAwait(false);
        return await db.Voicemails.AsNoTracking().Where(v => v.Source == message.Source && v.Id == message.Id).Select(v => v.State)
            .FirstAsync(CancellationToken.None).ConfigureAwait(false);
    }
}
