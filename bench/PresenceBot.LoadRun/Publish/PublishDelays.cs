namespace PresenceBot.LoadRun.Publish;

/// <summary>
/// Publish delay per receiver: for each committed change, from its API answer (the commit is known) to the first
/// arrival at the receiver of that change or a newer one for the same person (a skipped intermediate state is
/// superseded, not lost). A change nothing arrived for is lost.
/// </summary>
internal sealed class PublishDelays
{
    private PublishDelays(long[] fromAnswer, long[] fromSend, double[] sentAtSeconds, int lost, int beforeAnswer)
    {
        FromAnswerTicks = fromAnswer;
        SentAtSeconds = sentAtSeconds;
        FromSendTicks = fromSend;
        Lost = lost;
        BeforeAnswer = beforeAnswer;
    }

    /// <summary>Stopwatch ticks converted to TimeSpan ticks, one per delivered change; an arrival before the answer counts 0.</summary>
    public long[] FromAnswerTicks { get; }

    public long[] FromSendTicks { get; }

    /// <summary>For each of <see cref="FromAnswerTicks"/>, when its change was sent, in seconds from the load's first send.</summary>
    public double[] SentAtSeconds { get; }

    public int Lost { get; }

    /// <summary>Changes whose delivery arrived before the API's answer reached the client.</summary>
    public int BeforeAnswer { get; }

    /// <summary>Changes still not at the receiver (for waiting until the backlog is worked off).</summary>
    public static int Pending(ChangeResult changes, ChangeLoad load, IReadOnlyList<PublishReceiver.Arrival> arrivals) =>
        Of(changes, load, arrivals).Lost;

    public static PublishDelays Of(ChangeResult changes, ChangeLoad load, IReadOnlyList<PublishReceiver.Arrival> arrivals)
    {
        // Per person, the arrivals in the order they came, with the change each carried.
        var byPerson = arrivals
            .Select(a => (a.PersonId, Change: load.ChangeOf(a.ReturnsAt), a.ArrivedAt))
            .Where(a => a.Change is not null)
            .GroupBy(a => a.PersonId, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.OrderBy(a => a.ArrivedAt).Select(a => (Change: a.Change!.Value, a.ArrivedAt)).ToList(), StringComparer.Ordinal);
        var fromAnswer = new List<long>();
        var fromSend = new List<long>();
        var sentAt = new List<double>();
        var firstSent = changes.Sent.Where(t => t != 0).DefaultIfEmpty(0).Min();
        var lost = 0;
        var beforeAnswer = 0;
        for (var k = 0; k < changes.Answered.Length; k++)
        {
            if (changes.Answered[k] == 0)
            {
                continue;
            }

            var change = changes.Offset + k;
            var arrived = byPerson.TryGetValue(load.PersonOf(change).Id, out var list) ? list.FirstOrDefault(a => a.Change >= change) : default;
            if (arrived.ArrivedAt == 0)
            {
                lost++;
                continue;
            }

            if (arrived.ArrivedAt < changes.Answered[k])
            {
                beforeAnswer++;
            }

            fromAnswer.Add(TimeSpanTicks(Math.Max(0, arrived.ArrivedAt - changes.Answered[k])));
            fromSend.Add(TimeSpanTicks(arrived.ArrivedAt - changes.Sent[k]));
            sentAt.Add(TimeSpanTicks(changes.Sent[k] - firstSent) / (double)TimeSpan.TicksPerSecond);
        }

        return new PublishDelays([.. fromAnswer], [.. fromSend], [.. sentAt], lost, beforeAnswer);
    }

    private static long TimeSpanTicks(long stopwatchTicks) => (long)(stopwatchTicks * ((double)TimeSpan.TicksPerSecond / System.Diagnostics.Stopwatch.Frequency));
}
