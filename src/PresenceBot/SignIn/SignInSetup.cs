using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.OpenIdConnect;
using Microsoft.Identity.Web;

namespace PresenceBot.SignIn;

/// <summary>
/// Operator sign-in with Entra ID (OpenID Connect through Microsoft.Identity.Web), configured in the <c>AzureAd</c>
/// section with the library's own keys (Instance, TenantId, ClientId, and ClientSecret or ClientCertificates). Pages
/// and endpoints that need it ask for a policy of <see cref="OperatorPolicies"/>; the policies exist either way, the
/// sign-in only when <c>AzureAd:ClientId</c> is set.
/// </summary>
internal static class SignInSetup
{
    public static IHostApplicationBuilder AddOperatorSignIn(this IHostApplicationBuilder builder)
    {
        var section = builder.Configuration.GetSection(OperatorSignIn.SectionName);
        var signIn = new OperatorSignIn(!string.IsNullOrWhiteSpace(section["ClientId"]));
        builder.Services.AddSingleton(signIn);
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(OperatorPolicies.Operator, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => OperatorRoles.IsOperator(c.User)))
            .AddPolicy(OperatorPolicies.Admin, policy => policy.RequireAuthenticatedUser().RequireAssertion(c => OperatorRoles.IsAdmin(c.User)));
        if (!signIn.IsConfigured)
        {
            return builder;
        }

        builder.Services
            .AddAuthentication(o =>
            {
                o.DefaultScheme = CookieAuthenticationDefaults.AuthenticationScheme;
                o.DefaultChallengeScheme = OpenIdConnectDefaults.AuthenticationScheme;
            })
            .AddMicrosoftIdentityWebApp(section);
        builder.Services.Configure<CookieAuthenticationOptions>(CookieAuthenticationDefaults.AuthenticationScheme, cookie =>
        {
            cookie.Cookie.Name = "PresenceBot.Operator";
            cookie.Cookie.HttpOnly = true;
            cookie.Cookie.SecurePolicy = CookieSecurePolicy.Always;
            cookie.Cookie.SameSite = SameSiteMode.Lax;
            cookie.ExpireTimeSpan = TimeSpan.FromHours(8);
            // Signed in without the role: a plain 403, not a redirect to an access-denied page this service doesn't have.
            cookie.Events.OnRedirectToAccessDenied = context =>
            {
                context.Response.StatusCode = StatusCodes.Status403Forbidden;
                return Task.CompletedTask;
            };
        });
        return builder;
    }

    public static WebApplication LogOperatorSignIn(this WebApplication app)
    {
        if (app.Services.GetRequiredService<OperatorSignIn>().IsConfigured)
        {
            Security.SecurityLog.SignInConfigured(app.Logger);
        }
        else
        {
            Security.SecurityLog.SignInNotConfigured(app.Logger);
        }

        return app;
    }
}
