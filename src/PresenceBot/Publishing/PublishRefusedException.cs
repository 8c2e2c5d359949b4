namespace PresenceBot.Publishing;

/// <summary>A destination answered, but not with success: the queue retries the delivery.</summary>
public sealed class PublishRefusedException : Exception
{
    public PublishRefusedException()
    {
    }

    public PublishRefusedException(string message)
        : base(message)
    {
    }

    public PublishRefusedException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
