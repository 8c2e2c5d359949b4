using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace PresenceBot.TeamsChannel.Authentication;

/// <summary>
/// Validates the JWT on every activity: Bot Framework channel tokens (issuer <c>https://api.botframework.com</c>,
/// keys from the Bot Framework's OpenID metadata) and, for single-tenant bots, Entra tokens of the bot's tenant
/// requested by the bot's own app (<see cref="EntraCaller"/>). Audience is the app id; at most five minutes' clock
/// skew, on the injected clock. Only a channel token vouches for a service URL (<see cref="InboundGuard"/>).
/// </summary>
internal static class BotAuthentication
{
    public const string PolicyName = "BotFramework";
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string ServiceUrlClaim = "serviceurl";
    private const string SelectorScheme = "BotFramework";
    private const string ChannelScheme = "BotFramework.Channel";
    private const string EntraScheme = "BotFramework.Entra";
    private static readonly TimeSpan MaxClockSkew = TimeSpan.FromMinutes(5);

    public static void Add(IServiceCollection services)
    {
        services.AddAuthentication()
            .AddJwtBearer(ChannelScheme)
            .AddJwtBearer(EntraScheme)
            .AddPolicyScheme(SelectorScheme, displayName: null, o => o.ForwardDefaultSelector = SelectScheme);
        services.AddAuthorizationBuilder().AddPolicy(PolicyName, policy => policy.AddAuthenticationSchemes(SelectorScheme).RequireAuthenticatedUser());

        services.AddOptions<JwtBearerOptions>(ChannelScheme).Configure<IOptions<BotOptions>, IOptions<MicrosoftAppOptions>, TimeProvider>((jwt, bot, app, time) =>
        {
            Configure(jwt, bot.Value.ChannelOpenIdMetadataUrl, [ChannelIssuer], app.Value, time);
            jwt.Events = new JwtBearerEvents { OnTokenValidated = ChannelEndorsements.CaptureAsync };
        });
        services.AddOptions<JwtBearerOptions>(EntraScheme).Configure<IOptions<BotOptions>, IOptions<MicrosoftAppOptions>, TimeProvider>((jwt, bot, app, time) =>
        {
            var tenant = app.Value.MicrosoftAppTenantId ?? "invalid";
            Configure(jwt, bot.Value.EntraOpenIdMetadataUrl.Replace("{tenant}", tenant, StringComparison.Ordinal),
                [$"https://login.microsoftonline.com/{tenant}/v2.0", $"https://sts.windows.net/{tenant}/"], app.Value, time);
            jwt.Events = new JwtBearerEvents { OnTokenValidated = EntraCaller.CheckAsync };
        });
    }

    private static void Configure(JwtBearerOptions jwt, string metadataUrl, string[] issuers, MicrosoftAppOptions app, TimeProvider time)
    {
        var metadata = new Uri(metadataUrl);
        jwt.MapInboundClaims = false;
        jwt.ConfigurationManager = new ConfigurationManager<OpenIdConnectConfiguration>(
            metadataUrl, new OpenIdConnectConfigurationRetriever(), new HttpDocumentRetriever { RequireHttps = !metadata.IsLoopback });
        jwt.TokenValidationParameters = new TokenValidationParameters
        {
            ValidIssuers = issuers,
            ValidAudience = app.MicrosoftAppId,
            ValidateIssuer = true,
            ValidateAudience = true,
            ValidateLifetime = true,
            RequireExpirationTime = true,
            RequireSignedTokens = true,
            ValidAlgorithms = [SecurityAlgorithms.RsaSha256],
            ClockSkew = MaxClockSkew,
            LifetimeValidator = (notBefore, expires, _, parameters) => TokenLifetime.IsValid(notBefore, expires, time.GetUtcNow(), parameters.ClockSkew),
        };
    }

    /// <summary>Channel tokens go to the channel scheme; others (Entra) to the Entra scheme when the bot is single-tenant.</summary>
    private static string SelectScheme(HttpContext context)
    {
        var header = context.Request.Headers.Authorization.ToString();
        var app = context.RequestServices.GetRequiredService<IOptions<MicrosoftAppOptions>>().Value;
        if (!app.IsSingleTenant || !header.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return ChannelScheme;
        }

        return UnverifiedIssuer(header["Bearer ".Length..].Trim()) is { } issuer && issuer != ChannelIssuer ? EntraScheme : ChannelScheme;
    }

    /// <summary>The issuer a token names, unverified (only to pick the scheme that verifies it); null for anything not a readable JWT.</summary>
    private static string? UnverifiedIssuer(string token)
    {
        var handler = new JsonWebTokenHandler();
        try
        {
            return handler.CanReadToken(token) ? handler.ReadJsonWebToken(token).Issuer : null;
        }
        catch (Exception ex) when (ex is ArgumentException or SecurityTokenException or FormatException or System.Text.Json.JsonException)
        {
            // Garbage shaped like a JWT: the channel scheme refuses it (401), it must never be a 500.
            return null;
        }
    }
}
