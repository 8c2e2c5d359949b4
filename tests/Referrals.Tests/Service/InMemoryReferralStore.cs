using NodaTime;
using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Service;

namespace PresenceBot.Referrals.Tests.Service;

/// <summary>
/// A hand-written <see cref="IReferralStore"/> that behaves like the real one where the service relies on it:
/// the version check rejects a stale change set, and a change set is applied all or nothing. It records every
/// committed and rejected change set so tests can assert on audit entries and events, and it can run one
/// "concurrent" write just before the next save to force a lost race.
/// </summary>
internal sealed class InMemoryReferralStore : IReferralStore, IForwardingIndex
{
    private readonly Dictionary<string, PersonReferrals> _people = new(StringComparer.Ordinal);
    private readonly List<ReferralChangeSet> _saved = [];
    private readonly List<ReferralChangeSet> _rejected = [];
    private Func<Task>? _beforeNextSave;

    /// <summary>Committed change sets, in order.</summary>
    public IReadOnlyList<ReferralChangeSet> Saved => _saved;

    /// <summary>Change sets refused by the version check.</summary>
    public IReadOnlyList<ReferralChangeSet> Rejected => _rejected;

    /// <summary>Every save the store was asked for, committed or not.</summary>
    public int SaveAttempts => _saved.Count + _rejected.Count;

    public IReadOnlyList<AuditEntry> Audit => _saved.SelectMany(s => s.Audit).ToList();

    public IReadOnlyList<ReferralChanged> Events => _saved.Select(s => s.Event).ToList();

    /// <summary>Runs <paramref name="concurrentWrite"/> once, at the start of the next save, before its version check.</summary>
    public void InjectBeforeNextSave(Func<Task> concurrentWrite) => _beforeNextSave = concurrentWrite;

    /// <summary>Another writer committed something for the person: only the version moves.</summary>
    public void BumpVersion(string personId)
    {
        var state = Current(personId);
        _people[personId] = state with { Version = state.Version + 1 };
    }

    /// <summary>Everything stored for the person, ended or not.</summary>
    public PersonReferrals Current(string personId) => _people.GetValueOrDefault(personId) ?? PersonReferrals.Empty(personId);

    public Task<PersonReferrals> LoadAsync(string personId, Instant since, IReadOnlyCollection<string> externalKeys, CancellationToken cancellationToken) =>
        Task.FromResult(Filter(Current(personId), since, externalKeys));

    public Task<IReadOnlyDictionary<string, PersonReferrals>> LoadManyAsync(
        IReadOnlyCollection<string> personIds, Instant since, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, PersonReferrals> result = personIds.Distinct().ToDictionary(id => id, id => Filter(Current(id), since, []));
        return Task.FromResult(result);
    }

    public Task<IReadOnlyDictionary<string, CallForwarding>> ForwardingToAsync(string colleagueId, Instant notEndedBy, CancellationToken cancellationToken)
    {
        IReadOnlyDictionary<string, CallForwarding> forwardings = _people.Values
            .Where(p => p.Forwarding is { } f && f.TargetId == colleagueId && f.Until > notEndedBy)
            .ToDictionary(p => p.PersonId, p => p.Forwarding!);
        return Task.FromResult(forwardings);
    }

    public async Task SaveAsync(ReferralChangeSet changes, CancellationToken cancellationToken)
    {
        if (_beforeNextSave is { } concurrentWrite)
        {
            _beforeNextSave = null;
            await concurrentWrite();
        }

        var state = Current(changes.PersonId);
        if (state.Version != changes.ExpectedVersion)
        {
            _rejected.Add(changes);
            throw new ReferralConcurrencyException(
                $"Version of '{changes.PersonId}' is {state.Version}, the change set expected {changes.ExpectedVersion}.");
        }

        var referrals = state.Referrals.ToDictionary(r => r.Id);
        foreach (var removed in changes.Removed)
        {
            if (!referrals.Remove(removed.Id))
            {
                throw new InvalidOperationException($"Removed referral {removed.Id} is not stored.");
            }
        }

        foreach (var updated in changes.Updated)
        {
            if (!referrals.ContainsKey(updated.Id))
            {
                throw new InvalidOperationException($"Updated referral {updated.Id} is not stored.");
            }

            referrals[updated.Id] = updated;
        }

        foreach (var added in changes.Added)
        {
            if (!referrals.TryAdd(added.Id, added))
            {
                throw new InvalidOperationException($"Added referral {added.Id} is already stored.");
            }
        }

        _people[changes.PersonId] = new PersonReferrals(
            changes.PersonId, state.Version + 1, changes.LastReturnAt, referrals.Values.OrderBy(r => r.Start).ToList(),
            changes.ForwardingChanged ? changes.Forwarding : state.Forwarding);
        _saved.Add(changes);
    }

    /// <summary>
    /// What the real store returns: referrals whose booked return is after <paramref name="since"/> (like the EF store,
    /// so ended-early referrals are still loaded until their booked return), plus the keyed one whenever it ended.
    /// </summary>
    private static PersonReferrals Filter(PersonReferrals state, Instant since, IReadOnlyCollection<string> externalKeys) =>
        state with
        {
            Referrals = state.Referrals
                .Where(r => r.ReturnsAt > since || (r.ExternalKey is not null && externalKeys.Contains(r.ExternalKey)))
                .ToList(),
        };
}
