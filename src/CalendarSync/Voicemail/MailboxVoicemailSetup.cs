using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using PresenceBot.Referrals.Voicemail;

namespace PresenceBot.CalendarSync.Voicemail;

public static class MailboxVoicemailSetup
{
    /// <summary>
    /// Voicemail read from the inboxes of people with <c>voicemailFromMailbox</c> (Teams Phone delivers voicemail as
    /// mail): the options (validated at start), the Graph reader and the recurring round. Needs <see cref="CalendarSyncSetup.AddCalendarSync"/>
    /// (the Graph client) and the host's <see cref="IVoicemailLedger"/>.
    /// </summary>
    public static IHostApplicationBuilder AddMailboxVoicemail(this IHostApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<MailboxVoicemailOptions>().BindConfiguration(MailboxVoicemailOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<IMailboxVoicemailReader, GraphMailboxVoicemailReader>();
        services.AddSingleton<UnheardVoicemailReconciler>();
        services.AddSingleton<MailboxReadHealth>();
        services.AddTransient<MailboxVoicemailJob>();
        services.AddHostedService<MailboxVoicemailSchedule>();
        return builder;
    }
}
