using Microsoft.Extensions.Options;

namespace PresenceBot.Security;

/// <summary>
/// Safe by default: outside the Development environment the service does not start open (see
/// <see cref="InsecureDefaults"/>) unless <c>Security:AllowInsecure=true</c> says so, which is then logged at every start.
/// Development (<c>dotnet run</c>, the tests) starts with no configuration at all.
/// </summary>
internal static class SecuritySetup
{
    public static IHostApplicationBuilder AddSecurityChecks(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<SecurityOptions>().BindConfiguration(SecurityOptions.SectionName).ValidateDataAnnotations().ValidateOnStart();
        var allowInsecure = builder.Configuration.GetSection(SecurityOptions.SectionName).Get<SecurityOptions>()?.AllowInsecure ?? false;
        if (builder.Environment.IsDevelopment() || allowInsecure)
        {
            return builder;
        }

        var problems = InsecureDefaults.Find(builder.Configuration);
        if (problems.Count > 0)
        {
            throw new StartupConfigurationException(
                $"outside Development these settings are required (or set Security:AllowInsecure=true on a closed test network):{Environment.NewLine}"
                + string.Join(Environment.NewLine, problems));
        }

        return builder;
    }

    /// <summary>Says at every start that the service runs open on purpose, naming what is open.</summary>
    public static WebApplication LogSecurity(this WebApplication app)
    {
        if (app.Environment.IsDevelopment() || !app.Services.GetRequiredService<IOptions<SecurityOptions>>().Value.AllowInsecure)
        {
            return app;
        }

        var open = InsecureDefaults.Find(app.Configuration);
        SecurityLog.RunningInsecure(app.Logger, app.Environment.EnvironmentName, open.Count == 0 ? "nothing at the moment" : string.Join(" ", open));
        return app;
    }
}
