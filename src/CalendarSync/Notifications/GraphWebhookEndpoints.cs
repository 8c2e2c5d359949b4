using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.Logging;
using NodaTime;
using PresenceBot.CalendarSync.Processing;
using PresenceBot.CalendarSync.Subscriptions;

namespace PresenceBot.CalendarSync.Notifications;

/// <summary>
/// Graph's webhooks. A notification is checked (shape, known subscription, clientState), recorded in the
/// durable work queue and answered 202 at once; the re-read happens later, in the queue's worker. 5xx only when recording
/// failed, so Graph retries exactly then.
/// </summary>
internal static class GraphWebhookEndpoints
{
    private const int MaxBodyBytes = 1024 * 1024;

    /// <summary>
    /// Items one request may carry. Graph batches a few hundred at most; a megabyte of tiny items is 20,000, each
    /// a check and a possible warning, so a request over this is refused whole (400) before any of them is looked at.
    /// </summary>
    public const int MaxNotificationsPerRequest = 1000;
    private static readonly string[] ChangeTypes = ["created", "updated", "deleted"];
    private static readonly string[] LifecycleEvents = [LifecycleEventNames.ReauthorizationRequired, LifecycleEventNames.SubscriptionRemoved, LifecycleEventNames.Missed];

    public static IEndpointRouteBuilder MapGraphNotifications(this IEndpointRouteBuilder app)
    {
        var graph = app.MapGroup("/api/graph").WithTags("Microsoft Graph").WithMetadata(new RequestSizeLimitAttribute(MaxBodyBytes));
        graph.MapPost("/notifications", ReceiveNotifications);
        graph.MapPost("/lifecycle", ReceiveLifecycle);
        return app;
    }

    public static Task<IResult> ReceiveNotifications(HttpContext http, [FromQuery] string? validationToken, WebhookIntake intake) =>
        Receive(http, validationToken, intake, lifecycle: false);

    public static Task<IResult> ReceiveLifecycle(HttpContext http, [FromQuery] string? validationToken, WebhookIntake intake) =>
        Receive(http, validationToken, intake, lifecycle: true);

    private static async Task<IResult> Receive(HttpContext http, string? validationToken, WebhookIntake intake, bool lifecycle)
    {
        // Graph's validation handshake: echo the (already URL-decoded) token as plain text, nothing else.
        if (validationToken is not null)
        {
            return TypedResults.Text(validationToken, "text/plain", Encoding.UTF8, StatusCodes.Status200OK);
        }

        if (http.Request.ContentLength > MaxBodyBytes)
        {
            return TypedResults.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        NotificationCollection? collection;
        try
        {
            collection = await JsonSerializer.DeserializeAsync<NotificationCollection>(http.Request.Body, cancellationToken: http.RequestAborted)
                .ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body is not a Graph notification collection.");
        }

        if (collection?.Value is not { } items)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "The body has no 'value' array.");
        }

        if (items.Count > MaxNotificationsPerRequest)
        {
            intake.RefuseOversized();
            return TypedResults.Problem(
                statusCode: StatusCodes.Status400BadRequest,
                title: $"More than {MaxNotificationsPerRequest} notifications in one request.",
                detail: $"{items.Count} items; Microsoft Graph sends a few hundred at most.");
        }

        return await intake.RecordAsync(items, lifecycle, http.RequestAborted).ConfigureAwait(false)
            ? TypedResults.Accepted((string?)null)
            : TypedResults.StatusCode(StatusCodes.Status503ServiceUnavailable);
    }

    /// <summary>Compares the echoed secret in constant time (hashing first evens out the lengths).</summary>
    internal static bool SameSecret(string? presented, string expected) =>
        presented is not null
        && CryptographicOperations.FixedTimeEquals(SHA256.HashData(Encoding.UTF8.GetBytes(presented)), SHA256.HashData(Encoding.UTF8.GetBytes(expected)));

    internal static bool IsChangeType(string? value) => value is not null && ChangeTypes.Contains(value, StringComparer.OrdinalIgnoreCase);

    internal static string? LifecycleEvent(string? value) => LifecycleEvents.FirstOrDefault(e => string.Equals(e, value, StringComparison.OrdinalIgnoreCase));
}
