namespace PresenceBot.Referrals.Referrals;

/// <summary>
/// A referral the rules don't allow (no return time, returning before it starts, in the past…).
/// <see cref="Field"/> names the input at fault so the HTTP edge and the bot can point at it.
/// </summary>
public sealed class ReferralRuleException : Exception
{
    public ReferralRuleException(string field, string message)
        : base(message)
    {
        Field = field;
    }

    public ReferralRuleException()
        : this("referral", "The referral breaks a rule.")
    {
    }

    public ReferralRuleException(string message)
        : this("referral", message)
    {
    }

    public ReferralRuleException(string message, Exception innerException)
        : base(message, innerException)
    {
        Field = "referral";
    }

    public string Field { get; } = "referral";
}
