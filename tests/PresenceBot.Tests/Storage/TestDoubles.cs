using System.Collections.Concurrent;
using System.Data.Common;
using Microsoft.EntityFrameworkCore.Diagnostics;
using NodaTime;
using PresenceBot.Referrals.Service;

namespace PresenceBot.Tests.Storage;

/// <summary>Records every event delivered to it (thread-safe: several dispatchers may share it).</summary>
internal sealed class CapturingHandler : IReferralChangeHandler
{
    private readonly ConcurrentQueue<ReferralChanged> _received = new();

    public IReadOnlyList<ReferralChanged> Received => [.. _received];

    public async Task HandleAsync(ReferralChanged change, CancellationToken cancellationToken)
    {
        // Yield so two dispatchers really interleave.
        await Task.Yield();
        _received.Enqueue(change);
    }
}

/// <summary>Fails the first <c>failures</c> deliveries, then succeeds.</summary>
internal sealed class FlakyHandler(int failures, string message = "switchboard unreachable") : IReferralChangeHandler
{
    private int _calls;

    public int Calls => _calls;

    public Task HandleAsync(ReferralChanged change, CancellationToken cancellationToken) =>
        Interlocked.Increment(ref _calls) <= failures ? throw new HttpRequestException(message) : Task.CompletedTask;
}

/// <summary>Counts committed transactions on the contexts it is added to.</summary>
internal sealed class CommitCounter : DbTransactionInterceptor
{
    private int _commits;

    public int Commits => _commits;

    public override Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Interlocked.Increment(ref _commits);
        return Task.CompletedTask;
    }

    public override void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) =>
        Interlocked.Increment(ref _commits);
}

/// <summary>Fails every commit on the contexts it is added to, after the transaction's statements ran: they must all roll back.</summary>
internal sealed class FailingCommit : DbTransactionInterceptor
{
    public const string Message = "Injected fault: the commit fails.";

    public override InterceptionResult TransactionCommitting(DbTransaction transaction, TransactionEventData eventData, InterceptionResult result) =>
        throw new InvalidOperationException(Message);

    public override ValueTask<InterceptionResult> TransactionCommittingAsync(
        DbTransaction transaction, TransactionEventData eventData, InterceptionResult result, CancellationToken cancellationToken = default) =>
        throw new InvalidOperationException(Message);
}

/// <summary>Runs a callback once, just before the context's SaveChanges sends anything (after the store read the version).</summary>
internal sealed class BeforeSaveInterceptor(Func<Task> once) : SaveChangesInterceptor
{
    private int _ran;

    public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
        DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (Interlocked.Exchange(ref _ran, 1) == 0)
        {
            await once();
        }

        return result;
    }
}

/// <summary>
/// Holds the first <c>parties</c> loads until all of them have read, so concurrent commands are
/// guaranteed to plan on the same version (a real race, not two calls that happen to run in turn).
/// Later loads (the retries) pass straight through. Counts the conflicts the inner store reports.
/// </summary>
internal sealed class RendezvousStore(IReferralStore inner, int parties) : IReferralStore
{
    private readonly TaskCompletionSource _allLoaded = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private int _loads;
    private int _conflicts;

    public int Conflicts => _conflicts;

    public async Task<PersonReferrals> LoadAsync(string personId, Instant since, IReadOnlyCollection<string> externalKeys, CancellationToken cancellationToken)
    {
        var state = await inner.LoadAsync(personId, since, externalKeys, cancellationToken);
        var arrived = Interlocked.Increment(ref _loads);
        if (arrived == parties)
        {
            _allLoaded.SetResult();
        }

        if (arrived <= parties)
        {
            await _allLoaded.Task.WaitAsync(TimeSpan.FromSeconds(30), cancellationToken);
        }

        return state;
    }

    public Task<IReadOnlyDictionary<string, PersonReferrals>> LoadManyAsync(
        IReadOnlyCollection<string> personIds, Instant since, CancellationToken cancellationToken) =>
        inner.LoadManyAsync(personIds, since, cancellationToken);

    public async Task SaveAsync(ReferralChangeSet changes, CancellationToken cancellationToken)
    {
        try
        {
            await inner.SaveAsync(changes, cancellationToken);
        }
        catch (ReferralConcurrencyException)
        {
            Interlocked.Increment(ref _conflicts);
            throw;
        }
    }
}
