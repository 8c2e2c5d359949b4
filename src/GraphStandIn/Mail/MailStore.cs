namespace PresenceBot.GraphStandIn.Mail;

/// <summary>Everyone's inbox, in memory, under one lock (changes are rare and tiny next to reads).</summary>
internal sealed class MailStore
{
    private readonly Lock _gate = new();
    private readonly Dictionary<string, Dictionary<string, StandInMessage>> _byUser = new(StringComparer.OrdinalIgnoreCase);

    public void Put(StandInMessage message)
    {
        lock (_gate)
        {
            Inbox(message.UserId)[message.Id] = message;
        }
    }

    public StandInMessage? Find(string userId, string messageId)
    {
        lock (_gate)
        {
            return Inbox(userId).GetValueOrDefault(messageId);
        }
    }

    public bool Delete(string userId, string messageId)
    {
        lock (_gate)
        {
            return Inbox(userId).Remove(messageId);
        }
    }

    /// <summary>The inbox newest first, as Graph lists messages by default.</summary>
    public IReadOnlyList<StandInMessage> Messages(string userId)
    {
        lock (_gate)
        {
            return [.. Inbox(userId).Values.OrderByDescending(m => m.ReceivedDateTime).ThenBy(m => m.Id, StringComparer.Ordinal)];
        }
    }

    private Dictionary<string, StandInMessage> Inbox(string userId)
    {
        if (!_byUser.TryGetValue(userId, out var inbox))
        {
            inbox = new Dictionary<string, StandInMessage>(StringComparer.Ordinal);
            _byUser[userId] = inbox;
        }

        return inbox;
    }
}
