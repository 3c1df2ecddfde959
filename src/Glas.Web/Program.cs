using Glas.Web.Accounts;
using Glas.Web.Admin;
using Glas.Web.DemoData;
using Glas.Web.Platform.Caching;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Email;
using Glas.Web.Platform.Files;
using Glas.Web.Platform.Health;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Jobs;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.Security;
using Glas.Web.Platform.Telemetry;
using Glas.Web.Platform.Tenancy;
using Glas.Web.Platform.Web;

var builder = WebApplication.CreateBuilder(args);

// Logs: one JSON object per line on the console, with the request's trace id (its scope).
builder.Logging.ClearProviders().AddJsonConsole(o => o.IncludeScopes = true);

// Platform: database, tenants, accounts, security, e-mail, background jobs, languages, pages and API.
builder.Services
    .AddDatabase(builder.Configuration)
    .AddTenancy(builder.Configuration)
    .AddGlasIdentity(builder.Configuration)
    .AddPlatformSecurity(builder.Configuration)
    .AddEmail(builder.Configuration)
    .AddFiles(builder.Configuration)
    .AddJobs(builder.Configuration)
    .AddGlasLocalization()
    .AddGlasWeb(builder.Configuration)
    .AddPageCache(builder.Configuration)
    .AddGlasTelemetry(builder.Configuration);

// Modules: every declared module in this build (see Platform/Modules).
builder.Services.AddModules(builder.Configuration);

var app = builder.Build();

// `schema-script` prints the DDL that the EF model implies, to draft the next migration.
if (args.Contains("schema-script"))
{
    Console.WriteLine(app.Services.CreateScope().ServiceProvider.GetRequiredService<GlasDbContext>().SchemaScript());
    return;
}

// Schema, then demo data when asked, then a default tenant if there is none.
await app.MigrateDatabaseAsync();
if (app.Configuration.GetValue<bool>("Glas:SeedDemoData"))
{
    await DemoSeeder.SeedAsync(app.Services);
}
await DefaultTenant.EnsureAsync(app.Services, app.Configuration.GetSection("Glas:DefaultTenant").Get<DefaultTenantOptions>() ?? new());

// Pipeline: proxy headers, errors, security headers, tenant, static files, language, the cache of anonymous pages, auth.
app.UseTrustedProxies(app.Configuration);
app.UseGlasErrors();
app.UseSecurityHeaders();
app.UseCookiePolicy();
if (app.Configuration.GetValue<bool>("Glas:Web:RequireHttps"))
{
    app.UseHsts();
    app.UseHttpsRedirection();
}
app.UseTenancy();
app.UseSafeText();
app.UseSameOriginApiWrites();
app.UseStaticFiles();
app.UseRequestLocalization();
app.UseRouting();
app.UsePageCache();
app.UseRequestSizeLimit();
app.UseRateLimiter();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();

// Endpoints: health, OpenAPI, the API of each module, and the pages.
app.MapHealth();
app.MapSecurityTxt();
app.MapSiteFiles();
app.MapOpenApi();
app.MapTenantsApi();
app.MapTenantLogo();
app.MapAccountsApi();
app.MapAdminApi();
app.MapModules();
app.MapRazorPages();

app.Run();

public partial class Program;
