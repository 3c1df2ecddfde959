using Glas.Web.Platform.Database;
using Npgsql;

namespace Glas.Web.Platform.Health;

public static class HealthEndpoints
{
    public static IEndpointRouteBuilder MapHealth(this IEndpointRouteBuilder app)
    {
        // Alive: the process answers.
        app.MapGet("/healthz", () => TypedResults.Text("ok")).ExcludeFromDescription();

        // Ready: the database answers and every migration has been applied.
        app.MapGet("/readyz", async (IConfiguration configuration, CancellationToken ct) =>
        {
            try
            {
                await using var conn = new NpgsqlConnection(configuration.GlasConnectionString());
                await conn.OpenAsync(ct);
                return await Migrator.IsUpToDateAsync(conn, ct)
                    ? Results.Text("ready")
                    : Results.Problem(statusCode: 503, title: "Migrations pending");
            }
            catch (NpgsqlException)
            {
                return Results.Problem(statusCode: 503, title: "Database unreachable");
            }
        }).ExcludeFromDescription();
        return app;
    }
}
