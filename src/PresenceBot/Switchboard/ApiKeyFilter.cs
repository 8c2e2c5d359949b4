using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PresenceBot.Switchboard;

/// <summary>Requires a configured key in <c>X-Api-Key</c>, compared in constant time.</summary>
internal sealed class ApiKeyFilter(IOptions<SwitchboardOptions> options) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var keys = options.Value.ApiKeys;
        if (keys.Count == 0 || IsKnown(context.HttpContext.Request.Headers[HeaderName].ToString(), keys))
        {
            return await next(context).ConfigureAwait(false);
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "API-nyckel saknas eller är fel.",
            detail: $"Ange en giltig nyckel i huvudet {HeaderName}.");
    }

    private static bool IsKnown(string presented, IReadOnlyList<string> keys)
    {
        // Hash first so the comparison takes the same time whatever the lengths; check every key.
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        var match = false;
        foreach (var key in keys)
        {
            match |= CryptographicOperations.FixedTimeEquals(presentedHash, SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        }

        return match && presented.Length > 0;
    }
}
