using System.Diagnostics;
using System.Reflection;
using System.Text;
using System.Text.Json;

namespace PresenceBot.Tests.Infra;

/// <summary>
/// Every Bicep file under infra/bicep builds and lints with the Bicep CLI from NuGet (Azure.Bicep.CommandLine.linux-x64)
/// without a single diagnostic: no error, no warning, no linter note. Offline: nothing refers to a registry
/// (<c>--no-restore</c>), and the API versions are checked against the types built into the CLI.
/// </summary>
public sealed class BicepTests
{
    /// <summary>The secrets the parameter files read from the deployer's environment: stand-ins of valid lengths.</summary>
    private static readonly Dictionary<string, string> DeployerEnvironment = new()
    {
        ["POSTGRES_ADMIN_PASSWORD"] = "Test-Password-1234",
        ["SWITCHBOARD_WEBHOOK_SECRET"] = new string('w', 48),
        ["SWITCHBOARD_API_KEYS"] = """["test-api-key"]""",
    };

    private static readonly string BicepFolder = Path.Combine(RepositoryRoot(), "infra", "bicep");

    [Fact]
    public void The_deployment_has_a_template_and_a_parameter_file_per_environment()
    {
        Assert.True(File.Exists(Path.Combine(BicepFolder, "main.bicep")));
        Assert.True(File.Exists(Path.Combine(BicepFolder, "test.bicepparam")));
        Assert.True(File.Exists(Path.Combine(BicepFolder, "prod.bicepparam")));
        Assert.True(File.Exists(Path.Combine(BicepFolder, "bicepconfig.json")));
    }

    [Fact]
    public async Task Every_bicep_and_bicepparam_file_lints_clean()
    {
        var files = BicepFiles("*.bicep").Concat(BicepFiles("*.bicepparam")).ToList();

        var (documents, problems) = await RunAsync(BicepFolder, "lint", "--pattern", "**/*.bicep*", "--no-restore", "--diagnostics-format", "sarif");

        Assert.Equal(files.Count, documents);
        Assert.Empty(problems);
    }

    [Fact]
    public async Task Every_bicep_file_builds_clean()
    {
        var output = Directory.CreateTempSubdirectory("presencebot-bicep-").FullName;
        try
        {
            var (documents, problems) = await RunAsync(
                BicepFolder, "build", "--pattern", "**/*.bicep", "--no-restore", "--outdir", output, "--diagnostics-format", "sarif");

            Assert.Equal(BicepFiles("*.bicep").Count, documents);
            Assert.Empty(problems);
            Assert.True(File.Exists(Path.Combine(output, "main.json")));
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public async Task Every_parameter_file_builds_clean()
    {
        var output = Directory.CreateTempSubdirectory("presencebot-bicepparam-").FullName;
        try
        {
            var (documents, problems) = await RunAsync(
                BicepFolder, "build-params", "--pattern", "*.bicepparam", "--no-restore", "--outdir", output, "--diagnostics-format", "sarif");

            Assert.Equal(BicepFiles("*.bicepparam").Count, documents);
            Assert.Empty(problems);
            using var prod = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(output, "prod.json")));
            Assert.True(prod.RootElement.GetProperty("parameters").GetProperty("instanceCount").GetProperty("value").GetInt32() >= 2);
        }
        finally
        {
            Directory.Delete(output, recursive: true);
        }
    }

    [Fact]
    public void Diagnostics_are_read_from_every_sarif_document_the_cli_writes()
    {
        // The parser itself: a clean document, then one with a warning, as `bicep lint --pattern` writes them back to back.
        const string sarif = """
            {"runs":[{"results":[]}]}{"runs":[{"results":[{"ruleId":"no-unused-params","level":"warning","message":{"text":"Parameter \"x\" is declared but never used."},"locations":[{"physicalLocation":{"artifactLocation":{"uri":"file:///a/main.bicep"},"region":{"startLine":3}}}]}]}]}
            """;

        var (documents, problems) = ReadSarif(sarif);

        Assert.Equal(2, documents);
        Assert.Equal(["main.bicep:3 warning no-unused-params: Parameter \"x\" is declared but never used."], problems);
    }

    private static List<string> BicepFiles(string pattern) =>
        [.. Directory.EnumerateFiles(BicepFolder, pattern, SearchOption.AllDirectories)];

    /// <summary>Runs the CLI; the SARIF documents it wrote (one per file, on stdout or stderr) and every diagnostic in them.</summary>
    private static async Task<(int Documents, List<string> Problems)> RunAsync(string workingDirectory, params string[] arguments)
    {
        var start = new ProcessStartInfo(BicepPath())
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        foreach (var argument in arguments)
        {
            start.ArgumentList.Add(argument);
        }

        foreach (var (name, value) in DeployerEnvironment)
        {
            start.Environment[name] = value;
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromMinutes(5));
        await process.WaitForExitAsync(timeout.Token);
        var (outDocuments, outProblems) = ReadSarif(await stdout);
        var (errDocuments, errProblems) = ReadSarif(await stderr);
        var problems = outProblems.Concat(errProblems).ToList();
        if (process.ExitCode != 0)
        {
            problems.Add($"bicep {arguments[0]} exited with {process.ExitCode}");
        }

        return (outDocuments + errDocuments, problems);
    }

    private static (int Documents, List<string> Problems) ReadSarif(string text)
    {
        var problems = new List<string>();
        var documents = 0;
        var reader = new Utf8JsonReader(Encoding.UTF8.GetBytes(text), new JsonReaderOptions { AllowMultipleValues = true });
        try
        {
            while (reader.Read())
            {
                using var document = JsonDocument.ParseValue(ref reader);
                documents++;
                foreach (var result in document.RootElement.GetProperty("runs").EnumerateArray().SelectMany(r => r.GetProperty("results").EnumerateArray()))
                {
                    problems.Add(Describe(result));
                }
            }
        }
        catch (JsonException)
        {
            // Anything but SARIF (a crash, a network complaint) is a problem too, shown as it came.
            problems.Add($"not SARIF: {text}");
        }

        return (documents, problems);
    }

    private static string Describe(JsonElement result)
    {
        var where = result.TryGetProperty("locations", out var locations) && locations.GetArrayLength() > 0
            ? locations[0].GetProperty("physicalLocation") is var location
                ? $"{Path.GetFileName(location.GetProperty("artifactLocation").GetProperty("uri").GetString())}:{location.GetProperty("region").GetProperty("startLine").GetInt32()}"
                : "?"
            : "?";
        var level = result.TryGetProperty("level", out var l) ? l.GetString() : "warning";
        return $"{where} {level} {result.GetProperty("ruleId").GetString()}: {result.GetProperty("message").GetProperty("text").GetString()}";
    }

    private static string BicepPath() =>
        typeof(BicepTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "BicepPath").Value
        ?? throw new InvalidOperationException("BicepPath is not set: is Azure.Bicep.CommandLine.linux-x64 referenced?");

    private static string RepositoryRoot()
    {
        for (var folder = new DirectoryInfo(AppContext.BaseDirectory); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, "PresenceBot.sln")))
            {
                return folder.FullName;
            }
        }

        throw new InvalidOperationException("PresenceBot.sln not found above the test's folder.");
    }
}
