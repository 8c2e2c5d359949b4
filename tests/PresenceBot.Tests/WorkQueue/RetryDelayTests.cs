using PresenceBot.WorkQueue;

namespace PresenceBot.Tests.WorkQueue;

public sealed class RetryDelayTests
{
    private static readonly TimeSpan First = TimeSpan.FromSeconds(5);
    private static readonly TimeSpan Max = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(1, 5)]
    [InlineData(2, 10)]
    [InlineData(3, 20)]
    [InlineData(7, 300)]
    [InlineData(50, 300)]
    public void After_doubles_from_the_first_delay_up_to_the_cap_and_jitters_within_the_upper_half(int attempt, int ceilingSeconds)
    {
        var ceiling = TimeSpan.FromSeconds(ceilingSeconds);

        Assert.Equal(ceiling / 2, RetryDelay.After(attempt, First, Max, random: 0));
        Assert.Equal(ceiling, RetryDelay.After(attempt, First, Max, random: 1));
        Assert.Equal(ceiling * 0.75, RetryDelay.After(attempt, First, Max, random: 0.5));
    }
}
