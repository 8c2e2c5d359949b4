using PresenceBot.Referrals.Forwarding;
using PresenceBot.Referrals.Tests.Service;

namespace PresenceBot.Referrals.Tests.Forwarding;

public sealed class ColleagueSearchTests
{
    [Theory]
    [InlineData("Olle Öppen")]
    [InlineData("olle oppen")]
    [InlineData("OLLE")]
    [InlineData("öpp")]
    [InlineData("olle-open")]
    public void Find_NameIdOrPartOfIt_FindsTheOne(string query) =>
        Assert.Equal(TestOrganisation.Olle, Assert.Single(ColleagueSearch.Find(TestOrganisation.Current, query)).Id);

    [Fact]
    public void Find_NobodyByThatName_ReturnsNone() => Assert.Empty(ColleagueSearch.Find(TestOrganisation.Current, "Ida Berg"));
}
