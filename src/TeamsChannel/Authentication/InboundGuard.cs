using System.Security.Claims;
using Microsoft.Extensions.Options;
using PresenceBot.TeamsChannel.Activities;
using PresenceBot.TeamsChannel.Connector;

namespace PresenceBot.TeamsChannel.Authentication;

/// <summary>
/// What can only be checked with the activity in hand: the channel key's endorsement for its <c>channelId</c>,
/// the token's <c>serviceurl</c> claim against its <c>serviceUrl</c>, and the tenant against <c>Bot:AllowedTenants</c>.
/// </summary>
internal sealed class InboundGuard(IOptions<MicrosoftAppOptions> app, IOptions<BotOptions> bot, ILogger<InboundGuard> logger)
{
    public InboundVerdict Check(Activity activity, HttpContext context)
    {
        if (!app.Value.IsAnonymous && Unauthorized(activity, context) is { } reason)
        {
            ChannelLog.Unauthorized(logger, reason);
            return InboundVerdict.Unauthorized;
        }

        var allowed = bot.Value.AllowedTenants;
        var tenant = activity.TenantId();
        if (allowed.Count > 0 && (tenant is null || !allowed.Contains(tenant, StringComparer.OrdinalIgnoreCase)))
        {
            ChannelLog.TenantRefused(logger, tenant);
            return InboundVerdict.Forbidden;
        }

        return InboundVerdict.Accepted;
    }

    private static string? Unauthorized(Activity activity, HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return "no valid token";
        }

        if (user.FindFirstValue("iss") == BotAuthentication.ChannelIssuer)
        {
            var endorsed = context.Features.Get<ChannelEndorsements>()?.Channels;
            if (activity.ChannelId is null || endorsed is null || !endorsed.Contains(activity.ChannelId))
            {
                return $"signing key not endorsed for channel '{activity.ChannelId}'";
            }
        }

        var claimed = user.FindFirstValue(BotAuthentication.ServiceUrlClaim);
        if (claimed is not null && !string.Equals(ServiceUrl.Normalize(claimed), ServiceUrl.Normalize(activity.ServiceUrl), StringComparison.Ordinal))
        {
            return "the token's serviceurl differs from the activity's";
        }

        return null;
    }
}
