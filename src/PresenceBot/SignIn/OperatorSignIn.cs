namespace PresenceBot.SignIn;

/// <summary>Whether operators sign in with Entra ID here: <c>AzureAd:ClientId</c> is set.</summary>
internal sealed record OperatorSignIn(bool IsConfigured)
{
    public const string SectionName = "AzureAd";
}
