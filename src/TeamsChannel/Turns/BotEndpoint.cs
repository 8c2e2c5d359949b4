using System.Text.Json;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using PresenceBot.TeamsChannel.Activities;
using PresenceBot.TeamsChannel.Authentication;
using PresenceBot.TeamsChannel.Connector;

namespace PresenceBot.TeamsChannel.Turns;

/// <summary><c>POST /api/messages</c>: where the Bot Framework (or the Emulator) delivers activities.</summary>
public static class BotEndpoint
{
    public const string Path = "/api/messages";

    /// <summary>Teams activities are a few kB (an Adaptive Card submit at most tens): anything larger is refused unread.</summary>
    public const long MaxBodyBytes = 256 * 1024;

    public static WebApplication MapBotEndpoint(this WebApplication app)
    {
        var identity = app.Services.GetRequiredService<IOptions<MicrosoftAppOptions>>().Value;
        var endpoint = app.MapPost(Path, ReceiveAsync).WithTags("Teams");
        if (identity.IsAnonymous)
        {
            ChannelLog.AnonymousMode(app.Logger);
            endpoint.AllowAnonymous();
        }
        else
        {
            ChannelLog.AuthenticatedMode(app.Logger, identity.MicrosoftAppId!, identity.MicrosoftAppType);
            endpoint.RequireAuthorization(BotAuthentication.PolicyName);
        }

        return app;
    }

    internal static async Task<Results<Ok, JsonHttpResult<AdaptiveCardInvokeResponse>, UnauthorizedHttpResult, ProblemHttpResult>> ReceiveAsync(
        HttpRequest request, InboundGuard guard, ActivityProcessor processor, ILogger<ActivityProcessor> logger, CancellationToken cancellationToken)
    {
        if (!LimitBody(request))
        {
            return TooLarge(logger);
        }

        Activity? activity;
        try
        {
            activity = await ReadAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (BadHttpRequestException ex) when (ex.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            // A chunked body without a length that grew past the limit while being read.
            return TooLarge(logger);
        }

        if (activity is null)
        {
            return BadRequest(logger, "not a JSON activity");
        }

        if (Malformed(activity) is { } reason)
        {
            return BadRequest(logger, reason);
        }

        var verdict = guard.Check(activity, request.HttpContext);
        switch (verdict)
        {
            case InboundVerdict.Unauthorized:
                return TypedResults.Unauthorized();
            case InboundVerdict.Forbidden:
                return TypedResults.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Organisationen har inte tillgång till PresenceBot.");
        }

        var invokeResponse = await processor.ProcessAsync(activity, serviceUrlVouched: verdict == InboundVerdict.Vouched, cancellationToken).ConfigureAwait(false);
        return invokeResponse is null ? TypedResults.Ok() : TypedResults.Json(invokeResponse, ChannelJson.Options);
    }

    /// <summary>Refuses a declared length over the limit before reading, and makes the server stop reading an undeclared one at the limit.</summary>
    private static bool LimitBody(HttpRequest request)
    {
        if (request.ContentLength > MaxBodyBytes)
        {
            return false;
        }

        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
        {
            limit.MaxRequestBodySize = MaxBodyBytes;
        }

        return true;
    }

    private static ProblemHttpResult TooLarge(ILogger logger)
    {
        ChannelLog.Malformed(logger, $"body larger than {MaxBodyBytes} bytes");
        return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Aktiviteten är för stor.");
    }

    private static ProblemHttpResult BadRequest(ILogger logger, string reason)
    {
        ChannelLog.Malformed(logger, reason);
        return TypedResults.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Ogiltig aktivitet.", detail: reason);
    }

    private static async Task<Activity?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.HasJsonContentType())
        {
            return null;
        }

        try
        {
            return await JsonSerializer.DeserializeAsync<Activity>(request.Body, ChannelJson.Options, cancellationToken).ConfigureAwait(false);
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>Activities the bot acts on must say where to answer; others are accepted and ignored whatever they hold.</summary>
    private static string? Malformed(Activity activity)
    {
        if (string.IsNullOrWhiteSpace(activity.Type))
        {
            return "type is missing";
        }

        if (activity.Type is not (ActivityTypes.Message or ActivityTypes.Invoke or ActivityTypes.InstallationUpdate or ActivityTypes.ConversationUpdate))
        {
            return null;
        }

        if (ServiceUrl.Normalize(activity.ServiceUrl) is null)
        {
            return "serviceUrl is missing or not an absolute http(s) URL";
        }

        return string.IsNullOrWhiteSpace(activity.Conversation?.Id) ? "conversation.id is missing" : null;
    }
}
