using System.Net;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using PresenceBot.GraphStandIn.Batching;
using PresenceBot.GraphStandIn.Calendars;
using PresenceBot.GraphStandIn.Directory;
using PresenceBot.GraphStandIn.Faults;
using PresenceBot.GraphStandIn.Mail;
using PresenceBot.GraphStandIn.Notifications;
using PresenceBot.GraphStandIn.Presence;
using PresenceBot.GraphStandIn.Stats;
using PresenceBot.GraphStandIn.Subscriptions;
using PresenceBot.GraphStandIn.Writes;

namespace PresenceBot.GraphStandIn.Hosting;

/// <summary>
/// Builds the stand-in's own little web app. An empty builder on purpose: in-process in the product's host it must
/// not read the host's appsettings (a "Kestrel" section there would add endpoints here) or its logging.
/// </summary>
internal static class StandInApp
{
    public static WebApplication Build(StandInState state)
    {
        var builder = WebApplication.CreateEmptyBuilder(new WebApplicationOptions { ApplicationName = "PresenceBot.GraphStandIn" });
        builder.WebHost.UseKestrelCore().ConfigureKestrel(k => k.Listen(IPAddress.Loopback, state.Options.Port));
        builder.Services.AddRoutingCore();
        builder.Services.AddSingleton(state);
        var app = builder.Build();

        app.Use(async (context, next) =>
        {
            state.Stats.Request(StatsEndpoints.Kind(context.Request.Method, context.Request.Path));
            await next(context).ConfigureAwait(false);
        });
        app.Use((context, next) => WriteRecording.InvokeAsync(context, () => next(context), state.Writes, state.Options.TimeProvider));
        app.Use((context, next) => FaultMiddleware.InvokeAsync(context, () => next(context), state.Faults));
        app.UseRouting();

        // Graph ignores nothing it doesn't need; here the Authorization header is accepted and ignored.
        app.MapGroup("/v1.0")
            .MapSubscriptions()
            .MapEvents()
            .MapEventList()
            .MapEventWrites()
            .MapMessages()
            .MapDirectory()
            .MapPresence()
            .MapBatch();
        app.MapGroup("/dev")
            .MapDevEvents()
            .MapDevMessages()
            .MapDevPresence()
            .MapDevWrites()
            .MapDevDirectory()
            .MapDevLifecycle()
            .MapDevFaults()
            .MapDevStats();
        app.MapFallback(NotFound);
        return app;
    }

    private static IResult NotFound(HttpContext context) =>
        GraphErrors.Create(400, "BadRequest", $"Resource not found for the segment '{context.Request.Path}'. The Graph stand-in does not serve it.");
}
