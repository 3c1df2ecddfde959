using Glas.Web.Participation.Comments;
using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Identity;
using Glas.Web.Platform.Jobs;
using Glas.Web.Platform.Modules;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Consultations;

/// <summary>Public consultations on draft acts (ЗНА чл. 26), declared to the platform.</summary>
public sealed class ConsultationsModule : GlasModule
{
    public override string Key => "consultations";

    /// <summary>Policies in monitoring show the consultation that discussed them.</summary>
    public override IEnumerable<string> EvictsOnWrite => [Key, Platform.Caching.CacheScope.Shared, "monitoring"];

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
        services.AddScoped<ICommentSubjects, ConsultationComments>();
        services.AddSingleton<ConsultationClock>();
        if (configuration.GetValue("Glas:Consultations:ClockEnabled", true))
        {
            services.AddSingleton<IJobHandler>(sp => sp.GetRequiredService<ConsultationClock>());
        }
    }

    public override void MapEndpoints(IEndpointRouteBuilder app) => app.MapConsultationsApi();

    public override Task SeedDemoAsync(IServiceProvider services, CancellationToken ct) => ConsultationsDemoData.SeedAsync(services, ct);

    public override IEnumerable<PersonalReference> PersonalReferences =>
    [
        new(typeof(Consultation), nameof(Consultation.CreatedBy)),
        new(typeof(ProposalAnswer), nameof(ProposalAnswer.AnsweredBy)),
        new(typeof(ProcessRating), nameof(ProcessRating.UserId)),
    ];

    public override async Task<object?> PersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        // The person's comments, supports and reports are the comments component's; follows the notifications'.
        var ratings = await db.ProcessRatings.AsNoTracking().Where(r => r.UserId == userId).Select(r => new { r.ConsultationId, r.Score, r.Remark, r.CreatedAt }).ToListAsync(ct);
        // What the person did as staff: consultations created, proposals answered (uploads: the documents component; hidden comments: the comments component).
        var created = await db.Consultations.IgnoreQueryFilters().AsNoTracking().Where(c => c.CreatedBy == userId).Select(c => new { c.Id, c.Title, c.CreatedAt }).ToListAsync(ct);
        var answered = await db.ProposalAnswers.AsNoTracking().Where(a => a.AnsweredBy == userId).Select(a => new { a.CommentId, outcome = a.Outcome.ToString(), a.AnsweredAt }).ToListAsync(ct);
        return new { ratings, created, answered };
    }

    public override async Task ErasePersonalDataAsync(GlasDbContext db, Guid userId, CancellationToken ct)
    {
        await db.ProcessRatings.Where(r => r.UserId == userId).ExecuteUpdateAsync(s => s.SetProperty(r => r.Remark, (string?)null), ct);
    }

    public override async Task<IReadOnlyList<ModuleStatistic>> StatisticsAsync(GlasDbContext db, DateTimeOffset from, DateTimeOffset to, CancellationToken ct)
    {
        var published = await db.Published().CountAsync(c => c.CreatedAt >= from && c.CreatedAt < to, ct);
        var commented = db.Comments.Where(c => c.SubjectKind == ConsultationComments.Kind && c.CreatedAt >= from && c.CreatedAt < to);
        var comments = await commented.CountAsync(ct);
        var participants = await commented.Select(c => c.AuthorId).Distinct().CountAsync(ct);
        var proposals = await commented.CountAsync(c => c.ParentId == null, ct);
        // Closed in the period (not withdrawn), and of those the ones whose справка came out within 30 days of closing.
        var closed = db.Published().Where(c => c.Status != ConsultationStatus.Withdrawn && c.ClosesAt >= from && c.ClosesAt < to);
        var closedCount = await closed.CountAsync(ct);
        var onTime = await closed.CountAsync(c => c.ReportPublishedAt != null && c.ReportPublishedAt <= c.ClosesAt.AddDays(30), ct);
        var answers = db.ProposalAnswers.Where(a => a.AnsweredAt >= from && a.AnsweredAt < to && a.Outcome != AnswerOutcome.NotAProposal
            && db.Consultations.Any(c => c.Id == a.ConsultationId));
        var answered = await answers.CountAsync(ct);
        var accepted = await answers.CountAsync(a => a.Outcome == AnswerOutcome.Accepted || a.Outcome == AnswerOutcome.PartiallyAccepted, ct);
        var ratings = db.ProcessRatings.Where(r => r.CreatedAt >= from && r.CreatedAt < to && db.Consultations.Any(c => c.Id == r.ConsultationId));
        var ratingCount = await ratings.CountAsync(ct);
        List<ModuleStatistic> numbers =
        [
            new("consultations", published), new("comments", comments), new("participants", participants), new("proposals", proposals),
            new("closed", closedCount), new("reports_on_time", onTime), new("proposals_answered", answered), new("proposals_accepted", accepted),
            new("process_ratings", ratingCount),
        ];
        if (ratingCount > 0)
        {
            numbers.Add(new("process_rating_average", Math.Round(await ratings.AverageAsync(r => (decimal)r.Score, ct), 2)));
        }
        return numbers;
    }

    public override string? FeedTitle(IServiceProvider services, Tenant tenant) => $"{tenant.NameBg} — обществени консултации";

    public override async Task<IReadOnlyList<FeedItem>> FeedItemsAsync(IServiceProvider services, int max, CancellationToken ct)
    {
        var t = services.GetRequiredService<IStringLocalizer<ConsultationsText>>();
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        // Published: when it opened for proposals (or when it was announced, while it has not opened yet).
        return (await services.GetRequiredService<GlasDbContext>().Published().AsNoTracking().OrderByDescending(c => c.UpdatedAt).Take(max)
                .Select(c => new { c.Id, c.Title, c.Summary, c.CreatedAt, c.OpensAt, c.UpdatedAt, c.Status }).ToListAsync(ct))
            .Select(c => new FeedItem(Key, c.Id, c.Title, c.Summary, $"/consultations/{c.Id}", c.OpensAt <= now ? c.OpensAt : c.CreatedAt, c.UpdatedAt,
                c.Status.ToString(), t["Status." + c.Status].Value))
            .ToList();
    }

    /// <summary>For officials: their drafts and scheduled consultations, reports waiting (late after 30 days), proposals unanswered.</summary>
    public override Task<IReadOnlyList<WorkGroup>> WorkTasksAsync(IServiceProvider services, WorkContext who, CancellationToken ct) =>
        ConsultationWork.TasksAsync(services, who, ct);

    public override IEnumerable<SearchTrigger> SearchTriggers => [new(typeof(Consultation), c => ((Consultation)c).Id)];

    /// <summary>Published consultations (not drafts) with their summary and the whole draft's text.</summary>
    public override async Task<IReadOnlyList<SearchItem>> SearchItemsAsync(IServiceProvider services, IReadOnlyCollection<Guid>? ids, CancellationToken ct)
    {
        var query = services.GetRequiredService<GlasDbContext>().Published().AsNoTracking();
        if (ids is not null)
        {
            query = query.Where(c => ids.Contains(c.Id));
        }
        return (await query.Select(c => new { c.Id, c.RegNumber, c.Title, c.Summary, c.DraftText, c.OpensAt }).ToListAsync(ct))
            .Select(c => new SearchItem(c.Id, "consultation", c.Title, c.RegNumber + "\n" + c.Summary + "\n" + c.DraftText, $"/consultations/{c.Id}", c.OpensAt))
            .ToList();
    }
}
