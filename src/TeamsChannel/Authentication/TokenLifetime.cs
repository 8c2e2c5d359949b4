namespace PresenceBot.TeamsChannel.Authentication;

/// <summary>A token's lifetime judged on the injected clock (IdentityModel's own check reads the system clock).</summary>
internal static class TokenLifetime
{
    public static bool IsValid(DateTime? notBefore, DateTime? expires, DateTimeOffset now, TimeSpan skew)
    {
        if (expires is not { } end)
        {
            return false;
        }

        var utcNow = now.UtcDateTime;
        return (notBefore is not { } start || start.ToUniversalTime() <= utcNow + skew) && utcNow - skew < end.ToUniversalTime();
    }
}
