using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Consultations;

/// <summary>Public consultations on draft acts (ЗНА чл. 26), declared to the platform.</summary>
public sealed class ConsultationsModule : GlasModule
{
    public override string Key => "consultations";

    public override int Order => 10;

    public override IEnumerable<NavEntry> Navigation =>
    [
        new("/consultations", typeof(ConsultationsText), "Nav"),
    ];

    public override IEnumerable<NavEntry> StaffLinks =>
    [
        new("/consultations/edit", typeof(ConsultationsText), "Nav.New", TenantRole.Official),
    ];

    public override Type? HomeComponent => typeof(ConsultationsHomeViewComponent);

    public override void AddServices(IServiceCollection services, IConfiguration configuration)
    {
        services.Configure<ConsultationOptions>(configuration.GetSection("Glas:Consultations"));
        services.AddScoped<FollowerMail>();
        services.AddScoped<ConsultationDocumentSubjects>();
        services.AddScoped<IDocumentSubjects>(sp => sp.GetRequiredService<ConsultationDocumentSubjects>());
        services.AddSingleton<ConsultationClock>();
        if (configuration.GetValue("Glas:Consultations:ClockEnabled", true))
        {
            services.AddHostedService(sp => sp.GetRequiredService<ConsultationClock>());
        }
    }

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapConsultationsApi();

    public override Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => ConsultationsDemoData.SeedAsync(services, ct);

    public override IEnumerable<PersonalReference> PersonalReferences =>
    [
        new(typeof(Consultation), nameof(Consultation.CreatedBy)),
        new(typeof(Comment), nameof(Comment.AuthorId)),
        new(typeof(Comment), nameof(Comment.HiddenBy)),
        new(typeof(CommentSupport), nameof(CommentSupport.UserId)),
        new(typeof(CommentFlag), nameof(CommentFlag.ReporterId)),
        new(typeof(ProposalAnswer), nameof(ProposalAnswer.AnsweredBy)),
        new(typeof(ProcessRating), nameof(ProcessRating.UserId)),
    ];

    public override async Task<object?> PersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        var comments = await db.Comments.IgnoreQueryFilters().AsNoTracking().Where(c => c.AuthorId == userId).OrderBy(c => c.CreatedAt)
            .Select(c => new { c.Id, c.ConsultationId, c.UnitId, c.ParentId, shown = c.Shown.ToString(), c.OrganisationName, c.Text, c.CreatedAt, hidden = c.HiddenAt != null })
            .ToListAsync(ct);
        var supports = await db.CommentSupports.AsNoTracking().Where(s => s.UserId == userId).Select(s => new { s.CommentId, s.CreatedAt }).ToListAsync(ct);
        var flags = await db.CommentFlags.AsNoTracking().Where(f => f.ReporterId == userId).Select(f => new { f.CommentId, f.Reason, f.CreatedAt }).ToListAsync(ct);
        var ratings = await db.ProcessRatings.AsNoTracking().Where(r => r.UserId == userId).Select(r => new { r.ConsultationId, r.Score, r.Remark, r.CreatedAt }).ToListAsync(ct);
        // What the person did as staff: consultations created, comments hidden, proposals answered (uploads: the documents component).
        var created = await db.Consultations.IgnoreQueryFilters().AsNoTracking().Where(c => c.CreatedBy == userId).Select(c => new { c.Id, c.Title, c.CreatedAt }).ToListAsync(ct);
        var hidden = await db.Comments.IgnoreQueryFilters().AsNoTracking().Where(c => c.HiddenBy == userId).Select(c => new { c.Id, c.HiddenAt, c.HiddenReason }).ToListAsync(ct);
        var answered = await db.ProposalAnswers.AsNoTracking().Where(a => a.AnsweredBy == userId).Select(a => new { a.CommentId, outcome = a.Outcome.ToString(), a.AnsweredAt }).ToListAsync(ct);
        return new { comments, supports, flags, ratings, created, hidden, answered };
    }

    public override async Task ErasePersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        // Comments stay in the record (the справка answers them), shown as by a deleted user, without the organisation's name.
        await db.Comments.IgnoreQueryFilters().Where(c => c.AuthorId == userId)
            .ExecuteUpdateAsync(s => s.SetProperty(c => c.Shown, AuthorShown.DisplayName).SetProperty(c => c.OrganisationName, (string?)null), ct);
        await db.ProcessRatings.Where(r => r.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Remark, (string?)null), ct);
        await db.CommentFlags.Where(f => f.ReporterId == userId).ExecuteUpdateAsync(s => s.SetProperty(f => f.Reason, "—"), ct);
    }

    public override async Task<IReadOnlyList<ModuleStatistic>> StatisticsAsync(GlasDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var published = await db.Published().CountAsync(c => c.CreatedAt >= from && c.CreatedAt < to, ct);
        var comments = await db.Comments.CountAsync(c => c.CreatedAt >= from && c.CreatedAt < to, ct);
        var participants = await db.Comments.Where(c => c.CreatedAt >= from && c.CreatedAt < to).Select(c => c.AuthorId).Distinct().CountAsync(ct);
        return [new("consultations", published), new("comments", comments), new("participants", participants)];
    }

    public override string? FeedTitle(IServiceProvider services, Tenant tenant) => $"{tenant.NameBg} — обществени консултации";

    public override async Task<IReadOnlyList<FeedItem>> FeedItemsAsync(IServiceProvider services, int max, CancellationToken ct)
    {
        var t = services.GetRequiredService<IStringLocalizer<ConsultationsText>>();
        return (await services.GetRequiredService<GlasDbContext>().Published().AsNoTracking().OrderByDescending(c => c.UpdatedAt).Take(max)
                .Select(c => new { c.Id, c.Title, c.Summary, c.CreatedAt, c.UpdatedAt, c.Status }).ToListAsync(ct))
            .Select(c => new FeedItem(Key, c.Id, c.Title, c.Summary, $"/consultations/{c.Id}", c.CreatedAt, c.UpdatedAt, c.Status.ToString(), t["Status." + c.Status].Value))
            .ToList();
    }
}
