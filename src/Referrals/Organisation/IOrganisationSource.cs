namespace PresenceBot.Referrals.Organisation;

/// <summary>The organisation in force now; an interface so a changed file can replace it without a restart.</summary>
public interface IOrganisationSource
{
    Organisation Current { get; }
}
