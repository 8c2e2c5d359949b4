using Azure.Monitor.OpenTelemetry.AspNetCore;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace PresenceBot.Telemetry;

internal static class TelemetrySetup
{
    /// <summary>Every meter and activity source of ours is named <c>PresenceBot.…</c>; OpenTelemetry takes them by this pattern.</summary>
    public const string OurNames = "PresenceBot.*";

    /// <summary>
    /// OpenTelemetry traces, metrics and logs, exported with OTLP when <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> is set and to
    /// Azure Monitor when <c>APPLICATIONINSIGHTS_CONNECTION_STRING</c> is set. With neither (and without
    /// <c>Telemetry:Collect</c>, which tests use to attach an exporter of their own) nothing is registered at all, so the
    /// embedded defaults pay nothing for it.
    /// </summary>
    public static IHostApplicationBuilder AddTelemetry(this IHostApplicationBuilder builder)
    {
        var exports = TelemetryExports.From(builder.Configuration);
        if (!exports.Any)
        {
            return builder;
        }

        var telemetry = builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("PresenceBot", serviceInstanceId: Environment.MachineName))
            .WithTracing(tracing => tracing
                .AddSource(OurNames)
                .AddAspNetCoreInstrumentation(aspNet =>
                {
                    aspNet.Filter = context => !TelemetryRedaction.IsProbe(context.Request.Path);
                    aspNet.EnrichWithHttpResponse = TelemetryRedaction.ScrubServerSpan;
                })
                .AddHttpClientInstrumentation(http => http.EnrichWithHttpRequestMessage = TelemetryRedaction.ScrubClientSpan))
            .WithMetrics(metrics => metrics
                .AddMeter(OurNames)
                .AddAspNetCoreInstrumentation()
                .AddHttpClientInstrumentation()
                .AddRuntimeInstrumentation())
            .WithLogging(logging => { }, options =>
            {
                // Our messages are written so that they hold ids, never names or contents; scopes and raw state add nothing.
                options.IncludeScopes = false;
                options.IncludeFormattedMessage = true;
            });

        if (exports.Otlp)
        {
            // Endpoint, protocol and headers come from the standard OTEL_EXPORTER_OTLP_* variables.
            telemetry.UseOtlpExporter();
        }

        if (exports.AzureMonitor)
        {
            // The connection string is read from APPLICATIONINSIGHTS_CONNECTION_STRING. The distro's own instrumentation
            // is the same ASP.NET Core and HttpClient instrumentation, so the redaction above applies to it too.
            telemetry.UseAzureMonitor();
        }

        return builder;
    }
}
