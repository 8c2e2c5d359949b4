namespace PresenceBot.CalendarSync.Graph;

/// <summary>How the app authenticates to Microsoft Graph (<c>Graph:Credential</c>).</summary>
public enum GraphCredentialKind
{
    /// <summary>Send no token: for the local stand-in or another Graph-compatible server.</summary>
    None,
    ClientSecret,
    Certificate,
    ManagedIdentity,
}
