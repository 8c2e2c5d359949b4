namespace PresenceBot.Telemetry;

/// <summary>Where telemetry goes, read from the standard variables of OpenTelemetry and Application Insights.</summary>
internal sealed record TelemetryExports(bool Otlp, bool AzureMonitor, bool Collect)
{
    public bool Any => Otlp || AzureMonitor || Collect;

    public static TelemetryExports From(IConfiguration configuration) => new(
        Otlp: !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]),
        AzureMonitor: !string.IsNullOrWhiteSpace(configuration["APPLICATIONINSIGHTS_CONNECTION_STRING"]),
        Collect: configuration.GetValue<bool>("Telemetry:Collect"));
}
