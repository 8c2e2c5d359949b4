using System.Security.Claims;
using PresenceBot.OperatorPage;

namespace PresenceBot.Tests.OperatorPage;

public sealed class OperatorActorTests
{
    [Fact]
    public void Of_ASignedInOperator_NamesThemAndTheirUpn()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("name", "Åsa Öberg"), new Claim("preferred_username", "asa.oberg@lystkom.se")], "Test"));

        Assert.Equal("switchboard[page]:Åsa Öberg (asa.oberg@lystkom.se)", OperatorActor.Of(user));
        Assert.Equal("Åsa Öberg", OperatorActor.DisplayName(user));
    }

    [Fact]
    public void Of_NobodySignedIn_IsTheLocalBrowser()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity());

        Assert.Equal("switchboard[page]:lokal", OperatorActor.Of(user));
        Assert.Null(OperatorActor.DisplayName(user));
    }

    [Fact]
    public void Of_ANameWithControlCharacters_FallsBackToTheUpn()
    {
        var user = new ClaimsPrincipal(new ClaimsIdentity([new Claim("name", "Eve\nadmin"), new Claim("preferred_username", "eve@lystkom.se")], "Test"));

        Assert.Equal("switchboard[page]:eve@lystkom.se", OperatorActor.Of(user));
    }
}
