namespace PresenceBot.Referrals;

/// <summary>Scratch arrays that a batch computation keeps from one item to the next instead of allocating them afresh.</summary>
internal static class ScratchBuffer
{
    /// <summary>
    /// Makes <paramref name="buffer"/> at least <paramref name="length"/> long, at least doubling so a batch replaces it
    /// only a few times. A replaced buffer starts at its default values; a kept one keeps what it held.
    /// </summary>
    public static void Grow<T>(ref T[] buffer, int length)
    {
        if (buffer.Length < length)
        {
            buffer = new T[Math.Max(length, 2 * buffer.Length)];
        }
    }
}
