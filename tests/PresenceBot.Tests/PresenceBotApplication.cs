using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Time.Testing;

namespace PresenceBot.Tests;

/// <summary>
/// The real host on real loopback HTTP (Kestrel on a free port), with a fake clock, a temporary
/// SQLite file and no Hangfire server. Settings can be overridden per test.
/// </summary>
public sealed class PresenceBotApplication : WebApplicationFactory<Program>
{
    /// <summary>Monday 2026-11-23 09:00 in Stockholm: a plain working morning.</summary>
    public static readonly DateTimeOffset MondayMorning = new(2026, 11, 23, 9, 0, 0, TimeSpan.FromHours(1));

    private readonly string _folder;
    private readonly bool _ownsFolder;
    private readonly Dictionary<string, string?> _settings;
    private readonly Action<IServiceCollection>? _services;

    /// <param name="settings">Configuration overrides (e.g. <c>Switchboard:ApiKeys:trio</c>).</param>
    /// <param name="folder">Reuse another run's folder (and so its database) to test a restart; it is then not deleted.</param>
    /// <param name="services">Replaces or adds services after the app's own (e.g. a failing store).</param>
    public PresenceBotApplication(IDictionary<string, string?>? settings = null, string? folder = null, Action<IServiceCollection>? services = null)
    {
        _services = services;
        _ownsFolder = folder is null;
        _folder = folder ?? Path.Combine(Path.GetTempPath(), "presencebot-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        _settings = new Dictionary<string, string?>
        {
            ["ConnectionStrings:PresenceBot"] = $"Data Source={DatabasePath}",
            ["Jobs:RunServer"] = "false",
            // Many hosts share one test process and two cores: a few workers each, not the production 20.
            ["Jobs:WorkerCount"] = "4",
            // The built-in Graph stand-in defaults to the README's fixed port; parallel hosts need a free one each.
            ["GraphStandIn:Port"] = "0",
            // The clock here stands still unless a test moves it, so a re-read gathered for 200 ms would never come due.
            // The gather is the work queue's and has its tests there (WorkQueueTests, WorkQueueSignalTests).
            ["Graph:RereadGatherMilliseconds"] = "0",
        };
        foreach (var (key, value) in settings ?? new Dictionary<string, string?>())
        {
            _settings[key] = value;
        }

        UseKestrel(0);
    }

    public FakeTimeProvider Clock { get; } = new(MondayMorning);

    /// <summary>Everything the host logged, for assertions on what must (not) be logged.</summary>
    public CapturedLogs Logs { get; } = new();

    public string Folder => _folder;

    public string DatabasePath => Path.Combine(_folder, "presencebot.db");

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        foreach (var (key, value) in _settings)
        {
            builder.UseSetting(key, value);
        }

        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
        builder.ConfigureServices(services =>
        {
            services.RemoveAll<TimeProvider>();
            services.AddSingleton<TimeProvider>(Clock);
            _services?.Invoke(services);
        });
    }

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        if (disposing && _ownsFolder)
        {
            Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
            try
            {
                Directory.Delete(_folder, recursive: true);
            }
            catch (IOException)
            {
                // A file still held open by a finishing background thread; the OS temp cleaner will take it.
            }
        }
    }
}
