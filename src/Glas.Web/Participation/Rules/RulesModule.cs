using Glas.Web.Platform.Database;
using Glas.Web.Platform.Modules;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Participation.Rules;

/// <summary>The platform rules of each administration: versions, acceptance before contributing, and the public moderation log.</summary>
public sealed class RulesModule : GlasModule
{
    public override string Key => "rules";

    public override int Order => 6;

    public override IEnumerable<NavEntry> StaffLinks =>
    [
        new("/rules/manage", typeof(RulesPageText), "Manage.Title", Platform.Identity.TenantRole.Administrator),
    ];

    public override void AddServices(IServiceCollection services, IConfiguration configuration) => services.AddScoped<RulesGate>();

    public override Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => RulesDemoData.SeedAsync(services, ct);

    public override IEnumerable<PersonalReference> PersonalReferences =>
    [
        new(typeof(RulesVersion), nameof(RulesVersion.CreatedBy)),
        new(typeof(RulesAcceptance), nameof(RulesAcceptance.UserId)),
    ];

    public override async Task<object?> PersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        var accepted = await db.RulesAcceptances.IgnoreQueryFilters().AsNoTracking().Where(a => a.UserId == userId).OrderBy(a => a.AcceptedAt)
            .Select(a => new { a.TenantId, a.Version, a.AcceptedAt }).ToListAsync(ct);
        var written = await db.RulesVersions.IgnoreQueryFilters().AsNoTracking().Where(v => v.CreatedBy == userId).OrderBy(v => v.CreatedAt)
            .Select(v => new { v.TenantId, v.Version, v.CreatedAt }).ToListAsync(ct);
        return accepted.Count + written.Count == 0 ? null : new { rulesAccepted = accepted, rulesVersionsWritten = written };
    }

    public override async Task ErasePersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        await db.RulesAcceptances.IgnoreQueryFilters().Where(a => a.UserId == userId).ExecuteDeleteAsync(ct);
        await db.RulesVersions.IgnoreQueryFilters().Where(v => v.CreatedBy == userId).ExecuteUpdateAsync(s => s.SetProperty(v => v.CreatedBy, (Guid?)null), ct);
    }
}
