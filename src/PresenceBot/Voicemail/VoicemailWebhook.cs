using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;
using PresenceBot.Hosting;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Voicemail;
using PresenceBot.Security;
using PresenceBot.Switchboard;

namespace PresenceBot.Voicemail;

/// <summary>
/// <c>POST /api/switchboard/voicemail</c>: the switchboard reports a voicemail (new, heard, deleted). Authenticated by
/// an HMAC signature of a timestamp and the raw body (<see cref="WebhookSignature"/>) rather than an API key, and the event is stored before the 2xx.
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

        if (app.Services.GetRequiredService<IOptions<SwitchboardOptions>>().Value.AcceptUnsignedTimestamp)
        {
            SecurityLog.VoicemailWebhookReplayable(app.Logger);
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
        var problem = string.IsNullOrEmpty(secret) ? "no secret is configured" : WebhookSignature.Problem(
            request.Headers[WebhookSignature.HeaderName], request.Headers[WebhookSignature.TimestampHeaderName], body.Value.Span, secret,
            time.GetUtcNow(), options.Value.AcceptUnsignedTimestamp);
        if (problem is not null)
        {
            Log.VoicemailWebhookRefused(logger, problem);
            return TypedResults.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Signatur saknas eller är fel.",
                detail: $"Skicka {WebhookSignature.TimestampHeaderName}: <Unix-sekunder, högst fem minuter fel> och "
                    + $"{WebhookSignature.HeaderName}: sha256=<hex HMAC-SHA256 av \"{{tidsstämpel}}.{{rå kropp}}\">.");
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
