using NodaTime;
using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Referrals;

namespace PresenceBot.Referrals.Service;

/// <summary>The changes a command wants, collected before anything is written.</summary>
internal sealed class Plan
{
    private readonly List<Referral> _added = [];
    private readonly List<(Referral Before, Referral After, string Action)> _updated = [];
    private readonly List<(Referral Before, string Action)> _removed = [];

    public static Plan None => new();

    public string Action { get; init; } = "none";

    /// <summary>Set by "tillbaka" so merging never bridges the moment the person came back.</summary>
    public Instant? LastReturnAt { get; init; }

    /// <summary>Whether the plan sets or clears the forwarding (<see cref="Forwarding"/>, null = cleared).</summary>
    public bool ForwardingChanged { get; private set; }

    public CallForwarding? Forwarding { get; private set; }

    public bool HasChanges => _added.Count > 0 || _updated.Count > 0 || _removed.Count > 0 || LastReturnAt is not null || ForwardingChanged;

    public Plan Forward(CallForwarding? forwarding)
    {
        ForwardingChanged = true;
        Forwarding = forwarding;
        return this;
    }

    public Plan Add(Referral referral)
    {
        _added.Add(referral);
        return this;
    }

    public Plan Update(Referral before, Referral after, string action)
    {
        _updated.Add((before, after, action));
        return this;
    }

    public Plan Remove(Referral before, string action)
    {
        _removed.Add((before, action));
        return this;
    }

    /// <summary>Takes over another plan's changes (one change set for many bookings).</summary>
    public void Merge(Plan other)
    {
        _added.AddRange(other._added);
        _updated.AddRange(other._updated);
        _removed.AddRange(other._removed);
    }

    /// <summary>The person's state as it will be once the change set is committed.</summary>
    public PersonReferrals Apply(PersonReferrals state)
    {
        var replaced = _updated.ToDictionary(u => u.Before.Id, u => u.After);
        var removed = _removed.Select(r => r.Before.Id).ToHashSet();
        var referrals = state.Referrals
            .Where(r => !removed.Contains(r.Id))
            .Select(r => replaced.GetValueOrDefault(r.Id) ?? r)
            .Concat(_added)
            .ToList();
        return state with
        {
            Version = state.Version + 1,
            LastReturnAt = LastReturnAt ?? state.LastReturnAt,
            Referrals = referrals,
            Forwarding = ForwardingChanged ? Forwarding : state.Forwarding,
        };
    }

    public ReferralChangeSet ToChangeSet(PersonReferrals state, Instant now, ReferralSource source, string actor)
    {
        AuditEntry Audit(string action, Guid id, Referral? before, Referral? after) =>
            new(Guid.NewGuid(), state.PersonId, now, source, actor, action, id, before, after);

        var audit = _added.Select(a => Audit("created", a.Id, null, a))
            .Concat(_updated.Select(u => Audit(u.Action, u.Before.Id, u.Before, u.After)))
            .Concat(_removed.Select(r => Audit(r.Action, r.Before.Id, r.Before, null)))
            .ToList();
        if (LastReturnAt is not null && audit.Count == 0)
        {
            // A return inside a merged gap ends nothing by itself; it is still a change someone made.
            audit.Add(new AuditEntry(Guid.NewGuid(), state.PersonId, now, source, actor, "returned", null, null, null));
        }

        if (ForwardingChanged)
        {
            // The audit names the action; the forwarding itself (colleague and period) is on the person's row.
            audit.Add(new AuditEntry(Guid.NewGuid(), state.PersonId, now, source, actor, Forwarding is null ? "forward-ended" : "forwarded", null, null, null));
        }

        return new ReferralChangeSet(
            state.PersonId,
            state.Version,
            LastReturnAt ?? state.LastReturnAt,
            _added,
            _updated.Select(u => u.After).ToList(),
            _removed.Select(r => r.Before).ToList(),
            audit,
            new ReferralChanged(Guid.NewGuid(), state.PersonId, now, source, actor, Action),
            ForwardingChanged,
            Forwarding);
    }
}
