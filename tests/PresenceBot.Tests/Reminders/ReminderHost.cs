using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using NodaTime;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Referrals.Referrals;
using PresenceBot.Referrals.Reminders;
using PresenceBot.Referrals.Service;
using PresenceBot.Referrals.Voicemail;
using PresenceBot.Reminders;
using PresenceBot.Tests.Calendar;

namespace PresenceBot.Tests.Reminders;

/// <summary>
/// The real host (fake clock, SQLite file) with a <see cref="RecordingReminderSender"/> in place of Teams; the jobs are
/// run by hand as Hangfire would. Pass another host's folder to get a restart or a second instance on the same database.
/// </summary>
internal sealed class ReminderHost : IAsyncDisposable
{
    public ReminderHost(string? folder = null)
    {
        App = new PresenceBotApplication(folder: folder, services: services =>
        {
            services.RemoveAll<IReminderSender>();
            services.AddSingleton<IReminderSender>(Sender);
        });
        App.StartServer(); // migrations, hosted services
    }

    public PresenceBotApplication App { get; }

    public RecordingReminderSender Sender { get; } = new();

    public Instant Now => Instant.FromDateTimeOffset(App.Clock.GetUtcNow());

    public IVoicemailLedger Ledger => Service<IVoicemailLedger>();

    public ReferralService Referrals => Service<ReferralService>();

    public T Service<T>()
        where T : notnull => App.Services.GetRequiredService<T>();

    /// <summary>Sets the clock to a Stockholm local time (winter: UTC+1).</summary>
    public void At(int year, int month, int day, int hour, int minute = 0) =>
        App.Clock.SetUtcNow(new DateTimeOffset(year, month, day, hour, minute, 0, TimeSpan.FromHours(1)));

    public Task<int> RunVoicemailJobAsync() => Service<VoicemailReminderJob>().RunAsync(CancellationToken.None);

    public Task<int> RunCoverageJobAsync() => Service<CoverageAlertJob>().RunAsync(CancellationToken.None);

    public Task ReceiveVoicemailAsync(string personId, string id, Instant? receivedAt = null) =>
        Ledger.RecordAsync(new VoicemailMessage
        {
            Source = VoicemailSources.Switchboard,
            Id = id,
            PersonId = personId,
            ReceivedAt = receivedAt ?? Now,
            Caller = "070-123 45 67",
            State = VoicemailState.New,
        }, Now, CancellationToken.None);

    public Task<ReferralResult> AwayAsync(string personId, Reason reason, Instant until, Instant? from = null) =>
        Referrals.SetAsync(new SetReferral
        {
            PersonId = personId,
            Reason = reason,
            From = from,
            Until = until,
            Phone = PhoneState.Closed,
            Source = ReferralSource.Switchboard,
            Actor = "vaxel@lycksele.se",
        }, CancellationToken.None);

    public IReadOnlyList<ReminderMessage> SentOf(ReminderKind kind) => Sender.Sent.Where(m => m.Kind == kind).ToList();

    /// <summary>
    /// Waits (bounded, in real time) until start-up has read every coupled calendar once. A test that writes calendar
    /// bookings itself must: that first read replaces each person's calendar bookings with what Graph holds (here
    /// nothing), and on a busy machine it can still be running when the test's first booking lands.
    /// </summary>
    public Task CalendarsReadOnceAsync()
    {
        var coupled = Service<IOrganisationSource>().Current.People.Count(p => p.CalendarCoupling != CalendarCoupling.Off);
        return Eventually.TrueAsync(
            async () => await TestDatabase.CountAsync(App.DatabasePath, "calendar_sync_states") == coupled, "every coupled calendar read once at start");
    }

    /// <summary>Waits (bounded, in real time) until the outbox has handed every committed change to the handlers.</summary>
    public async Task OutboxDrainedAsync()
    {
        for (var i = 0; i < 200; i++)
        {
            if (await TestDatabase.CountAsync(App.DatabasePath, "work_items", "Kind = 'referral-changed'") == 0)
            {
                return;
            }

            await Task.Delay(50);
        }

        Assert.Fail("the outbox was not drained");
    }

    public ValueTask DisposeAsync() => App.DisposeAsync();
}
