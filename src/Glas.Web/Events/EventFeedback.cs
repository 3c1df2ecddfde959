using Glas.Web.Platform.Database;
using Glas.Web.Platform.Email;
using Glas.Web.Platform.Jobs;
using Glas.Web.Platform.Tenancy;
using Glas.Web.Surveys;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Events;

/// <summary>
/// The feedback form of an event: a survey of the Surveys module attached to the event (subject
/// "event"), answered by invitation, so each registered participant answers once and anonymously.
/// Once the event is over, the recurring job sends each confirmed participant (only those marked
/// present, when the organiser marked attendance) a single-use link to it, once.
/// </summary>
public static class EventFeedback
{
    public const string SubjectKind = "event";

    /// <summary>How long after the event the form stays open.</summary>
    public static readonly TimeSpan OpenFor = TimeSpan.FromDays(30);

    /// <summary>Events that ended longer ago than this get no feedback e-mails (a form created late is not sent to old events).</summary>
    public static readonly TimeSpan SendWithin = TimeSpan.FromDays(14);

    /// <summary>The questions: the "Оценка на участието" questionnaire adapted to an event.</summary>
    public static SurveyDefinition Definition()
    {
        static List<SurveyOption> Options(params string[] labels) => labels.Select((l, i) => new SurveyOption(i + 1, l)).ToList();
        List<SurveyQuestion> questions =
        [
            new() { No = 1, Type = QuestionType.Likert, Text = "Доколко сте доволни от събитието като цяло?", Required = true, LowLabel = "Много недоволен", HighLabel = "Много доволен" },
            new() { No = 2, Type = QuestionType.SingleChoice, Text = "Получихте ли отговор на въпросите си?", Required = true, Options = Options("Да", "Отчасти", "Не", "Нямах въпроси") },
            new() { No = 3, Type = QuestionType.Matrix, Text = "Оценете организацията", Rows = Options("Информация преди събитието", "Място и достъпност", "Време за изказвания", "Материали"), LowLabel = "Много лошо", HighLabel = "Много добре" },
            new() { No = 4, Type = QuestionType.Scale10, Text = "Колко вероятно е да участвате в следващо събитие на администрацията?", LowLabel = "Никак", HighLabel = "Напълно" },
            new() { No = 5, Type = QuestionType.LongText, Text = "Какво да подобрим следващия път?" },
        ];
        return new SurveyDefinition { Sections = [new SurveySection { Title = "Оценка на участието", Questions = questions }], NextNo = 6 };
    }

    /// <summary>The event's feedback survey, when it has one.</summary>
    public static Task<Survey?> FindAsync(GlasDbContext db, Guid eventId, CancellationToken ct) =>
        db.Surveys.AsNoTracking().Where(s => s.SubjectKind == SubjectKind && s.SubjectId == eventId).OrderBy(s => s.CreatedAt).FirstOrDefaultAsync(ct);

    /// <summary>A launched, invitation-only survey for the event, open from its end for <see cref="OpenFor"/>.</summary>
    public static Survey Create(PublicEvent e, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        TenantId = e.TenantId,
        Title = $"Оценка на участието: {e.Title}",
        Introduction = "Благодарим ви, че участвахте. Отговорът ви е анонимен и ни помага да подобрим следващите събития.",
        ThankYou = "Благодарим за оценката!",
        Audience = SurveyAudience.Invitation,
        Launched = true,
        OpensAt = e.StartsAt,
        ClosesAt = (e.EndsAt > now ? e.EndsAt : now) + OpenFor,
        Definition = Definition().ToJson(),
        SubjectKind = SubjectKind,
        SubjectId = e.Id,
        CreatedAt = now,
        UpdatedAt = now,
    };

    private sealed record Due(Guid Id, Guid EventId, Guid TenantId, string Name, string Email, Guid SurveyId);

    /// <summary>Queues the feedback e-mails now due (one guarded UPDATE … RETURNING, so each person gets one); returns how many.</summary>
    public static async Task<int> SendDueAsync(GlasDbContext db, PublicAddress addresses, DateTimeOffset now, CancellationToken ct)
    {
        var since = now - SendWithin;
        var due = await db.Database.SqlQuery<Due>($"""
            UPDATE "EventRegistrations" r SET "FeedbackSentAt" = {now}
            FROM "Events" e, "Surveys" s
            WHERE r."EventId" = e."Id" AND r."Status" = 'Confirmed' AND r."FeedbackSentAt" IS NULL
              AND e."Status" = 'Scheduled' AND e."EndsAt" <= {now} AND e."EndsAt" > {since}
              AND s."SubjectKind" = 'event' AND s."SubjectId" = e."Id" AND s."Launched" AND s."TenantId" = e."TenantId"
              AND (s."ClosesAt" IS NULL OR s."ClosesAt" > {now})
              AND (r."Attended" OR NOT EXISTS (SELECT 1 FROM "EventRegistrations" a WHERE a."EventId" = e."Id" AND a."Attended"))
            RETURNING r."Id", r."EventId", r."TenantId", r."Name", r."Email", s."Id" AS "SurveyId"
            """).ToListAsync(ct);
        if (due.Count == 0)
        {
            return 0;
        }
        var eventIds = due.Select(d => d.EventId).Distinct().ToList();
        var events = await db.Events.IgnoreQueryFilters().AsNoTracking().Where(e => eventIds.Contains(e.Id)).ToDictionaryAsync(e => e.Id, ct);
        var tenantIds = due.Select(d => d.TenantId).Distinct().ToList();
        var tenants = await db.Tenants.AsNoTracking().Include(t => t.Hosts).Where(t => tenantIds.Contains(t.Id)).ToDictionaryAsync(t => t.Id, ct);
        foreach (var d in due)
        {
            var e = events[d.EventId];
            var tenant = tenants[d.TenantId];
            var token = SurveyStore.NewToken();
            // The invitation keeps no e-mail: the answers stay anonymous.
            db.SurveyInvitations.Add(new SurveyInvitation { Id = Guid.CreateVersion7(now), TenantId = d.TenantId, SurveyId = d.SurveyId, TokenHash = SurveyStore.Hash(token), CreatedAt = now });
            var link = addresses.Absolute(tenant, $"/surveys/{d.SurveyId}?invitation={token}");
            db.EnqueueJob(EmailOutbox.JobKind, new EmailMessage(d.Email, $"Оценете „{e.Title}“",
                $"Здравейте, {d.Name}!\n\nБлагодарим ви, че се регистрирахте за „{e.Title}“ на {tenant.NameBg}.\nМоля, оценете събитието — отнема около 2 минути, отговорът е анонимен:\n{link}\n\nВръзката е лична и важи за един отговор.\n"), now);
        }
        await db.SaveChangesAsync(ct);
        return due.Count;
    }
}
