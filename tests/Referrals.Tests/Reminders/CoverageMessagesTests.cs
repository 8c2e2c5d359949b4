using PresenceBot.Referrals.Reminders;

namespace PresenceBot.Referrals.Tests.Reminders;

public sealed class CoverageMessagesTests
{
    [Theory]
    [InlineData(1, 0, "Kansli behöver minst en som kan svara 10.00–11.30, men ingen kan.")]
    [InlineData(2, 0, "Kansli behöver minst 2 som kan svara 10.00–11.30, men ingen kan.")]
    [InlineData(3, 1, "Kansli behöver minst 3 som kan svara 10.00–11.30, men bara 1 kan.")]
    [InlineData(3, 2, "Kansli behöver minst 3 som kan svara 10.00–11.30, men bara 2 kan.")]
    public void Shortfall_ReadsAsASwedishSentence(int minimum, int reachable, string expected) =>
        Assert.Equal(expected, CoverageMessages.Shortfall("Kansli", minimum, reachable, "10.00–11.30"));
}
