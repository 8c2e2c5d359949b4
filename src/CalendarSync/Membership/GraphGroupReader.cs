using System.Net;
using Microsoft.Graph.Groups.Delta;
using Microsoft.Graph.Models;
using Microsoft.Graph.Models.ODataErrors;
using Microsoft.Kiota.Abstractions.Serialization;
using PresenceBot.CalendarSync.Graph;
using PresenceBot.CalendarSync.Processing;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.CalendarSync.Membership;

/// <summary>
/// <see cref="IGroupReader"/> over Graph (<c>GroupMember.Read.All</c>, <c>User.Read.All</c>). Membership comes from
/// <c>GET /groups/delta?$filter=id eq '{id}'&amp;$select=members</c>, one group per query so each has its own delta
/// link and a group that fails holds up no other. Graph may split a group's <c>members@delta</c> over several
/// objects and pages and may mention a member twice, so every page is merged and the last word on a member wins.
/// </summary>
internal sealed class GraphGroupReader(GraphClientProvider graph) : IGroupReader
{
    private const string UserType = "#microsoft.graph.user";
    private static readonly string[] UserFields = ["id", "userPrincipalName", "displayName"];

    public async Task<GroupRead?> ReadAllAsync(string groupId, CancellationToken cancellationToken)
    {
        var first = await graph.Client.Groups.Delta.GetAsDeltaGetResponseAsync(
            request =>
            {
                // OData doubles a quote inside a string literal.
                request.QueryParameters.Filter = $"id eq '{groupId.Replace("'", "''", StringComparison.Ordinal)}'";
                request.QueryParameters.Select = ["members"];
            },
            cancellationToken).ConfigureAwait(false);
        return await CollectAsync(groupId, first, isFull: true, cancellationToken).ConfigureAwait(false);
    }

    public async Task<GroupRead?> ReadChangesAsync(string groupId, string deltaLink, CancellationToken cancellationToken)
    {
        try
        {
            var first = await PageAsync(deltaLink, cancellationToken).ConfigureAwait(false);
            return await CollectAsync(groupId, first, isFull: false, cancellationToken).ConfigureAwait(false);
        }
        catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.Gone
            || string.Equals(error.Error?.Code, "syncStateNotFound", StringComparison.OrdinalIgnoreCase))
        {
            // 410 is Graph's "start again"; an expired directory token (7 days) is a 4xx with syncStateNotFound.
            throw new DeltaExpiredException($"Graph no longer accepts the delta link of group {groupId}.", error);
        }
    }

    public async Task<IReadOnlyList<GroupMember>> MembersAsync(string groupId, CancellationToken cancellationToken)
    {
        var members = new List<GroupMember>();
        var page = await graph.Client.Groups[groupId].Members.GetAsync(
            request =>
            {
                request.QueryParameters.Select = UserFields;
                request.QueryParameters.Top = 999;
            },
            cancellationToken).ConfigureAwait(false);
        while (page is not null)
        {
            // Nested groups, devices and contacts are no one's extension.
            members.AddRange((page.Value ?? []).OfType<User>().Select(ToMember).OfType<GroupMember>());
            if (page.OdataNextLink is not { } next)
            {
                break;
            }

            page = await graph.Client.Groups[groupId].Members.WithUrl(next).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return members;
    }

    public async Task<GroupMember?> UserAsync(string userId, CancellationToken cancellationToken)
    {
        try
        {
            var user = await graph.Client.Users[userId].GetAsync(request => request.QueryParameters.Select = UserFields, cancellationToken).ConfigureAwait(false);
            return user is null ? null : ToMember(user);
        }
        catch (ODataError error) when (error.ResponseStatusCode == (int)HttpStatusCode.NotFound)
        {
            return null;
        }
    }

    private async Task<DeltaGetResponse?> PageAsync(string link, CancellationToken cancellationToken) =>
        await graph.Client.Groups.Delta.WithUrl(link).GetAsDeltaGetResponseAsync(cancellationToken: cancellationToken).ConfigureAwait(false);

    private async Task<GroupRead?> CollectAsync(string groupId, DeltaGetResponse? page, bool isFull, CancellationToken cancellationToken)
    {
        // The last word on each member: true = a member, false = left.
        var isMember = new Dictionary<string, bool>(StringComparer.OrdinalIgnoreCase);
        var groupSeen = false;
        while (page is not null)
        {
            foreach (var group in (page.Value ?? []).Where(g => string.Equals(g.Id, groupId, StringComparison.OrdinalIgnoreCase)))
            {
                if (group.AdditionalData.ContainsKey("@removed"))
                {
                    return null;
                }

                groupSeen = true;
                foreach (var (userId, removed) in MemberChanges(group))
                {
                    isMember[userId] = !removed;
                }
            }

            if (page.OdataDeltaLink is { } deltaLink)
            {
                // A first round lists every group the filter matches, members or not: absent means unknown.
                return isFull && !groupSeen
                    ? null
                    : new GroupRead(
                        [.. isMember.Where(m => m.Value).Select(m => m.Key)], [.. isMember.Where(m => !m.Value).Select(m => m.Key)], deltaLink, isFull);
            }

            if (page.OdataNextLink is not { } next)
            {
                break;
            }

            page = await PageAsync(next, cancellationToken).ConfigureAwait(false);
        }

        throw new HttpRequestException($"Graph's groups/delta for {groupId} ended without a delta link.");
    }

    /// <summary>The user entries of <c>members@delta</c> (ids only, as Graph sends them); nested groups and devices are skipped.</summary>
    private static IEnumerable<(string UserId, bool Removed)> MemberChanges(Group group)
    {
        if (!group.AdditionalData.TryGetValue("members@delta", out var value) || value is not UntypedArray members)
        {
            yield break;
        }

        foreach (var member in members.GetValue().OfType<UntypedObject>().Select(m => m.GetValue()))
        {
            var id = Text(member, "id");
            var type = Text(member, "@odata.type") ?? UserType;
            if (id is not null && type.Equals(UserType, StringComparison.OrdinalIgnoreCase))
            {
                yield return (id, member.ContainsKey("@removed"));
            }
        }
    }

    private static string? Text(IDictionary<string, UntypedNode> json, string name) =>
        json.TryGetValue(name, out var node) && node is UntypedString text ? text.GetValue() : null;

    private static GroupMember? ToMember(User user) =>
        user.Id is { } id && user.UserPrincipalName is { } upn ? new GroupMember(id, upn, user.DisplayName ?? upn) : null;
}
