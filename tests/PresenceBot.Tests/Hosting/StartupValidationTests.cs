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

    private async Task<(int ExitCode, string Output)> RunServiceAsync(string arguments, bool withDatabase = true)
    {
        var serviceDll = Path.Combine(AppContext.BaseDirectory, "PresenceBot.dll");
        var database = withDatabase ? $"\"--ConnectionStrings:PresenceBot=Data Source={Path.Combine(_folder, "presencebot.db")}\"" : "";
        var start = new ProcessStartInfo("dotnet", $"\"{serviceDll}\" --Urls=http://127.0.0.1:0 {database} --Jobs:RunServer=false {arguments}")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            WorkingDirectory = AppContext.BaseDirectory,
        };
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
