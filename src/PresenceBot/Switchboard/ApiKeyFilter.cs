using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace PresenceBot.Switchboard;

/// <summary>
/// Requires a configured key in <c>X-Api-Key</c>, compared in constant time, and remembers which key (by its name)
/// let the request in, for the audit trail.
/// </summary>
internal sealed class ApiKeyFilter(IOptions<SwitchboardOptions> options) : IEndpointFilter
{
    public const string HeaderName = "X-Api-Key";
    private static readonly object KeyNameItem = new();

    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var keys = options.Value.ApiKeys;
        if (keys.Count == 0)
        {
            return await next(context).ConfigureAwait(false);
        }

        if (Match(context.HttpContext.Request.Headers[HeaderName].ToString(), keys) is { } name)
        {
            context.HttpContext.Items[KeyNameItem] = name;
            return await next(context).ConfigureAwait(false);
        }

        return TypedResults.Problem(
            statusCode: StatusCodes.Status401Unauthorized,
            title: "API-nyckel saknas eller är fel.",
            detail: $"Ange en giltig nyckel i huvudet {HeaderName}.");
    }

    /// <summary>The name of the key the request came in with; null when the API is open.</summary>
    public static string? KeyName(HttpContext context) => context.Items.TryGetValue(KeyNameItem, out var name) ? name as string : null;

    private static string? Match(string presented, IReadOnlyDictionary<string, string> keys)
    {
        // Hash first so the comparison takes the same time whatever the lengths; check every key.
        var presentedHash = SHA256.HashData(Encoding.UTF8.GetBytes(presented));
        string? match = null;
        foreach (var (name, key) in keys)
        {
            if (CryptographicOperations.FixedTimeEquals(presentedHash, SHA256.HashData(Encoding.UTF8.GetBytes(key.Trim()))))
            {
                match = name;
            }
        }

        return presented.Length > 0 ? match : null;
    }
}
