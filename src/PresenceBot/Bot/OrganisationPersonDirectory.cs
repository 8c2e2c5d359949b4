using PresenceBot.Referrals.Organisation;
using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.Bot;

/// <summary>The channel's people are the organisation file's: a person's id is their Entra object id.</summary>
internal sealed class OrganisationPersonDirectory(IOrganisationSource organisation) : IBotPersonDirectory
{
    public string? FindPersonId(string aadObjectId) => organisation.Current.FindPerson(aadObjectId)?.Id;
}
