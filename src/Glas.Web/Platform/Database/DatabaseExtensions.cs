using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Platform.Database;

public static class DatabaseExtensions
{
    public static string GlasConnectionString(this IConfiguration configuration) =>
        configuration.GetConnectionString("Glas")
        ?? throw new InvalidOperationException(
            "No database configured: set ConnectionStrings__Glas, or start Glas with the README's run command.");

    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration)
    {
        // Prepared statements by default: the same few queries run on every page, and PostgreSQL then
        // plans each once per connection instead of on every request.
        var connection = new Npgsql.NpgsqlConnectionStringBuilder(configuration.GlasConnectionString());
        if (connection.MaxAutoPrepare == 0)
        {
            connection.MaxAutoPrepare = 100;
            connection.AutoPrepareMinUsages = 2;
        }
        // Interceptors registered by the platform's parts (e.g. search, which queues the index's update with each save).
        services.AddDbContext<GlasDbContext>((sp, o) => o.UseNpgsql(connection.ConnectionString)
            .AddInterceptors(sp.GetServices<Microsoft.EntityFrameworkCore.Diagnostics.IInterceptor>()));
        return services;
    }

    /// <summary>Applies pending migrations before the app serves requests.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Glas.Migrations");
        await Migrator.MigrateAsync(app.Configuration.GlasConnectionString(), logger);
    }
}

public static class SearchText
{
    /// <summary>A "contains" pattern for ILIKE in which the user's %, _ and \ match themselves.</summary>
    public static string Contains(string text) =>
        "%" + text.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}

public static class SchemaScriptExtensions
{
    public static string SchemaScript(this GlasDbContext db) =>
        Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GenerateCreateScript(db.Database);
}
