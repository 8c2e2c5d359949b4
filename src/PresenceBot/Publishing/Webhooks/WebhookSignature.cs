using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PresenceBot.Publishing.Webhooks;

/// <summary>
/// The one signing scheme of PresenceBot's webhooks, outbound and inbound alike, so an integrator learns one:
/// <c>X-PresenceBot-Signature: sha256=&lt;hex HMAC-SHA256 over "{timestamp}.{raw body}"&gt;</c> with the timestamp
/// (Unix seconds) in <c>X-PresenceBot-Timestamp</c>. Signing the timestamp with the body lets a receiver reject a
/// replayed request once its timestamp is stale.
/// </summary>
public static class WebhookSignature
{
    public const string SignatureHeader = "X-PresenceBot-Signature";
    public const string TimestampHeader = "X-PresenceBot-Timestamp";
    public const string EventHeader = "X-PresenceBot-Event";
    private const string Prefix = "sha256=";

    public static string Sign(string secret, long unixSeconds, ReadOnlySpan<byte> body)
    {
        ArgumentException.ThrowIfNullOrEmpty(secret);
        var timestamp = Encoding.ASCII.GetBytes(unixSeconds.ToString(CultureInfo.InvariantCulture) + ".");
        var signed = new byte[timestamp.Length + body.Length];
        timestamp.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(timestamp.Length));
        return Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), signed));
    }

    /// <summary>True when <paramref name="signature"/> is this body's and timestamp's, compared in constant time.</summary>
    public static bool Matches(string secret, long unixSeconds, ReadOnlySpan<byte> body, string? signature)
    {
        if (signature is null || !signature.StartsWith(Prefix, StringComparison.Ordinal))
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, unixSeconds, body));
        var given = Encoding.ASCII.GetBytes(signature.Trim());
        return CryptographicOperations.FixedTimeEquals(expected, given);
    }
}
