using PresenceBot.Referrals.Service;
using PresenceBot.SignIn;

namespace PresenceBot.OperatorPage;

/// <summary>
/// <c>/switchboard</c>: the operators' page (embedded HTML, CSS and JavaScript), its JSON under <c>/switchboard/api</c>
/// and its live updates at <c>/switchboard/events</c>. With operator sign-in, the role Switchboard.Operator (or Admin);
/// without, a browser on this machine only, never through a proxy — the job dashboard's rule.
/// </summary>
internal static class OperatorPageSetup
{
    public static IHostApplicationBuilder AddOperatorPage(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OperatorPageOptions>().BindConfiguration(OperatorPageOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddAntiforgery(o =>
        {
            o.HeaderName = OperatorPageApi.AntiforgeryHeader;
            o.Cookie.Name = "PresenceBot.Antiforgery";
        });
        services.AddSingleton<PageAssets>();
        services.AddSingleton<ChangeFeed>();
        services.AddSingleton<IReferralChangeHandler, ChangeFeedHandler>();
        services.AddHostedService<AuditPoller>();
        return builder;
    }

    public static WebApplication MapOperatorPage(this WebApplication app)
    {
        var signedIn = app.Services.GetRequiredService<OperatorSignIn>().IsConfigured;
        var page = app.MapGroup("/switchboard").ExcludeFromDescription();
        if (signedIn)
        {
            page.RequireAuthorization(OperatorPolicies.Operator);
        }
        else
        {
            page.AddEndpointFilter<LocalBrowserFilter>();
        }

        page.MapGet("", (HttpContext http, PageAssets assets) => assets.Serve(http, "switchboard.html"));
        page.MapGet("/switchboard.css", (HttpContext http, PageAssets assets) => assets.Serve(http, "switchboard.css"));
        page.MapGet("/switchboard.js", (HttpContext http, PageAssets assets) => assets.Serve(http, "switchboard.js"));
        page.MapGet("/events", ChangeStream.Stream);

        var api = page.MapGroup("/api");
        api.MapGet("/session", OperatorPageApi.Session);
        api.MapGet("/people", OperatorPageApi.Directory);
        api.MapGet("/people/{person}", OperatorPageApi.Person);
        api.MapGet("/units/{unit}", OperatorPageApi.Unit);
        api.MapPut("/people/{person}/referral", OperatorPageApi.Register).AddEndpointFilter<AntiforgeryFilter>();
        api.MapDelete("/people/{person}/referral", OperatorPageApi.End).AddEndpointFilter<AntiforgeryFilter>();

        OperatorPageLog.PageAccess(app.Logger, signedIn ? "signed-in operators (Switchboard.Operator or Switchboard.Admin)" : "a browser on this machine only (no sign-in configured)");
        return app;
    }
}
