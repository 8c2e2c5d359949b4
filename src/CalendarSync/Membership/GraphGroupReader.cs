using Microsoft.Graph.Models;
using PresenceBot.CalendarSync.Graph;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.CalendarSync.Membership;

/// <summary>Reads a group's members from Graph (<c>GroupMember.Read.All</c>), following every page.</summary>
internal sealed class GraphGroupReader(GraphClientProvider graph) : IGroupReader
{
    public async Task<IReadOnlyList<GroupMember>> MembersAsync(string groupId, CancellationToken cancellationToken)
    {
        var members = new List<GroupMember>();
        var page = await graph.Client.Groups[groupId].Members.GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        while (page is not null)
        {
            // Nested groups, devices and contacts are no one's extension.
            members.AddRange((page.Value ?? []).OfType<User>()
                .Where(u => u.Id is not null && u.UserPrincipalName is not null)
                .Select(u => new GroupMember(u.Id!, u.UserPrincipalName!, u.DisplayName ?? u.UserPrincipalName!)));
            if (page.OdataNextLink is not { } next)
            {
                break;
            }

            page = await graph.Client.Groups[groupId].Members.WithUrl(next).GetAsync(cancellationToken: cancellationToken).ConfigureAwait(false);
        }

        return members;
    }
}
