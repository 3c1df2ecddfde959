using Glas.Web.Platform.Jobs;
using Glas.Web.Platform.Tenancy;

namespace Glas.Web.ParticipationIndex;

/// <summary>Computes the stored index of every administration again, every hour, so the dashboard follows the modules' data without computing it per request.</summary>
public sealed class IndexRefreshJob(IServiceScopeFactory scopes, TenantDirectory directory) : IRecurringJob
{
    public const string JobKind = "index.refresh";

    public string Kind => JobKind;

    public DateTimeOffset NextRun(DateTimeOffset now) => now.AddHours(1);

    public async Task RunAsync(string payload, CancellationToken ct)
    {
        foreach (var tenant in await directory.AllAsync(ct))
        {
            using var scope = scopes.CreateScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Tenant = tenant;
            await scope.ServiceProvider.GetRequiredService<IndexStore>().RefreshAsync(ct);
        }
    }
}
