using System.Reflection;
using Xunit.Sdk;

namespace PresenceBot.Tests.Storage;

/// <summary>A <c>[Theory]</c> row that runs the test on a SQLite file.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnSqliteAttribute : DataAttribute
{
    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DbProvider.Sqlite]];
}

/// <summary>
/// A <c>[Theory]</c> row that runs the test on PostgreSQL, or is reported as skipped (not silently
/// dropped) when <c>PRESENCEBOT_TEST_POSTGRES</c> is not set, so a run shows what it did not cover.
/// </summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class OnPostgresAttribute : DataAttribute
{
    public OnPostgresAttribute()
    {
        if (TestDatabase.PostgresAdminConnectionString is null)
        {
            Skip = $"{TestDatabase.PostgresVariable} is not set (.ci/run sets it); PostgreSQL not tested.";
        }
    }

    public override IEnumerable<object[]> GetData(MethodInfo testMethod) => [[DbProvider.Postgres]];
}
