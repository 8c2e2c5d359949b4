using PresenceBot.Storage;

namespace PresenceBot.Tests.Storage;

/// <summary>Group commit: alone a write goes at once; what is asked for while one is written goes together in the next; a bad item fails alone.</summary>
public sealed class GroupCommitTests
{
    private readonly List<IReadOnlyList<int>> _batches = [];
    private readonly List<bool> _writtenInBackground = [];
    private TaskCompletionSource _release = new(TaskCreationOptions.RunContinuationsAsynchronously);

    [Fact]
    public async Task A_write_alone_goes_at_once_and_those_asked_for_meanwhile_go_together_in_the_next()
    {
        var commits = new GroupCommit<int, int>(WriteAsync);

        var first = commits.WriteAsync(1);
        await Eventually(() => _batches.Count == 1);
        var waiting = Enumerable.Range(2, 5).Select(commits.WriteAsync).ToList();
        Assert.All(waiting, w => Assert.False(w.IsCompleted));

        ReleaseBatch();
        Assert.Equal(10, await first);
        await Eventually(() => _batches.Count == 2);
        ReleaseBatch();

        var results = await Task.WhenAll(waiting);
        Assert.Equal([20, 30, 40, 50, 60], results);
        Assert.Equal([[1], [2, 3, 4, 5, 6]], _batches);
    }

    [Fact]
    public async Task When_a_batch_fails_its_items_are_written_one_by_one_and_only_the_bad_one_fails()
    {
        var commits = new GroupCommit<int, int>(WriteAsync);
        var first = commits.WriteAsync(1);
        await Eventually(() => _batches.Count == 1);
        var good = commits.WriteAsync(2);
        var bad = commits.WriteAsync(-1);
        var alsoGood = commits.WriteAsync(3);
        _release.SetResult();
        _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        _release.SetResult();

        Assert.Equal(10, await first);
        Assert.Equal(20, await good);
        Assert.Equal(30, await alsoGood);
        await Assert.ThrowsAsync<InvalidOperationException>(() => bad);
    }

    [Fact]
    public async Task A_batch_is_background_work_only_when_everyone_in_it_asked_as_background_work()
    {
        var commits = new GroupCommit<int, int>(WriteAsync);
        Task<int> first, background, request;
        using (WriteTurns.Background())
        {
            // A background writer starts the batching and the next batch gathers while it is written.
            first = commits.WriteAsync(1);
            await Eventually(() => _batches.Count == 1);
            background = commits.WriteAsync(2);
        }

        request = commits.WriteAsync(3);
        ReleaseBatch();
        await first;
        await Eventually(() => _batches.Count == 2);
        ReleaseBatch();
        await Task.WhenAll(background, request);

        using (WriteTurns.Background())
        {
            var alone = commits.WriteAsync(4);
            await Eventually(() => _batches.Count == 3);
            ReleaseBatch();
            await alone;
        }

        Assert.Equal([[1], [2, 3], [4]], _batches);
        Assert.Equal([true, false, true], _writtenInBackground);
    }

    private async Task<IReadOnlyList<int>> WriteAsync(IReadOnlyList<int> items)
    {
        lock (_batches)
        {
            _batches.Add([.. items]);
            _writtenInBackground.Add(WriteTurns.IsBackground);
        }

        await _release.Task;
        return items.Any(i => i < 0) ? throw new InvalidOperationException("bad item") : [.. items.Select(i => i * 10)];
    }

    private void ReleaseBatch()
    {
        var release = _release;
        _release = new(TaskCreationOptions.RunContinuationsAsynchronously);
        release.SetResult();
    }

    private async Task Eventually(Func<bool> condition)
    {
        using var limit = new CancellationTokenSource(TimeSpan.FromSeconds(5));
        while (true)
        {
            lock (_batches)
            {
                if (condition())
                {
                    return;
                }
            }

            await Task.Delay(5, limit.Token);
        }
    }
}
