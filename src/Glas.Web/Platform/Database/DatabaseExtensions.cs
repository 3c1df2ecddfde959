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
        services.AddDbContext<GlasDbContext>(o => o.UseNpgsql(configuration.GlasConnectionString()));
        return services;
    }

    /// <summary>Applies pending migrations before the app serves requests.</summary>
    public static async Task MigrateDatabaseAsync(this WebApplication app)
    {
        var logger = app.Services.GetRequiredService<ILoggerFactory>().CreateLogger("Glas.Migrations");
        await Migrator.MigrateAsync(app.Configuration.GlasConnectionString(), logger);
    }
}

public static class SchemaScriptExtensions
{
    public static string SchemaScript(this GlasDbContext db) =>
        Microsoft.EntityFrameworkCore.RelationalDatabaseFacadeExtensions.GenerateCreateScript(db.Database);
}
