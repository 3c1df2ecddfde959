using Glas.Web.Platform.Database;
using Npgsql;

namespace Glas.Web.Platform.Health;

/// <summary>What <c>/readyz</c> answers: the database, and how far the job runner is behind.</summary>
public sealed record Readiness(string Status, string Database, double JobLagSeconds, int JobsDue);

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        // Alive: the process answers.
        app.MapGet("/healthz", () => TypedResults.Text("ok")).ExcludeFromDescription();

        // Ready: the database answers and every migration has been applied. A load balancer sends
        // traffic to a node while this answers 200; the job runner's lag (the oldest due job's wait)
        // is reported for monitoring, not for routing, since every node's runner takes from one queue.
        app.MapGet("/readyz", async (IConfiguration configuration, TimeProvider time, CancellationToken ct) =>
        {
            try
            {
                await using var conn = new NpgsqlConnection(configuration.GlasConnectionString());
                await conn.OpenAsync(ct);
                if (!await Migrator.IsUpToDateAsync(conn, ct))
                {
                    return Results.Problem(statusCode: 503, title: "Migrations pending");
                }
                await using var lag = new NpgsqlCommand("""SELECT min("RunAt"), count(*) FROM "Jobs" WHERE "Status" = 'Pending' AND "RunAt" <= @now""", conn);
                var now = time.GetUtcNow();
                lag.Parameters.AddWithValue("now", now);
                await using var reader = await lag.ExecuteReaderAsync(ct);
                await reader.ReadAsync(ct);
                var oldest = reader.IsDBNull(0) ? (DateTimeOffset?)null : reader.GetFieldValue<DateTimeOffset>(0);
                var due = (int)reader.GetInt64(1);
                return Results.Json(new Readiness("ready", "ok", oldest is { } o ? Math.Round((now - o).TotalSeconds, 1) : 0, due));
            }
            catch (NpgsqlException)
            {
                return Results.Problem(statusCode: 503, title: "Database unreachable");
            }
        }).ExcludeFromDescription();
        return app;
    }
}
