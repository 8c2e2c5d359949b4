namespace PresenceBot.Hosting;

/// <summary>
/// Reads a request body no larger than a limit: a declared <c>Content-Length</c> over it is refused before a byte is
/// read, and a body without one (chunked) is read no further than one chunk past the limit.
/// </summary>
internal static class LimitedBody
{
    /// <summary>The raw body, or null when it is over <paramref name="maxBytes"/>.</summary>
    public static async Task<ReadOnlyMemory<byte>?> ReadAsync(HttpRequest request, int maxBytes, CancellationToken cancellationToken)
    {
        if (IsDeclaredTooLarge(request, maxBytes))
        {
            return null;
        }

        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, cancellationToken).ConfigureAwait(false)) > 0)
        {
            if (buffer.Length + read > maxBytes)
            {
                return null;
            }

            buffer.Write(chunk, 0, read);
        }

        return buffer.ToArray();
    }

    /// <summary>Whether the client already said the body is over the limit (nothing needs to be read to know).</summary>
    public static bool IsDeclaredTooLarge(HttpRequest request, int maxBytes) => request.ContentLength > maxBytes;
}
