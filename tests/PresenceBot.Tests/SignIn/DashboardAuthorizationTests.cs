using System.Net;

namespace PresenceBot.Tests.SignIn;

/// <summary>/hangfire over real HTTP: signed-in admins with sign-in configured; a local browser, never a proxy, without.</summary>
public sealed class DashboardAuthorizationTests
{
    [Fact]
    public async Task WithoutSignIn_ALoopbackBrowser_IsServed()
    {
        await using var app = new PresenceBotApplication();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Theory]
    [InlineData("X-Forwarded-For", "203.0.113.7")]
    [InlineData("X-Forwarded-For", "127.0.0.1")]
    [InlineData("Forwarded", "for=203.0.113.7;proto=https")]
    public async Task WithoutSignIn_ARequestThroughAProxy_IsRefusedThoughItComesFromLoopback(string header, string value)
    {
        await using var app = new PresenceBotApplication();
        using var client = app.CreateClient();
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.TryAddWithoutValidation(header, value);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task WithSignIn_AVisitor_IsSentToSignIn_NotServed()
    {
        await using var app = SignedInApplication.Create();
        using var client = SignedInApplication.NoRedirectClient(app);

        using var response = await client.GetAsync(new Uri("/hangfire", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(SignedInApplication.AuthorizeEndpoint, response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Switchboard.Admin", HttpStatusCode.OK)]
    [InlineData("Switchboard.Operator,Switchboard.Admin", HttpStatusCode.OK)]
    [InlineData("Switchboard.Operator", HttpStatusCode.Forbidden)]
    [InlineData("", HttpStatusCode.Forbidden)]
    public async Task WithSignIn_OnlyTheAdminRole_SeesTheDashboard(string roles, HttpStatusCode expected)
    {
        await using var app = SignedInApplication.Create();
        using var client = SignedInApplication.NoRedirectClient(app);
        using var request = new HttpRequestMessage(HttpMethod.Get, "/hangfire");
        request.Headers.Add(TestSignInHandler.RolesHeader, roles);

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task WithSignIn_ALoopbackBrowserWithoutSignIn_IsNotLetIn()
    {
        // Behind a proxy on the same host every request is loopback: with sign-in configured, loopback counts for nothing.
        await using var app = SignedInApplication.Create();
        using var client = SignedInApplication.NoRedirectClient(app);

        using var response = await client.GetAsync(new Uri("/hangfire/jobs/enqueued", UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
    }
}
