using Hangfire;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace PresenceBot.CalendarSync.Voicemail;

/// <summary>Registers the inbox round at start, every <c>Voicemail:Mailbox:PollInterval</c>. Time comes from the job's <see cref="TimeProvider"/>.</summary>
internal sealed class MailboxVoicemailSchedule(IRecurringJobManager jobs, IOptions<MailboxVoicemailOptions> options) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        jobs.AddOrUpdate<MailboxVoicemailJob>(MailboxVoicemailJob.RecurringJobId, job => job.RunAsync(CancellationToken.None), options.Value.Cron);
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
