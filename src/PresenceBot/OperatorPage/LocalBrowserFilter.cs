using PresenceBot.Security;

namespace PresenceBot.OperatorPage;

/// <summary>Without operator sign-in the page answers only a browser on this machine (<see cref="LocalBrowser"/>), like the job dashboard.</summary>
internal sealed class LocalBrowserFilter : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        ArgumentNullException.ThrowIfNull(context);
        ArgumentNullException.ThrowIfNull(next);
        if (LocalBrowser.IsLocal(context.HttpContext))
        {
            return await next(context).ConfigureAwait(false);
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status403Forbidden,
            title: "Operatörssidan visas bara på servern själv.",
            detail: "Utan inloggning (AzureAd) svarar sidan bara en webbläsare på samma dator, aldrig genom en proxy. Konfigurera inloggning med Entra ID för att nå den härifrån.");
    }
}
