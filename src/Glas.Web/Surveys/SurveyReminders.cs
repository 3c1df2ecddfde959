using Glas.Web.Platform.Database;
using Glas.Web.Platform.Email;
using Glas.Web.Platform.Jobs;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace Glas.Web.Surveys;

/// <summary>
/// Reminds everyone invited to an open survey who has not answered, as a job an official queues.
/// Only a hash of each link is stored, so a reminder carries a new link and the earlier one stops
/// working. Each invitation is changed by one guarded UPDATE (not used, same link as read), so an
/// invitation spent meanwhile is neither changed nor reminded; one reminded in the last
/// <see cref="MinimumGap"/> is skipped, so a second click does not send twice.
/// </summary>
public sealed class SurveyReminders(IServiceScopeFactory scopes, TimeProvider time, JobSignal signal) : IJobHandler
{
    public const string JobKind = "surveys.remind";

    public static readonly TimeSpan MinimumGap = TimeSpan.FromHours(20);

    public sealed record Request(Guid TenantId, Guid SurveyId);

    public string Kind => JobKind;

    public Task RunAsync(string payload, CancellationToken ct) =>
        System.Text.Json.JsonSerializer.Deserialize<Request>(payload) is { } request ? RemindAsync(request, ct) : Task.FromResult(0);

    /// <summary>Queues the reminders of one survey; returns how many.</summary>
    public async Task<int> RemindAsync(Request request, CancellationToken ct)
    {
        using var scope = scopes.CreateScope();
        var services = scope.ServiceProvider;
        var db = services.GetRequiredService<GlasDbContext>();
        var tenant = await db.Tenants.AsNoTracking().Include(t => t.Hosts).FirstOrDefaultAsync(t => t.Id == request.TenantId, ct);
        if (tenant is null)
        {
            return 0;
        }
        services.GetRequiredService<TenantContext>().Tenant = tenant;
        var now = time.GetUtcNow();
        var survey = await db.Surveys.AsNoTracking().FirstOrDefaultAsync(s => s.Id == request.SurveyId, ct);
        if (survey is null || survey.Audience != SurveyAudience.Invitation || !survey.IsOpen(now))
        {
            return 0;
        }
        var before = now - MinimumGap;
        var due = await db.SurveyInvitations.AsNoTracking()
            .Where(i => i.SurveyId == survey.Id && !i.Used && i.Email != null && (i.RemindedAt == null || i.RemindedAt < before))
            .Select(i => new { i.Id, i.TokenHash, i.Email }).ToListAsync(ct);
        var addresses = services.GetRequiredService<PublicAddress>();
        var t = services.GetRequiredService<IStringLocalizer<SurveysText>>();
        var outbox = services.GetRequiredService<EmailOutbox>();
        var sent = 0;
        await using var tx = await db.Database.BeginTransactionAsync(ct);
        foreach (var invitation in due)
        {
            var token = SurveyStore.NewToken();
            var hash = SurveyStore.Hash(token);
            var changed = await db.SurveyInvitations
                .Where(i => i.Id == invitation.Id && !i.Used && i.TokenHash == invitation.TokenHash)
                .ExecuteUpdateAsync(s => s.SetProperty(i => i.TokenHash, hash).SetProperty(i => i.RemindedAt, now), ct);
            if (changed == 1)
            {
                var link = addresses.Absolute(tenant, $"/surveys/{survey.Id}?invitation={token}");
                outbox.Queue(new EmailMessage(invitation.Email!, t["Remind.Subject", survey.Title], t["Remind.Body", survey.Title, link, tenant.NameBg,
                    survey.ClosesAt is { } c ? Platform.Localization.Formats.Date(c) : "—"]));
                sent++;
            }
        }
        await db.SaveChangesAsync(ct);
        await tx.CommitAsync(ct);
        signal.Notify();
        return sent;
    }
}
