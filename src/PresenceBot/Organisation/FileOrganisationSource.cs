using PresenceBot.CalendarSync.Membership;
using PresenceBot.Referrals.Organisation;
using OrganisationModel = PresenceBot.Referrals.Organisation.Organisation;

namespace PresenceBot.Organisation;

/// <summary>
/// The organisation read from the file named by <c>Organisation:File</c>, plus the members of units' Entra ID
/// groups. Validated at start (a bad file stops start-up), then watched: a valid new version replaces it, an
/// invalid one is reported and ignored.
/// </summary>
internal sealed class FileOrganisationSource(OrganisationModel organisation, string path) : IOrganisationSource, IGroupMembershipSink
{
    private readonly Lock _gate = new();
    /// <summary>Members by Entra ID group id, as last published.</summary>
    private readonly Dictionary<string, IReadOnlyList<GroupMember>> _groupMembers = new(StringComparer.OrdinalIgnoreCase);
    private readonly Dictionary<string, CalendarCoupling> _couplingOverrides = new(StringComparer.OrdinalIgnoreCase);
    private long _couplingWrites;
    private OrganisationModel _file = organisation;
    private OrganisationModel _current = organisation;

    private event EventHandler? ChangedHandlers;

    event EventHandler? IOrganisationSource.Changed
    {
        add => ChangedHandlers += value;
        remove => ChangedHandlers -= value;
    }

    public OrganisationModel Current => Volatile.Read(ref _current);

    public string Path { get; } = path;

    /// <summary>
    /// Why the file on disk is not in force, or null when it is (shown by /readyz, which anyone may read): where the
    /// problems are, by entry index (<c>people[3].upn</c>), never the values, which may be UPNs or extensions.
    /// </summary>
    public string? RejectedBecause { get; private set; }

    /// <summary>Loads and validates the file; throws <see cref="OrganisationFileException"/> naming every problem.</summary>
    public static FileOrganisationSource Load(string configuredPath)
    {
        var path = System.IO.Path.IsPathRooted(configuredPath)
            ? configuredPath
            : System.IO.Path.Combine(AppContext.BaseDirectory, configuredPath);
        return new FileOrganisationSource(OrganisationFile.Load(path), path);
    }

    /// <summary>Reads the file again; on success the new organisation is in force and subscribers are told.</summary>
    public OrganisationModel Reload()
    {
        OrganisationModel fresh;
        try
        {
            fresh = OrganisationFile.Load(Path);
        }
        catch (OrganisationFileException ex)
        {
            RejectedBecause = OrganisationProblemLocations.Describe(ex.Problems);
            throw;
        }

        RejectedBecause = null;
        lock (_gate)
        {
            _file = fresh;
            Rebuild();
        }

        ChangedHandlers?.Invoke(this, EventArgs.Empty);
        return Current;
    }

    public void Publish(IReadOnlyDictionary<string, IReadOnlyList<GroupMember>> membersByGroup)
    {
        lock (_gate)
        {
            if (SameMembers(membersByGroup))
            {
                return;
            }

            _groupMembers.Clear();
            foreach (var (groupId, members) in membersByGroup)
            {
                _groupMembers[groupId] = members;
            }

            Rebuild();
        }

        ChangedHandlers?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>
    /// The couplings people chose themselves, as stored; replaces any loaded before. Subscribers are told only when
    /// something differs (read again every few seconds, the same couplings must not make sync reconcile each time).
    /// </summary>
    /// <param name="overrides">All stored couplings.</param>
    /// <param name="readAfterWrite">
    /// <see cref="CouplingWrites"/> when the read began: if a coupling was set here since, the read may predate it and is
    /// ignored (the next one brings it).
    /// </param>
    public void ApplyCouplingOverrides(IReadOnlyDictionary<string, CalendarCoupling> overrides, long? readAfterWrite = null)
    {
        lock (_gate)
        {
            if ((readAfterWrite is { } read && read != _couplingWrites)
                || (overrides.Count == _couplingOverrides.Count
                    && overrides.All(o => _couplingOverrides.TryGetValue(o.Key, out var known) && known == o.Value)))
            {
                return;
            }

            _couplingOverrides.Clear();
            foreach (var (personId, coupling) in overrides)
            {
                _couplingOverrides[personId] = coupling;
            }

            Rebuild();
        }

        ChangedHandlers?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>How many couplings were set in this process; a read of the stored ones taken before a set is stale.</summary>
    public long CouplingWrites
    {
        get
        {
            lock (_gate)
            {
                return _couplingWrites;
            }
        }
    }

    /// <summary>One person's own coupling ("/koppling av"), in force at once over what the file says.</summary>
    public void SetCouplingOverride(string personId, CalendarCoupling coupling)
    {
        lock (_gate)
        {
            if (_couplingOverrides.TryGetValue(personId, out var known) && known == coupling)
            {
                return;
            }

            _couplingOverrides[personId] = coupling;
            _couplingWrites++;
            Rebuild();
        }

        ChangedHandlers?.Invoke(this, EventArgs.Empty);
    }

    /// <summary>
    /// The file, then the members of the groups its units name (who get the default coupling), then people's own
    /// couplings on top of both. Going by the file in force, a unit that stops naming a group loses its members at once.
    /// </summary>
    private void Rebuild()
    {
        var membersByUnit = _file.Units
            .Where(u => u.EntraGroupId is not null && _groupMembers.ContainsKey(u.EntraGroupId))
            .ToDictionary(u => u.Id, u => _groupMembers[u.EntraGroupId!], StringComparer.OrdinalIgnoreCase);
        var withMembers = membersByUnit.Count == 0 ? _file : _file.WithGroupMembers(membersByUnit);
        Volatile.Write(ref _current, withMembers.WithCouplingOverrides(_couplingOverrides));
    }

    private bool SameMembers(IReadOnlyDictionary<string, IReadOnlyList<GroupMember>> membersByGroup) =>
        membersByGroup.Count == _groupMembers.Count
        && membersByGroup.All(g => _groupMembers.TryGetValue(g.Key, out var known) && known.ToHashSet().SetEquals(g.Value));
}
