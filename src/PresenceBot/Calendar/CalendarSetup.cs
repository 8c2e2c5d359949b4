using PresenceBot.CalendarSync;
using PresenceBot.CalendarSync.Processing;
using PresenceBot.WorkQueue;

namespace PresenceBot.Calendar;

internal static class CalendarSetup
{
    /// <summary>Calendar coupling with its work in the host's work queue, plus the Graph stand-in when no real Graph is configured.</summary>
    public static IHostApplicationBuilder AddCalendar(this IHostApplicationBuilder builder)
    {
        builder.AddCalendarSync();
        builder.Services.AddSingleton<CalendarWorkKinds>();
        builder.Services.AddSingleton<ICalendarWorkQueue, QueuedCalendarWork>();
        builder.Services.AddSingleton<IWorkHandler, CalendarRereadHandler>();
        builder.Services.AddSingleton<IWorkHandler, CalendarSubscriptionHandler>();
        if (!builder.Configuration.UsesConfiguredGraph())
        {
            builder.Services.AddOptions<GraphStandInHostOptions>().BindConfiguration(GraphStandInHostOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
            builder.Services.AddSingleton<GraphStandInHost>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<GraphStandInHost>());
        }

        return builder;
    }
}
