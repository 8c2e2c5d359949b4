namespace PresenceBot.Referrals.Service;

/// <summary>Another writer changed the person's referrals first; the service reloads and tries again.</summary>
public sealed class ReferralConcurrencyException : Exception
{
    public ReferralConcurrencyException()
    {
    }

    public ReferralConcurrencyException(string message)
        : base(message)
    {
    }

    public ReferralConcurrencyException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
