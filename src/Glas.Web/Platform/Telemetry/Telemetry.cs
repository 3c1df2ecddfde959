using System.Diagnostics;
using System.Diagnostics.Metrics;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Glas.Web.Platform.Telemetry;

/// <summary>Glas's own traces and metrics: background jobs and the cache of anonymous pages.</summary>
public static class GlasTelemetry
{
    public const string Name = "Glas";

    public static readonly ActivitySource Source = new(Name);

    private static readonly Meter Meter = new(Name);

    /// <summary>Requests the cache could answer (anonymous, cacheable), and those it did answer.</summary>
    public static readonly Counter<long> CacheLookups = Meter.CreateCounter<long>("glas.cache.lookups", description: "Anonymous requests looked up in the page cache");

    public static readonly Counter<long> CacheHits = Meter.CreateCounter<long>("glas.cache.hits", description: "Anonymous requests answered from the page cache");

    public static readonly Histogram<double> JobDuration = Meter.CreateHistogram<double>("glas.jobs.duration", unit: "s", description: "Background jobs run, by kind and outcome");
}

public sealed class TelemetryOptions
{
    /// <summary>OTLP endpoint (e.g. http://collector:4318); none means no telemetry is exported.</summary>
    public string? OtlpEndpoint { get; set; }
}

public static class TelemetryExtensions
{
    /// <summary>
    /// OpenTelemetry traces and metrics over OTLP (ASP.NET Core, Npgsql, the job runner, the page
    /// cache), only when an endpoint is configured: <c>Glas:Telemetry:OtlpEndpoint</c> or the standard
    /// <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.
    /// </summary>
    public static IServiceCollection AddGlasTelemetry(this IServiceCollection services, IConfiguration configuration)
    {
        var endpoint = configuration["Glas:Telemetry:OtlpEndpoint"] ?? configuration["OTEL_EXPORTER_OTLP_ENDPOINT"];
        if (string.IsNullOrWhiteSpace(endpoint) || !Uri.TryCreate(endpoint, UriKind.Absolute, out var uri))
        {
            return services;
        }
        services.AddOpenTelemetry()
            .ConfigureResource(r => r.AddService("glas"))
            .WithTracing(t => t.AddAspNetCoreInstrumentation().AddSource("Npgsql").AddSource(GlasTelemetry.Name).AddOtlpExporter(o => o.Endpoint = uri))
            .WithMetrics(m => m.AddAspNetCoreInstrumentation().AddMeter("Npgsql").AddMeter(GlasTelemetry.Name).AddOtlpExporter(o => o.Endpoint = uri));
        return services;
    }
}
