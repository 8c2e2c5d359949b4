using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace PresenceBot.TeamsChannel.Tests.Support;

/// <summary>
/// Stands in for login.botframework.com and login.microsoftonline.com: OpenID metadata and JWKS with test RSA keys
/// (one endorsed for msteams, one only for another channel, one Entra key), and tokens signed with them.
/// </summary>
public sealed class LocalOpenIdIssuer : IAsyncDisposable
{
    public const string ChannelIssuer = "https://api.botframework.com";
    public const string EndorsedKid = "channel-key";
    public const string UnendorsedKid = "other-channel-key";
    public const string EntraKid = "entra-key";

    private readonly Dictionary<string, RSA> _keys = new()
    {
        [EndorsedKid] = RSA.Create(2048),
        [UnendorsedKid] = RSA.Create(2048),
        [EntraKid] = RSA.Create(2048),
    };

    private LoopbackServer _server = null!;

    /// <summary>Signs tokens that claim the endorsed key's id: a bad signature.</summary>
    public RSA RogueKey { get; } = RSA.Create(2048);

    public string ChannelMetadataUrl => $"{_server.BaseUrl}/v1/.well-known/openidconfiguration";

    public string EntraMetadataUrl => $"{_server.BaseUrl}/{{tenant}}/v2.0/.well-known/openid-configuration";

    public static async Task<LocalOpenIdIssuer> StartAsync()
    {
        var issuer = new LocalOpenIdIssuer();
        issuer._server = await LoopbackServer.StartAsync(issuer.ServeAsync);
        return issuer;
    }

    public static string EntraIssuer(string tenant) => $"https://login.microsoftonline.com/{tenant}/v2.0";

    /// <summary>An Entra v2 token of <paramref name="tenant"/> to <paramref name="audience"/>, requested by app <paramref name="azp"/>.</summary>
    public string CreateEntraToken(DateTimeOffset now, string audience, string tenant, string azp) =>
        CreateToken(now, audience, issuer: EntraIssuer(tenant), kid: EntraKid,
            extraClaims: new Dictionary<string, object> { ["ver"] = "2.0", ["azp"] = azp, ["tid"] = tenant });

    public string CreateToken(
        DateTimeOffset now,
        string audience,
        string issuer = ChannelIssuer,
        string kid = EndorsedKid,
        string? serviceUrl = null,
        TimeSpan? expiresIn = null,
        RSA? signWith = null,
        IReadOnlyDictionary<string, object>? extraClaims = null)
    {
        var claims = new Dictionary<string, object>(extraClaims ?? new Dictionary<string, object>());
        if (serviceUrl is not null)
        {
            claims["serviceurl"] = serviceUrl;
        }

        var expires = now + (expiresIn ?? TimeSpan.FromHours(1));
        return new JsonWebTokenHandler { SetDefaultTimesOnTokenCreation = false }.CreateToken(new SecurityTokenDescriptor
        {
            Issuer = issuer,
            Audience = audience,
            IssuedAt = (now - TimeSpan.FromMinutes(1)).UtcDateTime,
            NotBefore = (now - TimeSpan.FromMinutes(1)).UtcDateTime,
            Expires = expires.UtcDateTime,
            Claims = claims,
            SigningCredentials = new SigningCredentials(new RsaSecurityKey(signWith ?? _keys[kid]) { KeyId = kid }, SecurityAlgorithms.RsaSha256),
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _server.DisposeAsync();
        foreach (var key in _keys.Values)
        {
            key.Dispose();
        }

        RogueKey.Dispose();
    }

    private async Task ServeAsync(HttpContext context)
    {
        var path = context.Request.Path.Value ?? string.Empty;
        JsonObject? body = path switch
        {
            "/v1/.well-known/openidconfiguration" => Metadata(ChannelIssuer, "/v1/keys"),
            "/v1/keys" => Keys((EndorsedKid, ["msteams", "emulator"]), (UnendorsedKid, ["skype"])),
            "/entra/keys" => Keys((EntraKid, [])),
            _ when path.EndsWith("/v2.0/.well-known/openid-configuration", StringComparison.Ordinal) =>
                Metadata(EntraIssuer(path.Split('/')[1]), "/entra/keys"),
            _ => null,
        };
        if (body is null)
        {
            context.Response.StatusCode = 404;
            return;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(body.ToJsonString());
    }

    private JsonObject Metadata(string issuer, string keysPath) => new()
    {
        ["issuer"] = issuer,
        ["jwks_uri"] = _server.BaseUrl + keysPath,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    };

    private JsonObject Keys(params (string Kid, string[] Endorsements)[] keys)
    {
        var array = new JsonArray();
        foreach (var (kid, endorsements) in keys)
        {
            var parameters = _keys[kid].ExportParameters(includePrivateParameters: false);
            var key = new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = kid,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
            if (endorsements.Length > 0)
            {
                key["endorsements"] = new JsonArray(endorsements.Select(e => (JsonNode)e).ToArray());
            }

            array.Add(key);
        }

        return new JsonObject { ["keys"] = array };
    }
}
