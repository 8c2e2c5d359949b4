using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PresenceBot.GraphStandIn.Hosting;

namespace PresenceBot.GraphStandIn.Faults;

/// <summary><c>POST /dev/faults</c> arms a fault rule; <c>DELETE /dev/faults</c> clears them all.</summary>
internal static class DevFaultsEndpoints
{
    public static RouteGroupBuilder MapDevFaults(this RouteGroupBuilder dev)
    {
        dev.MapPost("/faults", AddAsync);
        dev.MapDelete("/faults", Clear);
        return dev;
    }

    internal static async Task<IResult> AddAsync(HttpRequest request, StandInState state, CancellationToken ct)
    {
        var (rule, error) = await RequestBody.ReadAsync<FaultRule>(request, ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        try
        {
            state.Faults.Add(rule!);
            return Results.NoContent();
        }
        catch (ArgumentException ex)
        {
            return GraphErrors.BadRequest(ex.Message);
        }
    }

    internal static IResult Clear(StandInState state)
    {
        state.Faults.Clear();
        return Results.NoContent();
    }
}
