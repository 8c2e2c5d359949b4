using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;
using PresenceBot.SignIn;

namespace PresenceBot.Tests.SignIn;

/// <summary>The policies as the host wires them, with or without sign-in configured.</summary>
public sealed class OperatorPoliciesTests
{
    [Theory]
    [InlineData(OperatorPolicies.Admin, "Switchboard.Admin", true)]
    [InlineData(OperatorPolicies.Admin, "Switchboard.Operator", false)]
    [InlineData(OperatorPolicies.Operator, "Switchboard.Operator", true)]
    [InlineData(OperatorPolicies.Operator, "Switchboard.Admin", true)]
    [InlineData(OperatorPolicies.Operator, "Switchboard.Reader", false)]
    [InlineData(OperatorPolicies.Operator, null, false)]
    public async Task Policy_NeedsItsRole(string policy, string? role, bool allowed)
    {
        await using var app = new PresenceBotApplication();
        var authorization = app.Services.GetRequiredService<IAuthorizationService>();
        var claims = role is null ? [] : new[] { new Claim("roles", role) };

        var result = await authorization.AuthorizeAsync(new ClaimsPrincipal(new ClaimsIdentity(claims, "Entra")), policy);

        Assert.Equal(allowed, result.Succeeded);
    }

    [Fact]
    public async Task Policy_RefusesAnUnauthenticatedPrincipalWithTheRoleClaim()
    {
        await using var app = new PresenceBotApplication();
        var authorization = app.Services.GetRequiredService<IAuthorizationService>();

        var result = await authorization.AuthorizeAsync(new ClaimsPrincipal(new ClaimsIdentity([new Claim("roles", OperatorRoles.Admin)])), OperatorPolicies.Admin);

        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task SignIn_IsConfiguredExactlyWhenAzureAdClientIdIsSet()
    {
        await using var without = new PresenceBotApplication();
        await using var with = SignedInApplication.Create();

        Assert.False(without.Services.GetRequiredService<OperatorSignIn>().IsConfigured);
        Assert.True(with.Services.GetRequiredService<OperatorSignIn>().IsConfigured);
    }
}
