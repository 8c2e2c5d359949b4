namespace PresenceBot.TeamsChannel.Turns;

/// <summary>
/// Who the sender of an activity is to the application: the host maps a Teams user's Entra object id to its own id
/// for the person (conversation references and proactive messages are keyed by it).
/// </summary>
public interface IBotPersonDirectory
{
    /// <summary>The application's id for the person with this Entra object id; null when the application does not know them.</summary>
    string? FindPersonId(string aadObjectId);
}
