using System.Net;
using PresenceBot.Tests.SignIn;

namespace PresenceBot.Tests.OperatorPage;

/// <summary>/switchboard and everything under it: signed-in operators with sign-in configured; a local browser, never a proxy, without.</summary>
public sealed class OperatorPageAccessTests
{
    public static TheoryData<string> Paths => new() { "/switchboard", "/switchboard/switchboard.js", "/switchboard/api/people", "/switchboard/api/session", "/switchboard/events" };

    [Fact]
    public async Task WithoutSignIn_ALoopbackBrowser_GetsThePage_WithItsOwnScriptsOnly()
    {
        await using var app = new PresenceBotApplication();
        using var client = app.CreateClient();

        using var response = await client.GetAsync(new Uri("/switchboard", UriKind.Relative));
        var html = await response.Content.ReadAsStringAsync();

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("<html lang=\"sv\">", html, StringComparison.Ordinal);
        Assert.Contains("script-src 'self'", response.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        Assert.Equal("DENY", response.Headers.GetValues("X-Frame-Options").Single());
    }

    [Theory]
    [InlineData("switchboard.html")]
    [InlineData("switchboard.css")]
    [InlineData("switchboard.js")]
    public async Task ThePageNeedsNothingFromAnotherOrigin(string file)
    {
        await using var app = new PresenceBotApplication();
        using var client = app.CreateClient();
        var path = file == "switchboard.html" ? "/switchboard" : $"/switchboard/{file}";

        var text = await client.GetStringAsync(new Uri(path, UriKind.Relative));

        Assert.DoesNotContain("http://", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("https://", text, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("//cdn", text, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task AnUnchangedFile_IsAnswered304OnItsETag()
    {
        await using var app = new PresenceBotApplication();
        using var client = app.CreateClient();
        using var first = await client.GetAsync(new Uri("/switchboard/switchboard.js", UriKind.Relative));
        using var again = new HttpRequestMessage(HttpMethod.Get, "/switchboard/switchboard.js");
        again.Headers.IfNoneMatch.Add(first.Headers.ETag!);

        using var response = await client.SendAsync(again);

        Assert.Equal(HttpStatusCode.NotModified, response.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task WithoutSignIn_ALoopbackRequestForAnotherName_IsRefused(string path)
    {
        // DNS rebinding: a web page's own name pointed at 127.0.0.1 reaches loopback, but names itself, not loopback.
        await using var app = new PresenceBotApplication();
        using var client = app.CreateClient();
        foreach (var (header, value) in new[] { ("Host", "evil.example"), ("Origin", "http://evil.example") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation(header, value);

            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        using var local = new HttpRequestMessage(HttpMethod.Get, path);
        local.Headers.TryAddWithoutValidation("Origin", "http://localhost:5080");
        using var allowed = await client.SendAsync(local, HttpCompletionOption.ResponseHeadersRead);
        Assert.NotEqual(HttpStatusCode.Forbidden, allowed.StatusCode);
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task WithoutSignIn_ARequestThroughAProxy_IsRefused(string path)
    {
        await using var app = new PresenceBotApplication();
        using var client = app.CreateClient();
        foreach (var (header, value) in new[] { ("X-Forwarded-For", "127.0.0.1"), ("Forwarded", "for=203.0.113.7"), ("X-Original-For", "127.0.0.1:50000") })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.TryAddWithoutValidation(header, value);

            using var response = await client.SendAsync(request);

            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }
    }

    [Theory]
    [MemberData(nameof(Paths))]
    public async Task WithSignIn_AVisitor_IsSentToSignIn(string path)
    {
        await using var app = SignedInApplication.Create();
        using var client = SignedInApplication.NoRedirectClient(app);

        using var response = await client.GetAsync(new Uri(path, UriKind.Relative));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith(SignedInApplication.AuthorizeEndpoint, response.Headers.Location!.AbsoluteUri, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Switchboard.Operator", HttpStatusCode.OK)]
    [InlineData("Switchboard.Admin", HttpStatusCode.OK)]
    [InlineData("", HttpStatusCode.Forbidden)]
    [InlineData("Some.Other", HttpStatusCode.Forbidden)]
    public async Task WithSignIn_TheOperatorOrAdminRole_GetsThePage(string roles, HttpStatusCode expected)
    {
        await using var app = SignedInApplication.Create();
        using var client = SignedInApplication.NoRedirectClient(app);
        foreach (var path in new[] { "/switchboard", "/switchboard/api/people" })
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, path);
            request.Headers.Add(TestSignInHandler.RolesHeader, roles);

            using var response = await client.SendAsync(request);

            Assert.Equal(expected, response.StatusCode);
        }
    }
}
