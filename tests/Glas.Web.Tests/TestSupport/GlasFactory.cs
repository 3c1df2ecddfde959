using Glas.Web.Platform.Database;
using Glas.Web.Platform.Tenancy;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace Glas.Web.Tests.TestSupport;

/// <summary>
/// Glas over HTTP against its own fresh PostgreSQL database, migrated and seeded with the demo
/// tenants and accounts, e-mail written to a private pickup folder.
/// </summary>
public class GlasFactory : WebApplicationFactory<Program>, IAsyncLifetime
{
    private TestDatabase? database;
    private readonly string? sharedDatabase;

    public GlasFactory()
    {
    }

    /// <summary>Another node of an installation whose database (and its demo data) another factory made.</summary>
    protected GlasFactory(string sharedConnectionString) => sharedDatabase = sharedConnectionString;

    /// <summary>The app's clock; tests move it forward to pass deadlines.</summary>
    public TestClock Clock { get; } = new();

    public string FilesDirectory { get; } = Path.Combine(Path.GetTempPath(), "glas-test-files-" + Guid.NewGuid().ToString("N")[..12]);

    public string MailDirectory { get; } = Path.Combine(Path.GetTempPath(), "glas-test-mail-" + Guid.NewGuid().ToString("N")[..12]);

    public string ConnectionString => sharedDatabase ?? database?.ConnectionString ?? throw new InvalidOperationException("Not initialised.");

    /// <summary>Settings a derived factory changes, e.g. a low rate limit.</summary>
    protected virtual IDictionary<string, string?> Settings => new Dictionary<string, string?>();

    public virtual async Task InitializeAsync()
    {
        if (sharedDatabase is null)
        {
            database = await TestDatabase.CreateAsync();
        }
        Directory.CreateDirectory(MailDirectory);
        _ = Services; // start the host: migrations and demo data run now.
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Testing");
        builder.UseSetting("ConnectionStrings:Glas", ConnectionString);
        builder.UseSetting("Glas:SeedDemoData", "true");
        builder.UseSetting("Glas:Email:PickupDirectory", MailDirectory);
        builder.UseSetting("Glas:Jobs:PollInterval", "00:00:00.200");
        builder.UseSetting("Glas:Jobs:BaseDelay", "00:00:01");
        builder.UseSetting("Glas:RateLimits:AuthPerMinute", "10000");
        builder.UseSetting("Glas:RateLimits:ParticipationPerMinute", "10000");
        builder.UseSetting("Glas:RateLimits:ParticipationPerAddressPerMinute", "10000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        // Map tiles from loopback, where nothing answers: tests never reach out to a tile server.
        builder.UseSetting("Glas:Feedback:TileUrl", "http://127.0.0.1:9/tiles/{z}/{x}/{y}.png");
        // The in-memory test server has no body-size feature; Kestrel (and the browser tests) do.
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Mvc.Filters.RequestSizeLimitFilter", "Error");
        builder.UseSetting("Logging:LogLevel:Microsoft.AspNetCore.Routing.EndpointRoutingMiddleware", "Error");
        builder.UseSetting("Glas:Files:Root", FilesDirectory);
        builder.UseSetting("Glas:InstallationAdministrators:0", "operator@example.org");
        builder.ConfigureServices(s => s.AddSingleton<TimeProvider>(Clock));
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>Where clients send requests: the test server, or the real port when Kestrel serves.</summary>
    protected virtual Uri ClientBase => new("http://localhost");

    public HttpClient Client(bool followRedirects = true) =>
        CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = followRedirects, HandleCookies = true, BaseAddress = ClientBase });

    /// <summary>Runs a query with the tenant of <paramref name="slug"/> as the current tenant.</summary>
    public async Task<T> WithDbAsync<T>(Func<GlasDbContext, Task<T>> query, string? slug = null)
    {
        using var scope = Services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GlasDbContext>();
        if (slug is not null)
        {
            scope.ServiceProvider.GetRequiredService<TenantContext>().Tenant = await db.Tenants.SingleAsync(t => t.Slug == slug);
        }
        return await query(db);
    }

    /// <summary>Waits for the background runner to write an e-mail to <paramref name="to"/> and returns its text.</summary>
    public Task<string> WaitForMailAsync(string to, int index = 0) => WaitForMailAsync(to, index, null);

    /// <summary>
    /// Waits for an e-mail to <paramref name="to"/> whose decoded text contains <paramref name="containing"/>
    /// (other mails to the same address, e.g. announcements of items other tests published, are passed over).
    /// </summary>
    public Task<string> WaitForMailAsync(string to, string containing) => WaitForMailAsync(to, 0, containing);

    private async Task<string> WaitForMailAsync(string to, int index, string? containing)
    {
        for (var i = 0; i < 100; i++)
        {
            var mails = Directory.GetFiles(MailDirectory, "*.eml")
                .Select(f => (File: f, Text: Mail.Decode(File.ReadAllText(f))))
                .Where(m => m.Text.Contains("To: " + to, StringComparison.OrdinalIgnoreCase))
                .Where(m => containing is null || m.Text.Contains(containing, StringComparison.Ordinal))
                .OrderBy(m => File.GetCreationTimeUtc(m.File)).ThenBy(m => m.File)
                .ToList();
            if (mails.Count > index)
            {
                return mails[index].Text;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"No e-mail #{index + 1} to {to}{(containing is null ? "" : " containing " + containing)} within 10 s in {MailDirectory}.");
    }

    async Task IAsyncLifetime.DisposeAsync() => await DisposeAllAsync();

    protected virtual async Task DisposeAllAsync()
    {
        await base.DisposeAsync();
        if (database is not null)
        {
            await database.DisposeAsync();
        }
        foreach (var dir in new[] { MailDirectory, FilesDirectory }.Where(Directory.Exists))
        {
            Directory.Delete(dir, recursive: true);
        }
    }
}
