using System.Security.Claims;
using Microsoft.Extensions.Options;
using PresenceBot.TeamsChannel.Activities;
using PresenceBot.TeamsChannel.Connector;

namespace PresenceBot.TeamsChannel.Authentication;

/// <summary>
/// What can only be checked with the activity in hand: the channel key's endorsement for its <c>channelId</c>,
/// the token's <c>serviceurl</c> claim against its <c>serviceUrl</c>, and the tenant against <c>Bot:AllowedTenants</c>.
/// A channel token must carry the claim whenever the activity has a service URL (as the Bot Framework SDK requires);
/// Entra tokens carry none, so their activities never vouch for a service URL.
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

        return !app.Value.IsAnonymous && IsChannelToken(context.User) ? InboundVerdict.Vouched : InboundVerdict.Accepted;
    }

    private static bool IsChannelToken(ClaimsPrincipal user) => user.FindFirstValue("iss") == BotAuthentication.ChannelIssuer;

    private static string? Unauthorized(Activity activity, HttpContext context)
    {
        var user = context.User;
        if (user.Identity?.IsAuthenticated != true)
        {
            return "no valid token";
        }

        if (!IsChannelToken(user))
        {
            // An Entra token (EntraCaller checked who asked for it) says nothing about service URLs.
            return null;
        }

        var endorsed = context.Features.Get<ChannelEndorsements>()?.Channels;
        if (activity.ChannelId is null || endorsed is null || !endorsed.Contains(activity.ChannelId))
        {
            return $"signing key not endorsed for channel '{activity.ChannelId}'";
        }

        var claimed = user.FindFirstValue(BotAuthentication.ServiceUrlClaim);
        if (string.IsNullOrEmpty(activity.ServiceUrl))
        {
            return null;
        }

        if (claimed is null)
        {
            return "the channel token has no serviceurl claim";
        }

        return ServiceUrl.Normalize(claimed) is { } vouched && string.Equals(vouched, ServiceUrl.Normalize(activity.ServiceUrl), StringComparison.Ordinal)
            ? null
            : "the token's serviceurl differs from the activity's";
    }
}
