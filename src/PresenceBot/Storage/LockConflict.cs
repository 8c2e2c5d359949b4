using System.Data.Common;
using Npgsql;

namespace PresenceBot.Storage;

/// <summary>
/// Recognises PostgreSQL giving up on a transaction because it crossed another (deadlock, serialization failure):
/// rolled back, nothing written, so the writer may plan again on fresh state. Wherever EF Core wrapped it.
/// </summary>
internal static class LockConflict
{
    public static bool Is(Exception exception)
    {
        for (var e = exception; e is not null; e = e.InnerException)
        {
            if (e is DbException { SqlState: PostgresErrorCodes.DeadlockDetected or PostgresErrorCodes.SerializationFailure })
            {
                return true;
            }
        }

        return false;
    }
}
