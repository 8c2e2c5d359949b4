namespace PresenceBot.GraphStandIn.Calendars;

/// <summary>A write's <c>If-Match</c> named a change key the event no longer has (Graph: 412 ErrorIrresolvableConflict).</summary>
internal sealed class ChangeKeyMismatchException : Exception
{
    public ChangeKeyMismatchException()
        : base("The event changed since the change key was read.")
    {
    }

    public ChangeKeyMismatchException(string message)
        : base(message)
    {
    }

    public ChangeKeyMismatchException(string message, Exception innerException)
        : base(message, innerException)
    {
    }
}
