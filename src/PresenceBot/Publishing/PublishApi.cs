using Microsoft.AspNetCore.Http.HttpResults;
using PresenceBot.Switchboard;
using PresenceBot.WorkQueue;

namespace PresenceBot.Publishing;

/// <summary>
/// The admin's side of publishing: put dead letters back into the queue once the receiver is fixed. Keyed like the
/// switchboard API, with a key named in <c>Switchboard:AdminKeys</c>.
/// </summary>
internal static class PublishApi
{
    public static WebApplication MapPublishApi(this WebApplication app)
    {
        var api = app.MapAdminGroup("/api/publish").WithTags("Publishing");
        api.MapPost("/dead-letters/replay", ReplayDeadLetters);
        return app;
    }

    /// <param name="destination">One destination's name (a webhook's name, <c>teams-status</c>, …); all when absent.</param>
    public static async Task<Results<Ok<ReplayResponse>, ProblemHttpResult>> ReplayDeadLetters(
        string? destination, Publishers publishers, DeadLetters deadLetters, CancellationToken cancellationToken)
    {
        var kinds = publishers.All.Select(p => p.Kind.Name)
            .Where(kind => destination is null || kind == PublishSetup.KindPrefix + destination.Trim())
            .ToList();
        if (destination is not null && kinds.Count == 0)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Okänd mottagare.", detail: $"Ingen publiceringsmottagare heter '{destination}'.");
        }

        var replayed = 0;
        foreach (var kind in kinds)
        {
            replayed += await deadLetters.ReplayAsync(kind, cancellationToken).ConfigureAwait(false);
        }

        return TypedResults.Ok(new ReplayResponse(replayed));
    }
}
