using System.Collections.Concurrent;
using PresenceBot.Referrals.Reminders;
using PresenceBot.Reminders;

namespace PresenceBot.Tests.Reminders;

/// <summary>Remembers what would have gone to Teams; can be told to fail the next sends as a broken channel would.</summary>
public sealed class RecordingReminderSender : IReminderSender
{
    private readonly ConcurrentQueue<ReminderMessage> _sent = new();
    private int _failNext;

    public IReadOnlyList<ReminderMessage> Sent => [.. _sent];

    public int Attempts { get; private set; }

    public void FailNext(int count) => _failNext = count;

    public Task SendAsync(ReminderMessage message, CancellationToken cancellationToken)
    {
        Attempts++;
        if (Interlocked.Decrement(ref _failNext) >= 0)
        {
            throw new HttpRequestException("connector unavailable");
        }

        _sent.Enqueue(message);
        return Task.CompletedTask;
    }
}
