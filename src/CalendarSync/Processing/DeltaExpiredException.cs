namespace PresenceBot.CalendarSync.Processing;

/// <summary>Graph refused a delta link (410, or an expired token): what it tracked must be read in full again.</summary>
public sealed class DeltaExpiredException : Exception
{
    public DeltaExpiredException()
    {
    }

    public DeltaExpiredException(string message)
        : base(message)
    {
    }

    public DeltaExpiredException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
