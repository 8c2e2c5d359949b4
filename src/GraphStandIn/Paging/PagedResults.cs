using Microsoft.AspNetCore.Http;
using PresenceBot.GraphStandIn.Hosting;

namespace PresenceBot.GraphStandIn.Paging;

/// <summary>Answers a request that follows an <c>@odata.nextLink</c> (it carries <c>$skiptoken</c>) from the stored result.</summary>
internal static class PagedResults
{
    /// <summary>The next page when the request carries a <c>$skiptoken</c>; null when it is a first request.</summary>
    public static IResult? NextPage(HttpRequest request, StandInState state)
    {
        var skipToken = request.Query["$skiptoken"].ToString();
        if (skipToken.Length == 0)
        {
            return null;
        }

        return state.Pages.FindPage(skipToken) is { } query
            ? Results.Json(state.Pages.Render(query, state.BaseUrl), GraphJson.Options)
            : GraphErrors.InvalidParameter("The $skiptoken is not valid.");
    }
}
