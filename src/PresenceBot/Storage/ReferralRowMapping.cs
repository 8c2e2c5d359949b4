using System.Text.Json;
using NodaTime;
using NodaTime.Text;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Storage.Rows;

namespace PresenceBot.Storage;

/// <summary>Converts between domain referrals and their rows, and snapshots referrals for the audit trail.</summary>
internal static class ReferralRowMapping
{
    public static Referral ToDomain(this ReferralRow row) => new(
        row.Id,
        row.PersonId,
        Enum.Parse<Reason>(row.Reason),
        row.Start,
        row.ReturnsAt,
        Enum.Parse<PhoneState>(row.Phone),
        Enum.Parse<ReferralSource>(row.Source),
        row.Note,
        row.ExternalKey,
        row.EndedAt);

    public static ReferralRow ToRow(this Referral referral, Instant updatedAt)
    {
        var row = new ReferralRow { PersonId = referral.PersonId, Reason = "", Phone = "", Source = "" };
        row.CopyFrom(referral, updatedAt);
        return row;
    }

    public static void CopyFrom(this ReferralRow row, Referral referral, Instant updatedAt)
    {
        row.Id = referral.Id;
        row.PersonId = referral.PersonId;
        row.Reason = referral.Reason.ToString();
        row.Start = referral.Start;
        row.ReturnsAt = referral.ReturnsAt;
        row.EndedAt = referral.EndedAt;
        row.Phone = referral.Phone.ToString();
        row.Source = referral.Source.ToString();
        row.Note = referral.Note;
        row.ExternalKey = referral.ExternalKey;
        row.UpdatedAt = updatedAt;
    }

    /// <summary>A readable JSON snapshot; stays in our own database, never leaves it.</summary>
    public static string? Snapshot(Referral? referral) => referral is null
        ? null
        : JsonSerializer.Serialize(new
        {
            id = referral.Id,
            reason = ReasonCatalog.Code(referral.Reason),
            start = InstantPattern.ExtendedIso.Format(referral.Start),
            returnsAt = InstantPattern.ExtendedIso.Format(referral.ReturnsAt),
            endedAt = referral.EndedAt is { } ended ? InstantPattern.ExtendedIso.Format(ended) : null,
            phone = referral.Phone.ToString().ToLowerInvariant(),
            source = referral.Source.ToString().ToLowerInvariant(),
            note = referral.Note,
            externalKey = referral.ExternalKey,
        });
}
