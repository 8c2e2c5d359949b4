namespace PresenceBot.Tests.Publishing;

/// <summary>The scan itself: a privacy test that finds nothing must be one that would have found something.</summary>
public sealed class PrivacyScanTests
{
    [Theory]
    [InlineData("Är SJUKSKRIVEN och återkommer", "sjuk")]
    [InlineData("{\"reason\":\"sick\"}", "sick")]
    [InlineData("Long illness", "illness")]
    [InlineData("Lönesamtal med chefen", "Lönesamtal")]
    public void Leaks_FindsSickWordsAndSecretsWhateverTheirCase(string text, string found)
    {
        var leak = Assert.Single(PrivacyScan.Leaks([new OutboundWrite("webhook vaxeln", text)], ["lönesamtal"]));

        Assert.StartsWith("webhook vaxeln got", leak, StringComparison.Ordinal);
        Assert.Contains(found, leak, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void Leaks_IsEmptyForWhatMayBeSaid()
    {
        Assert.Empty(PrivacyScan.Leaks(
            [new OutboundWrite("teams status messages", "Är frånvarande och återkommer klockan 15.00."), new OutboundWrite("webhook vaxeln", "{\"reason\":\"away\"}")],
            ["Lönesamtal"]));
    }

    [Fact]
    public void Webhook_bodies_are_scanned_without_their_json_escapes()
    {
        var writes = new OutboundWrites().Add("webhook raw", () => ["{\"note\":\"L\\u00f6nesamtal\"}"]);

        // Escaped, the Swedish word would slip past a scan of the raw text.
        Assert.Empty(PrivacyScan.Leaks(writes.All(), ["Lönesamtal"]));
        Assert.Single(PrivacyScan.Leaks([new OutboundWrite("webhook", OutboundWrites.Unescaped("{\"note\":\"L\\u00f6nesamtal\"}"))], ["Lönesamtal"]));
    }
}
