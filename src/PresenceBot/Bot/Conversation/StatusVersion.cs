using System.Globalization;
using PresenceBot.Referrals.Service;

namespace PresenceBot.Bot.Conversation;

/// <summary>
/// Names what was in force when a card was drawn: the referral and its return time, or "available". A card whose
/// version no longer matches was drawn from a status that has since changed, and must not overwrite it.
/// </summary>
internal static class StatusVersion
{
    public const string Available = "available";

    public static string Of(EffectiveStatus status) =>
        status.Segment is { Referral: { } referral } segment
            ? string.Create(CultureInfo.InvariantCulture, $"{referral.Id:N}@{segment.ReturnsAt.ToUnixTimeMilliseconds()}")
            : Available;
}
