using Hangfire;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.Kiota.Abstractions;
using NodaTime;
using PresenceBot.CalendarSync.Coordination;
using PresenceBot.CalendarSync.Processing;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.CalendarSync.Membership;

/// <summary>
/// Keeps the members of every unit's Entra ID group current, so joiners get coupled and leavers uncoupled without
/// anyone editing the organisation file. Each group continues from its stored delta link (only joiners and
/// leavers come back), is read in full when it has none, when Graph refuses the link, and every
/// <see cref="GroupMembershipOptions.FullReadHours"/> as a safety net. A group that can't be read keeps its last
/// known members rather than uncoupling everyone, and holds up no other group.
/// </summary>
internal sealed class GroupMembershipJob(
    IGroupReader groups,
    IGroupMembershipStateStore store,
    GroupMembershipPublisher publisher,
    IOrganisationSource organisation,
    IClusterLock clusterLock,
    IOptions<GroupMembershipOptions> options,
    TimeProvider time,
    ILogger<GroupMembershipJob> logger)
{
    public const string RecurringJobId = "entra-group-members";

    /// <summary>More unknown members than this are looked up with one paged members listing rather than one request each.</summary>
    private const int LookUpOneByOneAtMost = 10;

    /// <summary>Not retried by Hangfire (the next round, minutes later, is the retry), so a failing round leaves no job behind.</summary>
    [AutomaticRetry(Attempts = 0, OnAttemptsExceeded = AttemptsExceededAction.Delete)]
    public async Task RunAsync(CancellationToken cancellationToken)
    {
        // One round at a time on all instances (each runs one at start, Hangfire one on schedule): the second reads
        // on from the delta links the first stored, instead of both reading every group and racing to store them.
        await using var held = await clusterLock.AcquireAsync(ClusterLockNames.GroupMembershipRound, cancellationToken).ConfigureAwait(false);
        var unitsByGroup = organisation.Current.Units
            .Where(u => u.EntraGroupId is not null)
            .ToLookup(u => u.EntraGroupId!, u => u.Id, StringComparer.OrdinalIgnoreCase);
        var stored = (await store.LoadAllAsync(cancellationToken).ConfigureAwait(false)).ToDictionary(s => s.GroupId, StringComparer.OrdinalIgnoreCase);
        foreach (var groupId in stored.Keys.Where(g => !unitsByGroup.Contains(g)))
        {
            await store.DeleteAsync(groupId, cancellationToken).ConfigureAwait(false);
            CalendarSyncLog.GroupForgotten(logger, groupId);
        }

        foreach (var group in unitsByGroup)
        {
            var units = string.Join(", ", group);
            try
            {
                await SyncAsync(group.Key, units, stored.GetValueOrDefault(group.Key), cancellationToken).ConfigureAwait(false);
            }
            catch (Exception ex) when (!cancellationToken.IsCancellationRequested)
            {
                // Forbidden, throttled, unknown, timed out, or the database failed: nothing is stored for this group,
                // so the next round repeats it; the other groups go on.
                CalendarSyncLog.GroupReadFailed(logger, group.Key, units, ex);
            }
        }

        await publisher.PublishAsync(cancellationToken).ConfigureAwait(false);
    }

    private async Task SyncAsync(string groupId, string units, GroupMembershipState? known, CancellationToken cancellationToken)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        if (await ReadAsync(groupId, known, now, cancellationToken).ConfigureAwait(false) is not { } read)
        {
            CalendarSyncLog.GroupNotFound(logger, groupId, units);
            return;
        }

        var before = known?.Members ?? [];
        var members = await MembersAfterAsync(groupId, read, before, cancellationToken).ConfigureAwait(false);
        await store.SaveAsync(new GroupMembershipState(groupId, read.DeltaLink, members, read.IsFull ? now : known!.FullReadAt, now), cancellationToken)
            .ConfigureAwait(false);

        var kind = read.IsFull ? "full" : "changes";
        var joined = members.Select(m => m.Id).Except(before.Select(m => m.Id), StringComparer.OrdinalIgnoreCase).Count();
        var left = before.Select(m => m.Id).Except(members.Select(m => m.Id), StringComparer.OrdinalIgnoreCase).Count();
        if (joined + left > 0)
        {
            CalendarSyncLog.GroupMembersChanged(logger, groupId, kind, joined, left, members.Count);
        }
        else
        {
            CalendarSyncLog.GroupMembersUnchanged(logger, groupId, kind, members.Count);
        }
    }

    private async Task<GroupRead?> ReadAsync(string groupId, GroupMembershipState? known, Instant now, CancellationToken cancellationToken)
    {
        if (known is null || now - known.FullReadAt >= Duration.FromHours(options.Value.FullReadHours))
        {
            return await groups.ReadAllAsync(groupId, cancellationToken).ConfigureAwait(false);
        }

        try
        {
            return await groups.ReadChangesAsync(groupId, known.DeltaLink, cancellationToken).ConfigureAwait(false);
        }
        catch (DeltaExpiredException)
        {
            CalendarSyncLog.GroupDeltaExpired(logger, groupId);
            return await groups.ReadAllAsync(groupId, cancellationToken).ConfigureAwait(false);
        }
    }

    /// <summary>
    /// The members after this round, with UPN and name: those known before keep theirs, the others are looked up.
    /// An id Graph doesn't know as a user is left out.
    /// </summary>
    private async Task<IReadOnlyList<GroupMember>> MembersAfterAsync(
        string groupId, GroupRead read, IReadOnlyList<GroupMember> before, CancellationToken cancellationToken)
    {
        var ids = read.IsFull
            ? read.Joined.Distinct(StringComparer.OrdinalIgnoreCase).ToList()
            : [.. before.Select(m => m.Id).Except(read.Left, StringComparer.OrdinalIgnoreCase).Union(read.Joined, StringComparer.OrdinalIgnoreCase)];
        var byId = new Dictionary<string, GroupMember>(StringComparer.OrdinalIgnoreCase);
        foreach (var member in before)
        {
            byId.TryAdd(member.Id, member);
        }

        var unknown = ids.Where(id => !byId.ContainsKey(id)).ToList();
        if (unknown.Count > LookUpOneByOneAtMost)
        {
            foreach (var member in await groups.MembersAsync(groupId, cancellationToken).ConfigureAwait(false))
            {
                byId.TryAdd(member.Id, member);
            }
        }

        // One by one: a few joiners, or anyone the listing missed (it is read after the delta round).
        foreach (var id in unknown.Where(id => !byId.ContainsKey(id)))
        {
            if (await groups.UserAsync(id, cancellationToken).ConfigureAwait(false) is { } user)
            {
                byId[id] = user;
            }
        }

        return [.. ids.Where(byId.ContainsKey).Select(id => byId[id])];
    }
}
