namespace PresenceBot.GraphStandIn.Writes;

/// <summary>
/// Every Graph write the stand-in received, in arrival order, kept so a privacy test can scan all that left the
/// product for Graph (event bodies, status messages). Requests inside a <c>$batch</c> are recorded one by one.
/// </summary>
internal sealed class ReceivedWriteLog
{
    private readonly Lock _gate = new();
    private readonly List<ReceivedWrite> _writes = [];

    public void Add(ReceivedWrite write)
    {
        lock (_gate)
        {
            _writes.Add(write);
        }
    }

    public IReadOnlyList<ReceivedWrite> All()
    {
        lock (_gate)
        {
            return [.. _writes];
        }
    }
}
