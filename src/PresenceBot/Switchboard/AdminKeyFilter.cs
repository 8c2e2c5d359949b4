using Microsoft.Extensions.Options;

namespace PresenceBot.Switchboard;

/// <summary>
/// After <see cref="ApiKeyFilter"/>: lets in only a request whose key is named in <c>Switchboard:AdminKeys</c> (403
/// otherwise). With no API keys configured the API is open (Development only), and so is this.
/// </summary>
internal sealed class AdminKeyFilter(IOptions<SwitchboardOptions> options) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var switchboard = options.Value;
        if (switchboard.ApiKeys.Count == 0
            || (ApiKeyFilter.KeyName(context.HttpContext) is { } name && switchboard.AdminKeys.Any(a => string.Equals(a.Trim(), name, StringComparison.OrdinalIgnoreCase))))
        {
            return await next(context).ConfigureAwait(false);
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Nyckeln får inte administrera.",
            detail: "Bara en nyckel som står i Switchboard:AdminKeys får göra detta.");
    }
}
