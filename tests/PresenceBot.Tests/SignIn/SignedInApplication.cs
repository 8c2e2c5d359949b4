using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;

namespace PresenceBot.Tests.SignIn;

/// <summary>
/// The host with operator sign-in configured (AzureAd), offline: Entra's metadata is given rather than fetched, so a
/// challenge redirects to <see cref="AuthorizeEndpoint"/>; <see cref="TestSignInHandler"/> stands in for a signed-in user.
/// </summary>
internal static class SignedInApplication
{
    public const string AuthorizeEndpoint = "https://login.example.test/tenant/oauth2/v2.0/authorize";

    /// <summary>A client on the host's real address that shows redirects instead of following them.</summary>
    public static HttpClient NoRedirectClient(PresenceBotApplication app)
    {
        using var probe = app.CreateClient();
        // Over Kestrel the factory's own handler follows redirects whatever its options say: a plain handler instead.
        return new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = false }) { BaseAddress = probe.BaseAddress };
    }

    public static PresenceBotApplication Create() => new(
        new Dictionary<string, string?>
        {
            ["AzureAd:Instance"] = "https://login.microsoftonline.com/",
            ["AzureAd:TenantId"] = "5b7c9d1e-2f3a-4b5c-6d7e-8f9a0b1c2d3e",
            ["AzureAd:ClientId"] = "9a8b7c6d-5e4f-4a3b-2c1d-0e9f8a7b6c5d",
            ["AzureAd:ClientSecret"] = "test-client-secret",
        },
        services: services =>
        {
            services.AddAuthentication().AddScheme<AuthenticationSchemeOptions, TestSignInHandler>(TestSignInHandler.SchemeName, null);
            services.PostConfigure<AuthenticationOptions>(o => o.DefaultAuthenticateScheme = TestSignInHandler.SchemeName);
            services.PostConfigure<OpenIdConnectOptions>(OpenIdConnectDefaults.AuthenticationScheme, o =>
            {
                var metadata = new OpenIdConnectConfiguration { AuthorizationEndpoint = AuthorizeEndpoint, Issuer = "https://login.example.test/tenant/v2.0" };
                o.Configuration = metadata;
                o.ConfigurationManager = new StaticConfigurationManager<OpenIdConnectConfiguration>(metadata);
            });
        });
}
