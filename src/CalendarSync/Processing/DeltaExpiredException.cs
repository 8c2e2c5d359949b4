namespace PresenceBot.CalendarSync.Processing;

/// <summary>Graph answered 410 to a delta link: the whole window must be read again.</summary>
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
