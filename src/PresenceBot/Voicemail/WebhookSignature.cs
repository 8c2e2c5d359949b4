using System.Security.Cryptography;
using System.Text;

namespace PresenceBot.Voicemail;

/// <summary>
/// Checks <c>X-PresenceBot-Signature: sha256=&lt;hex HMAC-SHA256 of the raw body&gt;</c>. Over the raw bytes, not
/// re-serialised JSON, so nothing the framework parses can change what was signed; compared in constant time.
/// </summary>
internal static class WebhookSignature
{
    public const string HeaderName = "X-PresenceBot-Signature";
    private const string Prefix = "sha256=";

    public static bool IsValid(string? header, ReadOnlySpan<byte> body, string secret)
    {
        if (string.IsNullOrEmpty(header) || !header.StartsWith(Prefix, StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        byte[] presented;
        try
        {
            presented = Convert.FromHexString(header.AsSpan(Prefix.Length).Trim());
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body);
        return CryptographicOperations.FixedTimeEquals(expected, presented);
    }

    /// <summary>The header value for <paramref name="body"/>: what the switchboard (and the tests) send.</summary>
    public static string Sign(ReadOnlySpan<byte> body, string secret) =>
        Prefix + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));
}
