using Microsoft.AspNetCore.Antiforgery;
using Microsoft.AspNetCore.Http.HttpResults;
using NodaTime;
using PresenceBot.Forwarding;
using PresenceBot.Referrals.Coverage;
using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Service;
using PresenceBot.Referrals.WorkingTime;
using PresenceBot.Switchboard;

namespace PresenceBot.OperatorPage;

/// <summary>
/// The page's JSON, under the page's own access rule: who is working it, everyone now, one person, one unit; and its
/// writes, which go through the switchboard API's own register and return (same rules, same Swedish errors, nothing
/// stored on an error) with the signed-in operator as the actor.
/// </summary>
internal static class OperatorPageApi
{
    public const string AntiforgeryHeader = "X-PresenceBot-Antiforgery";

    private static readonly Duration Ahead = Duration.FromDays(7);

    public static Ok<SessionResponse> Session(HttpContext http, IAntiforgery antiforgery, ReferralService referrals, IOrganisationSource organisation)
    {
        ArgumentNullException.ThrowIfNull(http);
        var tokens = antiforgery.GetAndStoreTokens(http);
        var name = OperatorActor.DisplayName(http.User);
        var reasons = Enum.GetValues<Reason>()
            .Where(r => r == ReasonCatalog.Disclosed(r))
            .Select(r => new ReasonChoice(ReasonCatalog.Code(r), ReasonCatalog.SwedishWord(r)))
            .ToList();
        http.Response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new SessionResponse(
            name ?? "lokal webbläsare", name is not null, tokens.RequestToken!, ResponseMapping.Local(referrals.Now, organisation.Current.TimeZone), reasons));
    }

    public static async Task<Ok<DirectoryResponse>> Directory(
        HttpResponse response, IOrganisationSource organisation, ReferralService referrals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var org = organisation.Current;
        var statuses = await referrals.StatusOfAsync(org.People, cancellationToken).ConfigureAwait(false);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new DirectoryResponse(
            ResponseMapping.Local(referrals.Now, org.TimeZone),
            org.Units.Select(OperatorView.Entry).ToList(),
            statuses.Select(s => OperatorView.Entry(s, org.TimeZone)).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList()));
    }

    public static async Task<Results<Ok<PersonDetail>, ProblemHttpResult>> Person(
        string person, HttpResponse response, IOrganisationSource organisation, ReferralService referrals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var org = organisation.Current;
        if (org.FindPerson(person) is not { } found)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Okänd person '{person}'.");
        }

        var status = await referrals.StatusAsync(found, cancellationToken).ConfigureAwait(false);
        var ahead = await referrals.TimelineAsync(found, new Interval(status.At, status.At + Ahead), cancellationToken).ConfigureAwait(false);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(OperatorView.Detail(status, ahead, org.TimeZone));
    }

    public static async Task<Results<Ok<UnitView>, ProblemHttpResult>> Unit(
        string unit, HttpResponse response, IOrganisationSource organisation, ReferralService referrals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(response);
        var org = organisation.Current;
        if (org.FindUnit(unit) is not { } found)
        {
            return TypedResults.Problem(statusCode: StatusCodes.Status404NotFound, title: $"Okänd enhet '{unit}'.");
        }

        var members = org.MembersOf(found).ToList();
        var statuses = await referrals.StatusOfAsync(members, cancellationToken).ConfigureAwait(false);
        var now = statuses.Count > 0 ? statuses[0].At : referrals.Now;
        var calendar = new WorkingCalendar(org);
        var today = now.InZone(org.TimeZone).Date;
        var day = new Interval(today.AtStartOfDayInZone(org.TimeZone).ToInstant(), today.PlusDays(1).AtStartOfDayInZone(org.TimeZone).ToInstant());
        var timelines = await referrals.TimelinesAsync(members, day, cancellationToken).ConfigureAwait(false);
        var gaps = CoverageCalculator.Gaps(found, members.Select(m => new MemberTimeline(m, timelines[m.Id])).ToList(), day, calendar);
        response.Headers.CacheControl = "no-store";
        return TypedResults.Ok(new UnitView(
            OperatorView.Entry(found),
            found.MinimumStaffed,
            statuses.Select(s => OperatorView.Entry(s, org.TimeZone)).OrderBy(p => p.Name, StringComparer.CurrentCulture).ToList(),
            statuses.Where(s => s.Segment is not { } segment || !CoverageCalculator.IsUnreachable(segment)).Select(s => s.Person.Id).ToList(),
            PhoneHours.On(found, today, calendar).Select(h => OperatorView.Stretch(h, now, org.TimeZone)).ToList(),
            gaps.Select(g => OperatorView.Gap(g, now, org.TimeZone)).ToList()));
    }

    /// <summary>The body is the API's (<see cref="ManualReferralRequest"/> as JSON), read and checked by the API's own code.</summary>
    public static Task<Results<Ok<ReferralStatusResponse>, ProblemHttpResult, ValidationProblem>> Register(
        string person,
        HttpRequest http,
        IOrganisationSource organisation,
        ReferralService referrals,
        ForwardingService forwarding,
        ForwardingNotices notices,
        CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        return SwitchboardApi.RegisterAsync(person, http, OperatorActor.Of(http.HttpContext.User), organisation, referrals, forwarding, notices, cancellationToken);
    }

    public static Task<Results<Ok<ReferralStatusResponse>, ProblemHttpResult>> End(
        string person, HttpContext http, IOrganisationSource organisation, ReferralService referrals, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(http);
        return SwitchboardApi.EndAsync(person, OperatorActor.Of(http.User), organisation, referrals, cancellationToken);
    }
}
