using PresenceBot.Referrals.Organisation;
using OrganisationModel = PresenceBot.Referrals.Organisation.Organisation;

namespace PresenceBot.Tests.Storage;

/// <summary>The shipped sample organisation (copied to the test output under Organisation/), as a fixed source.</summary>
internal sealed class TestOrganisation : IOrganisationSource
{
    /// <summary>Kim Krona, Kansli Lycksele, calendar coupling closed.</summary>
    public const string Kim = "6f1c2a8e-3d4b-4c5e-9f60-7a8b9c0d1e2f";

    /// <summary>Sara Nordin, Kansli Lycksele, calendar coupling open.</summary>
    public const string Sara = "ee773616-c5ea-4b74-b7a8-491b07114505";

    /// <summary>Erik Holm, Socialtjänst Storuman.</summary>
    public const string Erik = "c40d311e-3092-4a75-929b-6fd012fc4838";

    /// <summary>Maria Berg, Socialtjänst Storuman.</summary>
    public const string Maria = "8539ba29-ddfc-457a-8979-04922f2ad79e";

    private static readonly Lazy<OrganisationModel> Sample = new(() =>
        OrganisationFile.Load(Path.Combine(AppContext.BaseDirectory, "Organisation", "sample-organisation.json")));

    /// <summary>People whose calendar coupling is not off, so calendar bookings become referrals.</summary>
    public static IReadOnlyList<string> CoupledPeople =>
        Sample.Value.People.Where(p => p.CalendarCoupling != CalendarCoupling.Off).Select(p => p.Id).ToList();

    public OrganisationModel Current => Sample.Value;

    public Person Person(string id) => Current.FindPerson(id) ?? throw new ArgumentException($"No person '{id}' in the sample.", nameof(id));
}
