using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace PresenceBot.LoadRun;

/// <summary>
/// A bare Kestrel endpoint: reads the body of every POST or PUT and answers 202, nothing else. Run side by side with the
/// service in the same load, its answer times are the floor this machine, runtime and client give any endpoint, so
/// the webhook's figures can be judged against it rather than against a number measured on a quieter day.
/// </summary>
internal static class BareEndpoint
{
    public static async Task<int> RunAsync(string url)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls(url);
        builder.Logging.ClearProviders();
        await using var app = builder.Build();
        app.MapMethods("/{**path}", [HttpMethods.Post, HttpMethods.Put], async (HttpContext context) =>
        {
            await context.Request.Body.CopyToAsync(Stream.Null, context.RequestAborted).ConfigureAwait(false);
            return Results.StatusCode(StatusCodes.Status202Accepted);
        });
        await app.RunAsync().ConfigureAwait(false);
        return 0;
    }
}
