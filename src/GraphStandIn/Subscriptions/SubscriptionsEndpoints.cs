using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Routing;
using PresenceBot.GraphStandIn.Hosting;

namespace PresenceBot.GraphStandIn.Subscriptions;

/// <summary>Graph's <c>/subscriptions</c>: create (with the validation handshake), renew, delete, read.</summary>
internal static class SubscriptionsEndpoints
{
    /// <summary>Graph's longest expiration for Outlook resources (events, messages): just under three days.</summary>
    public static readonly TimeSpan MaxExpiration = TimeSpan.FromMinutes(4230);

    private static readonly string[] ChangeTypes = ["created", "updated", "deleted"];

    public static RouteGroupBuilder MapSubscriptions(this RouteGroupBuilder graph)
    {
        graph.MapPost("/subscriptions", CreateAsync);
        graph.MapGet("/subscriptions", List);
        graph.MapGet("/subscriptions/{id}", Get);
        graph.MapPatch("/subscriptions/{id}", RenewAsync);
        graph.MapDelete("/subscriptions/{id}", Delete);
        graph.MapPost("/subscriptions/{id}/reauthorize", Reauthorize);
        return graph;
    }

    internal static async Task<IResult> CreateAsync(HttpRequest request, StandInState state, CancellationToken ct)
    {
        var (body, error) = await RequestBody.ReadAsync<SubscriptionRequest>(request, ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (Invalid(body!, state) is { } problem)
        {
            return GraphErrors.BadRequest(problem);
        }

        var handshake = new ValidationHandshake(state.Http, state.Options, state.Stats);
        foreach (var url in new[] { body!.NotificationUrl!, body.LifecycleNotificationUrl }.OfType<string>())
        {
            if (await handshake.ValidateAsync(url, ct).ConfigureAwait(false) is { } failure)
            {
                return GraphErrors.BadRequest($"Subscription validation request failed. Notification endpoint must respond with 200 OK to validation request. ({url}: {failure})");
            }
        }

        var subscription = new StandInSubscription
        {
            Id = Guid.NewGuid().ToString(),
            Resource = body.Resource!,
            ChangeType = string.Join(',', body.ChangeType!.Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)),
            NotificationUrl = body.NotificationUrl!,
            LifecycleNotificationUrl = body.LifecycleNotificationUrl,
            ClientState = body.ClientState,
            ExpirationDateTime = body.ExpirationDateTime!.Value.ToUniversalTime(),
        };
        state.Subscriptions.Put(subscription);
        return Results.Json(Render(subscription, state, "$metadata#subscriptions/$entity"), GraphJson.Options, statusCode: 201);
    }

    internal static IResult List(StandInState state) => Results.Json(
        new JsonObject
        {
            ["@odata.context"] = new Uri(state.BaseUrl, "$metadata#subscriptions").ToString(),
            ["value"] = new JsonArray([.. state.Subscriptions.Active().Select(s => (JsonNode)SubscriptionJson.Render(s, state.Options.ApplicationId))]),
        },
        GraphJson.Options);

    internal static IResult Get(string id, StandInState state) =>
        state.Subscriptions.Find(id) is { } subscription
            ? Results.Json(Render(subscription, state, "$metadata#subscriptions/$entity"), GraphJson.Options)
            : NotFound(id);

    internal static async Task<IResult> RenewAsync(string id, HttpRequest request, StandInState state, CancellationToken ct)
    {
        var (body, error) = await RequestBody.ReadAsync<SubscriptionRequest>(request, ct).ConfigureAwait(false);
        if (error is not null)
        {
            return error;
        }

        if (state.Subscriptions.Find(id) is not { } subscription)
        {
            return NotFound(id);
        }

        if (ExpirationProblem(body!.ExpirationDateTime, state) is { } problem)
        {
            return GraphErrors.BadRequest(problem);
        }

        var renewed = subscription with { ExpirationDateTime = body.ExpirationDateTime!.Value.ToUniversalTime() };
        state.Subscriptions.Put(renewed);
        return Results.Json(Render(renewed, state, "$metadata#subscriptions/$entity"), GraphJson.Options);
    }

    internal static IResult Delete(string id, StandInState state) =>
        state.Subscriptions.Remove(id) ? Results.NoContent() : NotFound(id);

    internal static IResult Reauthorize(string id, StandInState state) =>
        state.Subscriptions.Find(id) is null ? NotFound(id) : Results.NoContent();

    private static JsonObject Render(StandInSubscription subscription, StandInState state, string context)
    {
        var json = SubscriptionJson.Render(subscription, state.Options.ApplicationId);
        json.Insert(0, "@odata.context", new Uri(state.BaseUrl, context).ToString());
        return json;
    }

    private static IResult NotFound(string id) =>
        GraphErrors.Create(404, "ResourceNotFound", $"The object was not found. Subscription '{id}' does not exist.");

    private static string? Invalid(SubscriptionRequest body, StandInState state)
    {
        if (string.IsNullOrWhiteSpace(body.Resource))
        {
            return "resource is required.";
        }

        var changes = (body.ChangeType ?? "").Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries);
        if (changes.Length == 0 || changes.Any(c => !ChangeTypes.Contains(c, StringComparer.OrdinalIgnoreCase)))
        {
            return "changeType must be a comma-separated list of created, updated and deleted.";
        }

        foreach (var url in new[] { body.NotificationUrl, body.LifecycleNotificationUrl })
        {
            if (url is not null && (!Uri.TryCreate(url, UriKind.Absolute, out var parsed) || (parsed.Scheme != Uri.UriSchemeHttp && parsed.Scheme != Uri.UriSchemeHttps)))
            {
                return $"'{url}' is not an absolute http(s) URL.";
            }
        }

        return body.NotificationUrl is null ? "notificationUrl is required." : ExpirationProblem(body.ExpirationDateTime, state);
    }

    private static string? ExpirationProblem(DateTimeOffset? expiration, StandInState state)
    {
        var now = state.Options.TimeProvider.GetUtcNow();
        return expiration switch
        {
            null => "expirationDateTime is required.",
            { } e when e <= now => "Subscription expiration must be in the future.",
            { } e when e > now + MaxExpiration => $"Subscription expiration can only be {MaxExpiration.TotalMinutes:0} minutes in the future.",
            _ => null,
        };
    }
}
