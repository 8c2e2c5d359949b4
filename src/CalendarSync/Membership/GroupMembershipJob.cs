using Microsoft.Extensions.Logging;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.CalendarSync.Membership;

/// <summary>
/// Reads the members of every unit that names an Entra ID group and publishes them, so joiners get coupled
/// and leavers uncoupled without anyone editing the organisation file. A group that can't be read keeps
/// its last known members rather than uncoupling everyone.
/// </summary>
internal sealed class GroupMembershipJob(IGroupReader groups, IGroupMembershipSink sink, IOrganisationSource organisation, ILogger<GroupMembershipJob> logger)
{
    public const string RecurringJobId = "entra-group-members";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        foreach (var unit in organisation.Current.Units.Where(u => u.EntraGroupId is not null))
        {
            try
            {
                var members = await groups.MembersAsync(unit.EntraGroupId!, cancellationToken).ConfigureAwait(false);
                sink.Publish(unit.Id, members);
            }
            catch (Exception ex) when (ex is HttpRequestException or Microsoft.Kiota.Abstractions.ApiException)
            {
                CalendarSyncLog.GroupReadFailed(logger, unit.Id, ex);
            }
        }
    }
}
