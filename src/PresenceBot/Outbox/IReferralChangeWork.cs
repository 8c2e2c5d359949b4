using PresenceBot.WorkQueue;

namespace PresenceBot.Outbox;

/// <summary>
/// Queued work that every committed referral change of a person asks for, enqueued in the change's own transaction:
/// no commit of its own and no outbox run in between, and it exists exactly when the change does. For work that only
/// needs the person (what it does reads their state as it is when it runs).
/// </summary>
internal interface IReferralChangeWork
{
    IEnumerable<WorkRequest> For(string personId);
}
