using PresenceBot.Referrals.Organisation;

namespace PresenceBot.CalendarSync.Tests.Membership;

/// <summary>One unit per group id given, in that order.</summary>
internal sealed class FixedOrganisation(params string[] groupIds) : IOrganisationSource
{
    public Referrals.Organisation.Organisation Current { get; } = OrganisationFile.Parse($$"""
        {
          "municipalities": [ { "id": "lycksele", "name": "Lycksele kommun" } ],
          "units": [ {{string.Join(", ", groupIds.Select(g => $$"""{ "id": "unit-{{g}}", "name": "{{g}}", "municipality": "lycksele", "entraGroupId": "{{g}}" }"""))}} ],
          "people": []
        }
        """, "test.json");
}
