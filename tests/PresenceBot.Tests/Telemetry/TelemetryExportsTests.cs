using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry.Trace;
using PresenceBot.Telemetry;

namespace PresenceBot.Tests.Telemetry;

public sealed class TelemetryExportsTests
{
    [Theory]
    [InlineData(null, null, false, false)]
    [InlineData("http://collector:4317", null, true, false)]
    [InlineData(null, "InstrumentationKey=00000000-0000-0000-0000-000000000000", false, true)]
    [InlineData("  ", "", false, false)]
    public void From_ExportsOnlyWhatIsConfigured(string? otlp, string? appInsights, bool expectOtlp, bool expectAzureMonitor)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = otlp,
            ["APPLICATIONINSIGHTS_CONNECTION_STRING"] = appInsights,
        }).Build();

        var exports = TelemetryExports.From(configuration);

        Assert.Equal(expectOtlp, exports.Otlp);
        Assert.Equal(expectAzureMonitor, exports.AzureMonitor);
        Assert.Equal(expectOtlp || expectAzureMonitor, exports.Any);
    }

    [Fact]
    public async Task Without_an_exporter_no_telemetry_pipeline_is_built()
    {
        await using var app = new PresenceBotApplication();
        using var client = app.CreateClient();

        Assert.Null(app.Services.GetService<TracerProvider>());
    }

    [Fact]
    public async Task An_otlp_endpoint_builds_the_pipeline()
    {
        // A loopback port nobody listens on: export fails quietly, nothing leaves the machine.
        await using var app = new PresenceBotApplication(new Dictionary<string, string?> { ["OTEL_EXPORTER_OTLP_ENDPOINT"] = "http://127.0.0.1:9" });
        using var client = app.CreateClient();

        Assert.NotNull(app.Services.GetService<TracerProvider>());
    }
}
