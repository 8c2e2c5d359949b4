namespace PresenceBot.Referrals.Organisation;

/// <summary>The organisation in force now; an interface so a changed file can replace it without a restart.</summary>
public interface IOrganisationSource
{
    Organisation Current { get; }

    /// <summary>Raised after <see cref="Current"/> was replaced by a new, valid organisation. A fixed source never raises it.</summary>
    event EventHandler? Changed
    {
        add
        {
        }

        remove
        {
        }
    }
}
