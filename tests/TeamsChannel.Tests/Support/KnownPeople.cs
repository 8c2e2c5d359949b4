using PresenceBot.TeamsChannel.Turns;

namespace PresenceBot.TeamsChannel.Tests.Support;

/// <summary>A person directory that knows only the ids it is given (the Entra object id is the person's id).</summary>
public sealed class KnownPeople(params string[] ids) : IBotPersonDirectory
{
    public string? FindPersonId(string aadObjectId) => ids.FirstOrDefault(id => string.Equals(id, aadObjectId, StringComparison.OrdinalIgnoreCase));
}
