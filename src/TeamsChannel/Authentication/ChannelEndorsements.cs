using System.Text.Json;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.IdentityModel.JsonWebTokens;

namespace PresenceBot.TeamsChannel.Authentication;

/// <summary>
/// The channels the signing key of a channel token is endorsed for (the <c>endorsements</c> of its JWKS entry).
/// The activity's <c>channelId</c> is only known once the body is read, so the set is kept on the request and
/// checked by <see cref="InboundGuard"/>.
/// </summary>
internal sealed record ChannelEndorsements(IReadOnlySet<string> Channels)
{
    public static async Task CaptureAsync(TokenValidatedContext context)
    {
        var channels = new HashSet<string>(StringComparer.OrdinalIgnoreCase);
        if (context.SecurityToken is JsonWebToken token && context.Options.ConfigurationManager is { } manager)
        {
            var configuration = await manager.GetConfigurationAsync(context.HttpContext.RequestAborted).ConfigureAwait(false);
            var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == token.Kid);
            if (key is not null && key.AdditionalData.TryGetValue("endorsements", out var endorsements))
            {
                channels.UnionWith(Read(endorsements));
            }
        }

        context.HttpContext.Features.Set(new ChannelEndorsements(channels));
    }

    private static IEnumerable<string> Read(object? endorsements) => endorsements switch
    {
        JsonElement { ValueKind: JsonValueKind.Array } array => array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!),
        IEnumerable<object> list => list.Select(e => e?.ToString()).OfType<string>(),
        string single => [single],
        _ => [],
    };
}
