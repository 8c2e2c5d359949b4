using PresenceBot.CalendarSync.Membership;
using PresenceBot.Referrals.Organisation;

namespace PresenceBot.Organisation;

internal static class OrganisationSetup
{
    /// <summary>
    /// Reads the organisation file while the host is being built, so a bad file stops start-up
    /// before anything listens (Program turns the exception into a message and a non-zero exit).
    /// </summary>
    public static IHostApplicationBuilder AddOrganisation(this IHostApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(OrganisationOptions.SectionName).Get<OrganisationOptions>() ?? new OrganisationOptions();
        var source = FileOrganisationSource.Load(options.File);
        builder.Services.AddSingleton<IOrganisationSource>(source);
        builder.Services.AddSingleton(source);
        builder.Services.AddSingleton<IGroupMembershipSink>(source);
        builder.Services.AddOptions<OrganisationOptions>().BindConfiguration(OrganisationOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddHostedService<OrganisationFileWatcher>();
        return builder;
    }

    /// <summary>Tells the admin which file is in force and how big it is.</summary>
    public static WebApplication LogOrganisation(this WebApplication app)
    {
        var source = app.Services.GetRequiredService<FileOrganisationSource>();
        Log.OrganisationLoaded(app.Logger, source.Path, source.Current.People.Count, source.Current.Units.Count);
        return app;
    }
}
