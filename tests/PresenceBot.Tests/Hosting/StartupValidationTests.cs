using System.Diagnostics;

namespace PresenceBot.Tests.Hosting;

/// <summary>
/// Starts the built service as a real process with a bad configuration: it must exit non-zero
/// and say exactly what is wrong, without listening.
/// </summary>
public sealed class StartupValidationTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("presencebot-startup-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public async Task Start_WithUnknownUnitInOrganisationFile_ExitsNonZeroNamingFileAndProblem()
    {
        var file = Path.Combine(_folder, "org.json");
        await File.WriteAllTextAsync(file, """
            {
              "municipalities": [ { "id": "lycksele", "name": "Lycksele kommun" } ],
              "units": [ { "id": "kansli-lycksele", "name": "Kansli", "municipality": "lycksele", "managers": [] } ],
              "people": [ { "id": "p1", "upn": "kim.krona@lycksele.se", "name": "Kim Krona", "unit": "kansli-x" } ]
            }
            """);

        var (exitCode, output) = await RunServiceAsync($"--Organisation:File={file}");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("org.json", output, StringComparison.Ordinal);
        Assert.Contains("people[0].unit: unknown unit 'kansli-x'", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithMissingOrganisationFile_ExitsNonZero()
    {
        var (exitCode, output) = await RunServiceAsync($"--Organisation:File={Path.Combine(_folder, "missing.json")}");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("missing.json", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_PostgresWithoutConnectionString_ExitsNonZeroNamingTheKey()
    {
        var (exitCode, output) = await RunServiceAsync("--Storage:Provider=Postgres", withDatabase: false);

        Assert.NotEqual(0, exitCode);
        Assert.Contains("ConnectionStrings:PresenceBot", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithRetentionDaysOutOfRange_ExitsNonZeroNamingTheKey()
    {
        var (exitCode, output) = await RunServiceAsync("--Retention:Days=0");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("Days", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithBotAppIdButNoTenant_ExitsNonZeroNamingTheKey()
    {
        var (exitCode, output) = await RunServiceAsync("--MicrosoftAppId=0b5e3c1a-7d2f-4e8b-9a61-3c4d5e6f7a8b --MicrosoftAppPassword=secret");

        Assert.NotEqual(0, exitCode);
        Assert.Contains("MicrosoftAppTenantId", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithGraphStandInPortExplicitlyAskedForAndBusy_ExitsWithOneLineNamingTheKey()
    {
        using var busy = new System.Net.Sockets.TcpListener(System.Net.IPAddress.Loopback, 0);
        busy.Start();
        var port = ((System.Net.IPEndPoint)busy.LocalEndpoint).Port;

        var (exitCode, output) = await RunServiceAsync($"--GraphStandIn:Port={port}");

        Assert.Equal(1, exitCode);
        var line = Assert.Single(output.Split('\n'), l => l.Contains("GraphStandIn:Port", StringComparison.Ordinal));
        Assert.StartsWith("PresenceBot cannot start: GraphStandIn:Port " + port, line, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
        Assert.DoesNotContain("Exception", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("MicrosoftAppId")]
    [InlineData("Switchboard:ApiKeys")]
    [InlineData("Graph:BaseUrl")]
    public async Task Start_InProductionOpenInOneWay_ExitsWithCode1NamingThatKey(string missing)
    {
        var settings = ProductionSettings.Where(s => !s.StartsWith($"--{missing}", StringComparison.Ordinal));

        var (exitCode, output) = await RunServiceAsync(string.Join(' ', settings), environment: "Production");

        Assert.Equal(1, exitCode);
        var problems = output.Split('\n').Where(l => l.Contains(" is empty:", StringComparison.Ordinal) || l.Contains(" is not set:", StringComparison.Ordinal)).ToList();
        var problem = Assert.Single(problems);
        Assert.StartsWith($"{missing} ", problem, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_InProductionWithNothingConfigured_NamesEveryKeyOnItsOwnLine()
    {
        var (exitCode, output) = await RunServiceAsync("", environment: "Production");

        Assert.Equal(1, exitCode);
        var lines = output.Split('\n').Select(l => l.Trim()).ToList();
        Assert.Contains(lines, l => l.StartsWith("MicrosoftAppId is empty", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Switchboard:ApiKeys is empty", StringComparison.Ordinal));
        Assert.Contains(lines, l => l.StartsWith("Graph:BaseUrl is not set", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Start_WithTheRemovedDashboardAllowRemote_ExitsNamingIt()
    {
        var (exitCode, output) = await RunServiceAsync("--Jobs:DashboardAllowRemote=true");

        Assert.Equal(1, exitCode);
        Assert.Contains("Jobs:DashboardAllowRemote is no longer supported", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_WithAnUnnamedOrShortApiKey_ExitsNamingIt()
    {
        var (exitCode, output) = await RunServiceAsync("--Switchboard:ApiKeys:0=0123456789abcdef0123456789abcdef --Switchboard:ApiKeys:trio=short");

        Assert.Equal(1, exitCode);
        Assert.Contains("Switchboard:ApiKeys:0: keys have names now", output, StringComparison.Ordinal);
        Assert.Contains("Switchboard:ApiKeys:trio: the key must be at least 32 characters", output, StringComparison.Ordinal);
    }

    /// <summary>Everything production requires, each as one argument (the tenant goes with the app id).</summary>
    private static readonly string[] ProductionSettings =
    [
        "--MicrosoftAppId=0b5e3c1a-7d2f-4e8b-9a61-3c4d5e6f7a8b --MicrosoftAppTenantId=5b7c9d1e-2f3a-4b5c-6d7e-8f9a0b1c2d3e --MicrosoftAppPassword=secret",
        "--Switchboard:ApiKeys:trio=0123456789abcdef0123456789abcdef",
        "--Graph:BaseUrl=http://127.0.0.1:9/v1.0",
    ];

    private async Task<(int ExitCode, string Output)> RunServiceAsync(string arguments, bool withDatabase = true, string environment = "Development")
    {
        var serviceDll = Path.Combine(AppContext.BaseDirectory, "PresenceBot.dll");
        var database = withDatabase ? $"\"--ConnectionStrings:PresenceBot=Data Source={Path.Combine(_folder, "presencebot.db")}\"" : "";
        var start = new ProcessStartInfo("dotnet", $"\"{serviceDll}\" --Urls=http://127.0.0.1:0 {database} --Jobs:RunServer=false {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
        // Development unless a test is about production: the configuration checks these tests are about come after
        // the production check, which would otherwise speak first.
        start.Environment["DOTNET_ENVIRONMENT"] = environment;
        start.Environment["ASPNETCORE_ENVIRONMENT"] = environment;
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException("The service did not stop on a bad configuration; it should refuse to start.");
        }

        return (process.ExitCode, await stdout + await stderr);
    }
}
