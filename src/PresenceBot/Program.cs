using Microsoft.Extensions.Options;
using PresenceBot;
using PresenceBot.Bot;
using PresenceBot.Calendar;
using PresenceBot.CalendarSync;
using PresenceBot.CalendarSync.Voicemail;
using PresenceBot.Forwarding;
using PresenceBot.Health;
using PresenceBot.Hosting;
using PresenceBot.Jobs;
using PresenceBot.OperatorPage;
using PresenceBot.Organisation;
using PresenceBot.Outbox;
using PresenceBot.Publishing;
using PresenceBot.Reminders;
using PresenceBot.Referrals.Organisation;
using PresenceBot.Security;
using PresenceBot.SignIn;
using PresenceBot.Storage;
using PresenceBot.Switchboard;
using PresenceBot.TeamsChannel.Turns;
using PresenceBot.Telemetry;
using PresenceBot.Voicemail;
using PresenceBot.WorkQueue;

try
{
    var builder = WebApplication.CreateBuilder(args);
    builder.AddSecurityChecks();
    builder.AddOrganisation();
    builder.AddReferrals();
    builder.AddStorage();
    builder.AddWorkQueue();
    builder.AddCalendar();
    builder.AddMailboxVoicemail();
    builder.AddOutbox();
    builder.AddPublishing();
    builder.AddJobs();
    builder.AddSwitchboardApi();
    builder.AddTeamsBot();
    builder.AddReminders();
    builder.AddForwarding();
    builder.AddHealth();
    builder.AddOperatorSignIn();
    builder.AddOperatorPage();
    builder.AddTelemetry();
    builder.Services.AddProblemDetails();

    var app = builder.Build();
    app.LogOrganisation();
    app.LogSecurity();
    app.LogOperatorSignIn();
    // Unreadable request bodies are the client's mistake (400), not ours (500).
    app.UseExceptionHandler(new ExceptionHandlerOptions { StatusCodeSelector = ex => ex is BadHttpRequestException bad ? bad.StatusCode : 500 });
    app.UseStatusCodePages();
    app.MapHealth();
    app.MapSwitchboardApi();
    app.MapPublishApi();
    app.MapWorkQueueApi();
    app.MapVoicemailWebhook();
    app.MapGraphNotifications();
    app.MapBotEndpoint();
    app.MapJobsDashboard();
    app.MapOperatorPage();
    await app.RunAsync();
    return 0;
}
catch (Exception ex) when (ex is OrganisationFileException or StartupConfigurationException or OptionsValidationException)
{
    // A configuration mistake is the admin's to fix: say exactly what, without a stack trace, and exit non-zero.
    await Console.Error.WriteLineAsync($"PresenceBot cannot start: {ex.Message}");
    return 1;
}

/// <summary>Visible to the tests' WebApplicationFactory.</summary>
public partial class Program;
