using PresenceBot.Referrals.Reminders;
using PresenceBot.Tests.Storage;
using static PresenceBot.Tests.ApiClient;

namespace PresenceBot.Tests.Reminders;

/// <summary>At most once across a restart and across two instances sharing one database: the claims, not luck.</summary>
public sealed class ReminderInstancesTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "presencebot-tests", Guid.NewGuid().ToString("N"));

    [Fact]
    public async Task Restart_NewHostOnTheSameDatabase_DoesNotSendAgain()
    {
        await using (var before = new ReminderHost(_folder))
        {
            before.At(2026, 11, 23, 9, 0);
            await before.ReceiveVoicemailAsync(KimId, "vm-restart");
            before.At(2026, 11, 23, 9, 30);
            Assert.Equal(1, await before.RunVoicemailJobAsync());
        }

        await using var after = new ReminderHost(_folder);
        after.At(2026, 11, 23, 9, 31);

        Assert.Equal(0, await after.RunVoicemailJobAsync());
        Assert.Empty(after.Sender.Sent);
    }

    [Fact]
    public async Task TwoInstances_RunningTheJobsAtOnce_SendEachReminderOnce()
    {
        await using var a = new ReminderHost(_folder);
        await using var b = new ReminderHost(_folder);
        a.At(2026, 11, 23, 9, 0);
        await a.ReceiveVoicemailAsync(KimId, "vm-1");
        await a.ReceiveVoicemailAsync(TestOrganisation.Sara, "vm-2");

        for (var minute = 30; minute < 35; minute++)
        {
            a.At(2026, 11, 23, 9, minute);
            b.At(2026, 11, 23, 9, minute);
            await Task.WhenAll(a.RunVoicemailJobAsync(), b.RunVoicemailJobAsync());
        }

        var sent = a.Sender.Sent.Concat(b.Sender.Sent).ToList();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, m => Assert.Equal(ReminderKind.VoicemailFirst, m.Kind));
        Assert.Equal(2, sent.Select(m => m.RecipientId).Distinct().Count());
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held by a finishing background thread; the OS temp cleaner will take it.
        }
    }
}
