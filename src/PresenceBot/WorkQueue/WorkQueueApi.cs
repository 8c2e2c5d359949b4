using Microsoft.AspNetCore.Http.HttpResults;
using PresenceBot.Switchboard;

namespace PresenceBot.WorkQueue;

/// <summary>
/// The admin's side of the work queue: put one kind's dead letters (named on <c>/readyz</c> under "work-queue") back
/// into the queue once the cause is fixed. An admin key, like the publishing replay.
/// </summary>
internal static class WorkQueueApi
{
    public static WebApplication MapWorkQueueApi(this WebApplication app)
    {
        var api = app.MapAdminGroup("/api/work").WithTags("Work queue");
        api.MapPost("/dead-letters/replay", ReplayDeadLetters);
        return app;
    }

    /// <param name="kind">The kind of work (<c>calendar-reread</c>, <c>referral-changed</c>, <c>publish:vaxeln</c>, …).</param>
    public static async Task<Results<Ok<ReplayResponse>, ProblemHttpResult>> ReplayDeadLetters(
        string? kind, IEnumerable<IWorkHandler> handlers, DeadLetters deadLetters, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(kind))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ange vilket slag av arbete.", detail: "/api/work/dead-letters/replay?kind={slag}, t.ex. calendar-reread.");
        }

        if (!handlers.Any(h => h.Kind.Name == kind.Trim()))
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: "Okänt slag av arbete.", detail: $"Inget arbete heter '{kind}'.");
        }

        return TypedResults.Ok(new ReplayResponse(await deadLetters.ReplayAsync(kind.Trim(), cancellationToken).ConfigureAwait(false)));
    }
}
