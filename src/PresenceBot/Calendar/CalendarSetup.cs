using PresenceBot.CalendarSync;

namespace PresenceBot.Calendar;

internal static class CalendarSetup
{
    /// <summary>Calendar coupling, plus the Graph stand-in when no real Graph is configured.</summary>
    public static IHostApplicationBuilder AddCalendar(this IHostApplicationBuilder builder)
    {
        builder.AddCalendarSync();
        if (!builder.Configuration.UsesConfiguredGraph())
        {
            builder.Services.AddOptions<GraphStandInHostOptions>().BindConfiguration(GraphStandInHostOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
            builder.Services.AddSingleton<GraphStandInHost>();
            builder.Services.AddHostedService(sp => sp.GetRequiredService<GraphStandInHost>());
        }

        return builder;
    }
}
