using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PresenceBot.GraphStandIn.Hosting;

namespace PresenceBot.GraphStandIn.Writes;

/// <summary><c>GET /dev/writes</c>: every Graph write received, in order, bodies as sent.</summary>
internal static class DevWritesEndpoints
{
    public static RouteGroupBuilder MapDevWrites(this RouteGroupBuilder dev)
    {
        dev.MapGet("/writes", List);
        return dev;
    }

    internal static IResult List(StandInState state) => Results.Json(new { value = state.Writes.All() }, GraphJson.Options);
}
