using Glas.Web.Consultations;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Surveys;

/// <summary>
/// The three templates as surveys: staff attitudes in Сливен (invitation only, open), service
/// satisfaction in Русе (public, closed, results published) and the consultation assessment in
/// Хасково (attached to its closed consultation), with generated responses spread over groups and
/// days. The same seed gives the same answers every time.
/// </summary>
public static class SurveysDemoData
{
    private static readonly (string Slug, string Template, int Responses)[] Demo =
    [
        ("sliven", "staff-attitudes", 60),
        ("ruse-oblast", "service-satisfaction", 1500),
        ("haskovo", "consultation-assessment", 240),
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        var now = services.GetRequiredService<TimeProvider>().GetUtcNow();
        foreach (var (slug, key, count) in Demo)
        {
            using var scope = services.CreateScope();
            var db = scope.ServiceProvider.GetRequiredService<GlasDbContext>();
            var tenant = await db.Tenants.AsNoTracking().FirstOrDefaultAsync(t => t.Slug == slug, ct);
            var template = SurveyTemplates.Find(key)!;
            if (tenant is null)
            {
                continue;
            }
            scope.ServiceProvider.GetRequiredService<TenantContext>().Tenant = tenant;
            if (await db.Surveys.AnyAsync(s => s.Title == template.Title, ct))
            {
                continue;
            }
            var closed = slug != "sliven";
            var survey = new Survey
            {
                Id = Guid.CreateVersion7(now),
                TenantId = tenant.Id,
                Title = template.Title,
                Introduction = template.Introduction,
                ThankYou = "Благодарим ви за отговора!",
                Audience = template.Audience,
                AskGroup = template.AskGroup,
                Launched = true,
                OpensAt = now.AddDays(-40),
                ClosesAt = closed ? now.AddDays(-2) : now.AddDays(20),
                ResultsPublished = slug == "ruse-oblast",
                Definition = template.Definition.ToJson(),
                CreatedAt = now.AddDays(-45),
                UpdatedAt = now.AddDays(-2),
            };
            if (slug == "haskovo")
            {
                // The closed consultation (the first one when none has closed).
                var consultation = await db.Consultations.AsNoTracking().OrderBy(c => c.ClosesAt < now ? 0 : 1).ThenBy(c => c.CreatedAt).Select(c => (Guid?)c.Id).FirstOrDefaultAsync(ct);
                survey.SubjectKind = consultation is null ? null : ConsultationComments.Kind;
                survey.SubjectId = consultation;
            }
            db.Surveys.Add(survey);
            var random = new Random(slug.Length * 7919);
            var definition = template.Definition;
            var groups = RespondentGroups.All;
            for (var i = 0; i < count; i++)
            {
                var answers = DemoAnswers.Generate(definition, random);
                var at = now.AddDays(-39 + random.Next(0, 37)).AddMinutes(-random.Next(0, 600));
                db.SurveyResponses.Add(new SurveyResponse
                {
                    Id = Guid.CreateVersion7(at),
                    TenantId = tenant.Id,
                    SurveyId = survey.Id,
                    Group = survey.AskGroup ? groups[Math.Min(random.Next(0, 7), groups.Count - 1)] : null,
                    Answers = AnswerRules.ToJson(answers),
                    Codes = AnswerRules.Codes(definition, answers),
                    Numbers = AnswerRules.Numbers(answers),
                    StartedAt = at.AddMinutes(-4),
                    SubmittedAt = at,
                });
            }
            await db.SaveChangesAsync(ct);
        }
    }
}

/// <summary>Plausible valid answers to any questionnaire, for demo data and benchmarks.</summary>
public static class DemoAnswers
{
    private static readonly string[] Remarks =
    [
        "Повече информация на сайта.", "По-кратко чакане на гише.", "Удобно работно време.", "Всичко беше наред.",
        "Електронните услуги да работят и през уикенда.", "Служителите бяха любезни.",
    ];

    public static Dictionary<int, Answer> Generate(SurveyDefinition definition, Random random)
    {
        var answers = new Dictionary<int, Answer>();
        foreach (var q in definition.Questions)
        {
            if (!AnswerRules.IsShown(q, answers) || (!q.Required && random.Next(0, 5) == 0))
            {
                continue;
            }
            // Answers lean towards the upper middle, as satisfaction answers do.
            int Lean(int count) => Math.Min(count - 1, (int)Math.Floor(Math.Sqrt(random.NextDouble()) * count));
            answers[q.No] = q.Type switch
            {
                QuestionType.SingleChoice or QuestionType.Dropdown => new Answer { Choices = [q.Options[random.Next(0, q.Options.Count)].Code] },
                QuestionType.MultipleChoice => new Answer
                {
                    Choices = q.Options.OrderBy(_ => random.Next()).Take(Math.Max(1, Math.Min((int)(q.Max ?? q.Options.Count), random.Next(1, 3)))).Select(o => o.Code).ToList(),
                },
                QuestionType.Likert or QuestionType.Scale10 => new Answer { Choices = [q.ScalePoints[Lean(q.ScalePoints.Count)]] },
                QuestionType.Matrix => new Answer { Rows = q.Rows.ToDictionary(r => r.Code, _ => q.ScalePoints[Lean(5)]) },
                QuestionType.Ranking => new Answer
                {
                    Rows = q.Options.OrderBy(_ => random.Next()).Select((o, i) => (o.Code, Rank: i + 1)).ToDictionary(x => x.Code, x => x.Rank),
                },
                QuestionType.Number => new Answer { Number = Math.Clamp(random.Next(0, 45), q.Min ?? 0, q.Max ?? 1000) },
                QuestionType.Date => new Answer { Date = new DateOnly(2026, 1, 1).AddDays(random.Next(0, 300)) },
                _ => new Answer { Text = Remarks[random.Next(0, Remarks.Length)] },
            };
        }
        return answers;
    }
}
