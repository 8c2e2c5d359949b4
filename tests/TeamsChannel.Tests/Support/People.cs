namespace PresenceBot.TeamsChannel.Tests.Support;

/// <summary>The people the channel's tests know: Kim, by the Entra object id Teams sends (the application's id for her too).</summary>
public static class People
{
    public const string KimId = "6f1c2a8e-3d4b-4c5e-9f60-7a8b9c0d1e2f";

    /// <summary>Someone with an Entra id whom the application does not know.</summary>
    public const string StrangerId = "00000000-0000-4000-8000-000000000001";
}
