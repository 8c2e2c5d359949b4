using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using NodaTime;
using PresenceBot.Forwarding;
using PresenceBot.Hosting;
using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Service;

namespace PresenceBot.Switchboard;

/// <summary>
/// The switchboard's HTTP API: status now, a unit's status, a timeline, and referrals registered by an
/// operator on someone's behalf. Everything goes through <see cref="ReferralService"/>.
/// </summary>
internal static class SwitchboardApi
{
    private const string OperatorHeader = "X-Operator";
    private static readonly Duration MaxTimelineSpan = Duration.FromDays(62);

    public static IHostApplicationBuilder AddSwitchboardApi(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SwitchboardOptions>().BindConfiguration(SwitchboardOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddSingleton<ApiKeyFilter>();
        builder.Services.AddSingleton<AdminKeyFilter>();
        return builder;
    }

    public static WebApplication MapSwitchboardApi(this WebApplication app)
    {
        if (app.Services.GetRequiredService<IOptions<SwitchboardOptions>>().Value.ApiKeys.Count == 0)
        {
            Log.SwitchboardApiOpen(app.Logger);
        }

        var api = app.MapGroup("/api/referrals").AddEndpointFilter<ApiKeyFilter>().WithTags("Switchboard");
        api.MapGet("/", GetUnit);
        api.MapGet("/{person}", GetStatus);
        api.MapGet("/{person}/timeline", GetTimeline);
        api.MapPut("/{person}/manual", SetManual);
        api.MapDelete("/{person}/manual", ReturnNow);
        return app;
    }

    public static async Task<Results<Ok<ReferralStatusResponse>, ProblemHttpResult>> GetStatus(
        string person, IOrganisationSource organisation, ReferralService referrals, CancellationToken cancellationToken)
    {
        if (organisation.Current.FindPerson(person) is not { } found)
        {
            return UnknownPerson(person);
        }

        var status = await referrals.StatusAsync(found, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(status.ToResponse(organisation.Current.TimeZone));
    }

    public static async Task<Results<Ok<UnitResponse>, ProblemHttpResult, ValidationProblem>> GetUnit(
        string? unit, IOrganisationSource organisation, ReferralService referrals, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(unit))
        {
            return Invalid("unit", "Ange enheten: /api/referrals?unit={enhetens id}.");
        }

        var org = organisation.Current;
        if (org.FindUnit(unit) is not { } found)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Okänd enhet '{unit}'.");
        }

        var statuses = await referrals.StatusOfAsync(org.MembersOf(found).ToList(), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new UnitResponse(found.Id, found.Name, found.Municipality.Id, statuses.Select(s => s.ToResponse(org.TimeZone)).ToList()));
    }

    public static async Task<Results<Ok<TimelineResponse>, ProblemHttpResult, ValidationProblem>> GetTimeline(
        string person, string? from, string? to, IOrganisationSource organisation, ReferralService referrals, CancellationToken cancellationToken)
    {
        var org = organisation.Current;
        if (org.FindPerson(person) is not { } found)
        {
            return UnknownPerson(person);
        }

        var start = referrals.Now;
        if (from is not null && !ApiTime.TryParse(from, org.TimeZone, out start))
        {
            return Invalid("from", $"'{from}' är ingen tid (ISO 8601, t.ex. 2026-11-23T08:00:00+01:00).");
        }

        var end = start + Duration.FromDays(7);
        if (to is not null && !ApiTime.TryParse(to, org.TimeZone, out end))
        {
            return Invalid("to", $"'{to}' är ingen tid (ISO 8601, t.ex. 2026-11-23T17:00:00+01:00).");
        }

        if (end <= start)
        {
            return Invalid("to", "Slutet måste vara efter början.");
        }

        if (end - start > MaxTimelineSpan)
        {
            return Invalid("to", $"Högst {MaxTimelineSpan.Days} dagar åt gången.");
        }

        var segments = await referrals.TimelineAsync(found, new Interval(start, end), cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(new TimelineResponse(
            PersonResponse.From(found),
            ResponseMapping.Local(start, org.TimeZone),
            ResponseMapping.Local(end, org.TimeZone),
            segments.Select(s => s.ToResponse(org.TimeZone)).ToList()));
    }

    /// <remarks>
    /// The body is read here, not bound: the API key (an endpoint filter) is checked before a byte of it is read, a
    /// declared length over <see cref="ManualReferralBody.MaxBytes"/> is refused unread, and every problem with it
    /// names its field in Swedish.
    /// </remarks>
    public static Task<Results<Ok<ReferralStatusResponse>, ProblemHttpResult, ValidationProblem>> SetManual(
        string person,
        HttpRequest http,
        IOrganisationSource organisation,
        ReferralService referrals,
        ForwardingService forwarding,
        ForwardingNotices notices,
        CancellationToken cancellationToken) =>
        RegisterAsync(person, http, Actor(http), organisation, referrals, forwarding, notices, cancellationToken);

    /// <summary>
    /// Registers a referral from a JSON body of <see cref="ManualReferralRequest"/>'s shape, as <paramref name="actor"/>: the
    /// API's rules and Swedish errors, and nothing stored on an error. The operator page registers through this too.
    /// </summary>
    public static async Task<Results<Ok<ReferralStatusResponse>, ProblemHttpResult, ValidationProblem>> RegisterAsync(
        string person,
        HttpRequest http,
        string actor,
        IOrganisationSource organisation,
        ReferralService referrals,
        ForwardingService forwarding,
        ForwardingNotices notices,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        if (LimitedBody.IsDeclaredTooLarge(http, ManualReferralBody.MaxBytes))
        {
            return TooLarge();
        }

        if (http.ContentType is { } contentType && !http.HasJsonContentType())
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status415UnsupportedMediaType, title: "Kroppen ska vara JSON.",
                detail: $"Skicka Content-Type: application/json, inte {contentType}.");
        }

