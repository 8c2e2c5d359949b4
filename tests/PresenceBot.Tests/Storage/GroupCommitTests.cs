using PresenceBot.Storage;

namespace PresenceBot.Tests.Storage;

/// <summary>
/// Group commit: alone a write goes at once; writes asked for while one is being written go together in the next; a
/// batch that fails is written again item by item, so only the bad item fails.
/// </summary>
public sealed class GroupCommitTests
{
    private static readonly TimeSpan Long = TimeSpan.FromSeconds(10);

    [Fact]
    public async Task Writes_asked_for_while_one_is_written_go_together_in_the_next_batch()
    {
        var batches = new List<string[]>();
        var firstMayEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var commit = new GroupCommit<string, string>(async items =>
        {
            lock (batches)
            {
                batches.Add([.. items]);
            }

            if (items[0] == "a")
            {
                firstStarted.SetResult();
                await firstMayEnd.Task;
            }

            return [.. items.Select(i => i.ToUpperInvariant())];
        });

        var a = commit.WriteAsync("a");
        await firstStarted.Task.WaitAsync(Long);
        var b = commit.WriteAsync("b");
        var c = commit.WriteAsync("c");
        Assert.False(b.IsCompleted);
        firstMayEnd.SetResult();

        Assert.Equal(["A", "B", "C"], await Task.WhenAll(a, b, c).WaitAsync(Long));
        Assert.Equal([["a"], ["b", "c"]], batches);
    }

    [Fact]
    public async Task A_failing_batch_is_written_again_item_by_item_and_only_the_bad_item_fails()
    {
        var batches = new List<string[]>();
        var firstMayEnd = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var firstStarted = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
        var commit = new GroupCommit<string, string>(async items =>
        {
            lock (batches)
            {
                batches.Add([.. items]);
            }

            if (items[0] == "a")
            {
                firstStarted.SetResult();
                await firstMayEnd.Task;
            }

            return items.Contains("bad") ? throw new InvalidOperationException("bad item") : [.. items];
        });

        var a = commit.WriteAsync("a");
        await firstStarted.Task.WaitAsync(Long);
        var good = commit.WriteAsync("good");
        var bad = commit.WriteAsync("bad");
        firstMayEnd.SetResult();

        Assert.Equal("a", await a.WaitAsync(Long));
        Assert.Equal("good", await good.WaitAsync(Long));
        Assert.Equal("bad item", (await Assert.ThrowsAsync<InvalidOperationException>(() => bad.WaitAsync(Long))).Message);
        Assert.Equal([["a"], ["good", "bad"], ["good"], ["bad"]], batches);
    }
}
