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
        return builder;
    }
}
