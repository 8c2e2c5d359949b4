using PresenceBot.Switchboard;

namespace PresenceBot.Tests.Switchboard;

public sealed class ApiKeyRulesTests
{
    private const string Good = "0123456789abcdef0123456789abcdef";

    [Fact]
    public void NamedLongDistinctKeys_AreFine()
    {
        Assert.Empty(ApiKeyRules.Problems(new Dictionary<string, string> { ["trio"] = Good, ["operator-page"] = Good + "x" }));
    }

    [Theory]
    [InlineData("0", Good, "keys have names now")]
    [InlineData("trio", "short-key", "at least 32 characters")]
    [InlineData("trio", "", "at least 32 characters")]
    [InlineData("trio växel", Good, "a name is 1–40 letters")]
    [InlineData("trio[1]", Good, "a name is 1–40 letters")]
    public void BadKey_IsNamedWithItsProblem(string name, string key, string problem)
    {
        var found = Assert.Single(ApiKeyRules.Problems(new Dictionary<string, string> { [name] = key }));

        Assert.StartsWith($"Switchboard:ApiKeys:{name}: ", found, StringComparison.Ordinal);
        Assert.Contains(problem, found, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSameKeyUnderTwoNames_IsRefused()
    {
        var found = Assert.Single(ApiKeyRules.Problems(new Dictionary<string, string> { ["trio"] = Good, ["telia"] = Good }));

        Assert.Contains("same key", found, StringComparison.Ordinal);
    }

    [Fact]
    public void AnAdminKeyNamingNoApiKey_IsNamedWithItsIndex()
    {
        var keys = new Dictionary<string, string> { ["trio"] = Good, ["ops"] = Good + "x" };

        Assert.Empty(ApiKeyRules.AdminProblems(keys, ["ops", "OPS"]));
        var found = Assert.Single(ApiKeyRules.AdminProblems(keys, ["ops", Good]));
        Assert.StartsWith("Switchboard:AdminKeys:1: names no key", found, StringComparison.Ordinal);
        Assert.DoesNotContain(Good, found, StringComparison.Ordinal);
    }
}
