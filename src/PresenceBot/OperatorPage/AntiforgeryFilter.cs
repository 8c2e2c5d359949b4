using Microsoft.AspNetCore.Antiforgery;

namespace PresenceBot.OperatorPage;

/// <summary>
/// The page's writes carry the antiforgery token it was given (<see cref="OperatorPageApi.AntiforgeryHeader"/>) with
/// the matching cookie, so another site can't make a signed-in operator's browser register or end a referral.
/// </summary>
internal sealed class AntiforgeryFilter(IAntiforgery antiforgery) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (await antiforgery.IsRequestValidAsync(context.HttpContext).ConfigureAwait(false))
        {
            return await next(context).ConfigureAwait(false);
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status400BadRequest,
            title: "Sidan behöver laddas om.",
            detail: "Begäran saknar sidans skydd mot förfalskade anrop, eller så har det gått ut. Ladda om sidan och försök igen; inget sparades.");
    }
}