        var org = organisation.Current;
        if (org.FindPerson(person) is not { } found)
        {
            return UnknownPerson(person);
        }

        if (await LimitedBody.ReadAsync(http, ManualReferralBody.MaxBytes, cancellationToken).ConfigureAwait(false) is not { } body)
        {
            return TooLarge();
        }

        if (ManualReferralBody.Parse(body, out var errors) is not { } request)
        {
            return TypedResults.ValidationProblem(errors, title: "Ogiltig begäran.");
        }

        if (!ReasonCatalog.TryParse(request.Reason, out var reason))
        {
            return Invalid("reason", $"Okänd eller saknad orsak '{request.Reason}'. Giltiga: {string.Join(", ", ReasonCatalog.Codes)}.");
        }

        if (string.IsNullOrWhiteSpace(request.Until))
        {
            return Invalid("until", "Återkomsttid saknas: en hänvisning måste ha både orsak och återkomsttid.");
        }

        if (!ApiTime.TryParse(request.Until, org.TimeZone, out var until))
        {
            return Invalid("until", $"'{request.Until}' är ingen tid (ISO 8601, t.ex. 2026-11-23T15:00:00+01:00).");
        }

        Instant? start = null;
        if (request.From is not null)
        {
            if (!ApiTime.TryParse(request.From, org.TimeZone, out var parsedFrom))
            {
                return Invalid("from", $"'{request.From}' är ingen tid (ISO 8601).");
            }

            start = parsedFrom;
        }

        PhoneState? phone = request.Phone?.Trim().ToLowerInvariant() switch
        {
            null => null,
            "open" => PhoneState.Open,
            "closed" => PhoneState.Closed,
            _ => (PhoneState?)(PhoneState)(-1),
        };
        if (phone is (PhoneState)(-1))
        {
            return Invalid("phone", $"'{request.Phone}' är inget telefonläge (open eller closed).");
        }

        var (proposal, colleague, forwardError) = await ApiForwarding.CheckAsync(request, found, start, until, org, forwarding, cancellationToken)
            .ConfigureAwait(false);
        if (forwardError is { } refused)
        {
            return refused.Unreachable is { } unreachable
                ? TypedResults.ValidationProblem(new Dictionary<string, string[]> { [refused.Field] = [refused.Message] }, title: "Ogiltig begäran.",
                    extensions: new Dictionary<string, object?> { ["unreachable"] = unreachable })
                : Invalid(refused.Field, refused.Message);
        }

        try
        {
            // The referral and its forwarding are one change set (one transaction): both are stored or neither.
            var result = await referrals.SetAsync(new SetReferral
            {
                PersonId = found.Id,
                Reason = reason,
                Until = until,
                From = start,
                Phone = phone,
                Note = request.Note,
                Source = ReferralSource.Switchboard,
                Actor = actor,
                Forwarding = proposal?.Forwarding,
            }, cancellationToken).ConfigureAwait(false);

            // A repeated PUT of the same forwarding is no news to the colleague. The notice is queued, not sent here, so a
            // Teams failure is retried by the work queue instead of leaving the colleague untold.
            if (proposal is not null && colleague is not null && result.ForwardingChanged)
            {
                await notices.QueueColleagueNoticeAsync(found, colleague, proposal.Forwarding, cancellationToken).ConfigureAwait(false);
                if (!proposal.ReachableThroughout)
                {
                    await notices.MarkConflictToldAsync(found, colleague, proposal.Forwarding, cancellationToken).ConfigureAwait(false);
                }
            }

            return TypedResults.Ok(result.Status.ToResponse(org.TimeZone));
        }
        catch (ReferralRuleException ex)
        {
            return Invalid(ex.Field, ex.Message);
        }
    }

    public static Task<Results<Ok<ReferralStatusResponse>, ProblemHttpResult>> ReturnNow(
        string person, HttpRequest http, IOrganisationSource organisation, ReferralService referrals, CancellationToken cancellationToken) =>
        EndAsync(person, Actor(http), organisation, referrals, cancellationToken);

    /// <summary>Return now, as <paramref name="actor"/> (the API and the operator page).</summary>
    public static async Task<Results<Ok<ReferralStatusResponse>, ProblemHttpResult>> EndAsync(
        string person, string actor, IOrganisationSource organisation, ReferralService referrals, CancellationToken cancellationToken)
    {
        if (organisation.Current.FindPerson(person) is not { } found)
        {
            return UnknownPerson(person);
        }

        var result = await referrals.ReturnNowAsync(found.Id, ReferralSource.Switchboard, actor, cancellationToken).ConfigureAwait(false);
        return TypedResults.Ok(result.Status.ToResponse(organisation.Current.TimeZone));
    }

    /// <summary>Who registered it, for the audit trail: the API key's name and the operator's, if the switchboard sends one.</summary>
    private static string Actor(HttpRequest http) => SwitchboardActor.Of(ApiKeyFilter.KeyName(http.HttpContext), http.Headers[OperatorHeader].ToString());

    private static ProblemHttpResult UnknownPerson(string person) =>
        TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Okänd person '{person}'.",
            detail: "Ange personens id eller UPN (e-postadress) som den står i organisationsfilen.");

    private static ProblemHttpResult TooLarge() =>
        TypedResults.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Begäran är för stor.",
            detail: $"Kroppen får vara högst {ManualReferralBody.MaxBytes / 1024} kB.");

    private static ValidationProblem Invalid(string field, string message) =>
        TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [message] }, title: "Ogiltig begäran.");
}
