using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace PresenceBot.Voicemail;

/// <summary>
/// Checks <c>X-PresenceBot-Signature: sha256=&lt;hex HMAC-SHA256 of "{timestamp}.{raw body}"&gt;</c> with the timestamp
/// (Unix seconds) in <c>X-PresenceBot-Timestamp</c>, at most <see cref="Window"/> from now either way, so a captured
/// call can't be replayed later. Over the raw bytes, not re-serialised JSON, so nothing the framework parses can change
/// what was signed; compared in constant time. The old form (the body alone, no timestamp) only when allowed.
/// </summary>
internal static class WebhookSignature
{
    public const string HeaderName = "X-PresenceBot-Signature";
    public const string TimestampHeaderName = "X-PresenceBot-Timestamp";
    public static readonly TimeSpan Window = TimeSpan.FromMinutes(5);
    private const string Prefix = "sha256=";

    /// <summary>Null when the call is signed as it should be; otherwise what is wrong (for the log, never the secret).</summary>
    public static string? Problem(string? header, string? timestamp, ReadOnlySpan<byte> body, string secret, DateTimeOffset now, bool acceptBodyOnly)
    {
        if (!TryReadSignature(header, out var presented))
        {
            return "missing or unreadable signature";
        }

        if (string.IsNullOrEmpty(timestamp))
        {
            return !acceptBodyOnly ? "no timestamp"
                : CryptographicOperations.FixedTimeEquals(Hash(secret, null, body), presented) ? null : "wrong signature";
        }

        if (timestamp.Length > 12 || !timestamp.All(char.IsAsciiDigit) || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
        {
            return "unreadable timestamp";
        }

        if (!CryptographicOperations.FixedTimeEquals(Hash(secret, timestamp, body), presented))
        {
            return "wrong signature";
        }

        var age = now - DateTimeOffset.FromUnixTimeSeconds(seconds);
        return age.Duration() > Window ? "timestamp outside the five-minute window" : null;
    }

    /// <summary>The header value for <paramref name="body"/> sent at <paramref name="timestamp"/>: what the switchboard (and the tests) send.</summary>
    public static string Sign(string timestamp, ReadOnlySpan<byte> body, string secret) => Prefix + Convert.ToHexStringLower(Hash(secret, timestamp, body));

    /// <summary>The old form, over the body alone (accepted only with <c>Switchboard:AcceptUnsignedTimestamp</c>).</summary>
    public static string SignBodyOnly(ReadOnlySpan<byte> body, string secret) => Prefix + Convert.ToHexStringLower(Hash(secret, null, body));

    private static byte[] Hash(string secret, string? timestamp, ReadOnlySpan<byte> body)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, Encoding.UTF8.GetBytes(secret));
        if (timestamp is not null)
        {
            hmac.AppendData(Encoding.ASCII.GetBytes(timestamp + "."));
        }

        hmac.AppendData(body);
        return hmac.GetHashAndReset();
    }

    private static bool TryReadSignature(string? header, out byte[] presented)
    {
        presented = [];
        if (string.IsNullOrEmpty(header) || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            presented = Convert.FromHexString(header.AsSpan(Prefix.Length).Trim());
            return presented.Length == SHA256.HashSizeInBytes;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
