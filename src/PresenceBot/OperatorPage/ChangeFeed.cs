using System.Threading.Channels;
using NodaTime;

namespace PresenceBot.OperatorPage;

/// <summary>
/// Tells every open operator page (its event stream) whose referrals changed, by person id only. Fed by the outbox on
/// this instance (<see cref="Publish"/>: every change, always) and by <see cref="AuditPoller"/> for changes committed by
/// another (<see cref="PublishUnseen"/>: only what the outbox here has not already sent, by person and moment). A page
/// that falls too far behind is disconnected: it reconnects and reloads.
/// </summary>
internal sealed class ChangeFeed(TimeProvider time)
{
    /// <summary>How long a (person, moment) is remembered so the second source's copy is dropped.</summary>
    public static readonly Duration SeenWindow = Duration.FromSeconds(30);

    private const int Backlog = 256;

    private readonly Lock _gate = new();
    private readonly List<Channel<string>> _subscribers = [];
    private readonly Dictionary<(string PersonId, long AtMs), Instant> _seen = [];

    public int SubscriberCount
    {
        get
        {
            lock (_gate)
            {
                return _subscribers.Count;
            }
        }
    }

    public ChangeSubscription Subscribe()
    {
        var channel = Channel.CreateBounded<string>(new BoundedChannelOptions(Backlog) { SingleReader = true, FullMode = BoundedChannelFullMode.Wait });
        lock (_gate)
        {
            _subscribers.Add(channel);
        }

        return new ChangeSubscription(channel.Reader, () => Unsubscribe(channel));
    }

    /// <summary>A change committed on this instance (the outbox): always sent, and remembered so the audit poll doesn't repeat it.</summary>
    public void Publish(string personId, Instant at) => Send(personId, at, evenIfSeen: true);

    /// <summary>
    /// A change read from the audit trail: sent unless this (person, moment) went out already. Two changes of one person in
    /// the same millisecond are one here, which loses nothing: the page reads the person after both are committed.
    /// </summary>
    public void PublishUnseen(string personId, Instant at) => Send(personId, at, evenIfSeen: false);

    /// <summary>Ends every open stream (shutdown; tests of the page's reconnect).</summary>
    public void DisconnectAll()
    {
        lock (_gate)
        {
            foreach (var subscriber in _subscribers)
            {
                subscriber.Writer.TryComplete();
            }

            _subscribers.Clear();
        }
    }

    private void Send(string personId, Instant at, bool evenIfSeen)
    {
        var now = Instant.FromDateTimeOffset(time.GetUtcNow());
        lock (_gate)
        {
            if (_subscribers.Count == 0)
            {
                return;
            }

            var unseen = _seen.TryAdd((personId, at.ToUnixTimeMilliseconds()), now);
            if (!unseen && !evenIfSeen)
            {
                return;
            }

            foreach (var old in _seen.Where(s => s.Value < now - SeenWindow).Select(s => s.Key).ToList())
            {
                _seen.Remove(old);
            }

            foreach (var subscriber in _subscribers.Where(s => !s.Writer.TryWrite(personId)).ToList())
            {
                // Too far behind to catch up change by change: end its stream; the page reconnects and reloads everything.
                subscriber.Writer.TryComplete();
                _subscribers.Remove(subscriber);
            }
        }
    }

    private void Unsubscribe(Channel<string> channel)
    {
        lock (_gate)
        {
            _subscribers.Remove(channel);
        }
    }
}
