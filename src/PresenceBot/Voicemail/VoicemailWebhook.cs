using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;
using PresenceBot.Hosting;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Voicemail;
using PresenceBot.Switchboard;

namespace PresenceBot.Voicemail;

/// <summary>
/// <c>POST /api/switchboard/voicemail</c>: the switchboard reports a voicemail (new, heard, deleted). Authenticated by
/// an HMAC signature of the raw body rather than an API key, and the event is stored before the 2xx.
/// </summary>
internal static class VoicemailWebhook
{
    /// <summary>An event is a few hundred bytes; anything near this is not one.</summary>
    public const int MaxBodyBytes = 64 * 1024;

    public static WebApplication MapVoicemailWebhook(this WebApplication app)
    {
        if (string.IsNullOrEmpty(app.Services.GetRequiredService<IOptions<SwitchboardOptions>>().Value.WebhookSecret))
        {
            Log.VoicemailWebhookClosed(app.Logger);
        }

        app.MapGroup("/api/switchboard").WithTags("Switchboard").MapPost("/voicemail", Receive);
        return app;
    }

    public static async Task<Results<Ok<VoicemailReceipt>, ProblemHttpResult, ValidationProblem>> Receive(
        HttpRequest request,
        IOptions<SwitchboardOptions> options,
        IOrganisationSource organisation,
        IVoicemailLedger ledger,
        TimeProvider time,
        ILoggerFactory loggers,
        CancellationToken cancellationToken)
    {
        var logger = loggers.CreateLogger(typeof(VoicemailWebhook).FullName!);
        var body = await LimitedBody.ReadAsync(request, MaxBodyBytes, cancellationToken).ConfigureAwait(false);
        if (body is null)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: $"Högst {MaxBodyBytes / 1024} kB.");
        }

        var secret = options.Value.WebhookSecret;
        if (string.IsNullOrEmpty(secret) || !WebhookSignature.IsValid(request.Headers[WebhookSignature.HeaderName], body.Value.Span, secret))
        {
            Log.VoicemailWebhookRefused(logger, string.IsNullOrEmpty(secret) ? "no secret is configured" : "missing or wrong signature");
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Signatur saknas eller är fel.",
                detail: $"Signera den råa kroppen med HMAC-SHA256 och skicka {WebhookSignature.HeaderName}: sha256=<hex>.");
        }

        var org = organisation.Current;
        var parsed = VoicemailEventParser.Parse(body.Value, org.TimeZone);
        if (parsed.Event is not { } received)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [parsed.Field] = [parsed.Problem] }, title: "Ogiltig röstbrevlådehändelse.");
        }

        if (org.FindPersonByAnyKey(received.Person) is not { } person)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Okänd person '{received.Person}'.",
                detail: "Ange personens id, UPN eller anknytning som den står i organisationsfilen.");
        }

        var outcome = await ledger.RecordAsync(new VoicemailMessage
        {
            Source = VoicemailSources.Switchboard,
            Id = received.Id,
            PersonId = person.Id,
            ReceivedAt = received.ReceivedAt,
            Caller = received.Caller,
            DurationSeconds = received.DurationSeconds,
            State = received.State,
        }, Instant.FromDateTimeOffset(time.GetUtcNow()), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new VoicemailReceipt(received.Id, person.Id, outcome.Created, outcome.State.ToString().ToLowerInvariant()));
    }
}
