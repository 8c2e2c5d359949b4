using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Switchboard;

public sealed record PersonResponse(string Id, string Upn, string Name, string Unit, string Municipality, string? Extension)
{
    public static PersonResponse From(Person person) =>
        new(person.Id, person.Upn, person.Name, person.Unit.Id, person.Municipality.Id, person.Extension);
}
