using System.Reflection;
using Hangfire;
using PresenceBot.Reminders;

namespace PresenceBot.Tests.Reminders;

/// <summary>
/// The minute reminder jobs never overlap themselves: a run that outlasts the minute (Teams throttling) makes the next
/// one drop out after a short wait instead of piling up on the workers, and a dropped run is not retried.
/// </summary>
public sealed class ReminderJobOverlapTests
{
    [Theory]
    [InlineData(typeof(VoicemailReminderJob))]
    [InlineData(typeof(CoverageAlertJob))]
    public void RunAsync_HoldsALock_WaitsBriefly_AndIsNotRetried(Type job)
    {
        var run = job.GetMethod("RunAsync", BindingFlags.Public | BindingFlags.Instance)!;

        var exclusive = run.CustomAttributes.SingleOrDefault(a => a.AttributeType == typeof(DisableConcurrentExecutionAttribute));
        var retry = run.GetCustomAttribute<AutomaticRetryAttribute>();

        Assert.NotNull(exclusive);
        Assert.InRange((int)exclusive.ConstructorArguments[0].Value!, 1, 5);
        Assert.NotNull(retry);
        Assert.Equal(0, retry.Attempts);
        Assert.Equal(AttemptsExceededAction.Delete, retry.OnAttemptsExceeded);
    }
}
