using Glas.Web.Participation.Comments;
using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Files;
using Glas.Web.DemoData;
using Glas.Web.Platform.Database;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Consultations;

/// <summary>
/// Three realistic consultations: an open ordinance on public order in Sliven, a waste programme in
/// Haskovo closed and awaiting its report, and Levski's budget with its report published.
/// Idempotent: a tenant that already has consultations is left alone.
/// </summary>
public static class ConsultationsDemoData
{
    public const string PublicOrderDraft = """
        НАРЕДБА ЗА ОБЩЕСТВЕНИЯ РЕД НА ТЕРИТОРИЯТА НА ОБЩИНА СЛИВЕН
        Глава първа
        ОБЩИ ПОЛОЖЕНИЯ
        Чл. 1. (1) С тази наредба се уреждат правилата за поддържане на обществения ред на територията на Община Сливен.
        (2) Наредбата се прилага за всички физически и юридически лица, които пребивават или извършват дейност на територията на общината.
        Чл. 2. Кметът на общината организира и контролира изпълнението на наредбата чрез общинската администрация.
        Глава втора
        ОПАЗВАНЕ НА ТИШИНАТА И СПОКОЙСТВИЕТО
        Чл. 3. (1) Забранява се нарушаването на тишината:
        1. от 14:00 до 16:00 часа и от 22:00 до 08:00 часа в жилищните сгради;
        2. от 23:00 до 07:00 часа на открити площи в жилищните зони.
        (2) Забраната по ал. 1 не се прилага за ремонтни дейности при аварии.
        Чл. 4. Заведенията с открити площи в жилищни зони работят с озвучаване до 23:00 часа.
        Глава трета
        ПОДДЪРЖАНЕ НА ЧИСТОТАТА
        Чл. 5. Забранява се:
        а) изхвърлянето на отпадъци извън определените за това места;
        б) паленето на отпадъци и растителни остатъци;
        в) миенето на моторни превозни средства на обществени места.
        Чл. 6. Собствениците на кучета са длъжни да почистват след тях на обществени места.
        ДОПЪЛНИТЕЛНИ РАЗПОРЕДБИ
        § 1. По смисъла на тази наредба „обществени места“ са улиците, площадите, парковете и градините на територията на общината.
        ПРЕХОДНИ И ЗАКЛЮЧИТЕЛНИ РАЗПОРЕДБИ
        § 2. Наредбата се приема на основание чл. 21, ал. 2 от Закона за местното самоуправление и местната администрация.
        § 3. Наредбата влиза в сила от деня на обнародването ѝ.
        """;

    public const string WasteDraft = """
        ПРОГРАМА ЗА УПРАВЛЕНИЕ НА ОТПАДЪЦИТЕ НА ОБЩИНА ХАСКОВО 2026–2030 г.
        Глава първа
        ЦЕЛИ НА ПРОГРАМАТА
        Чл. 1. Програмата определя целите и мерките за управление на битовите отпадъци в Община Хасково.
        Чл. 2. Основните цели са:
        1. намаляване на количеството депонирани битови отпадъци;
        2. увеличаване на разделно събраните отпадъци от хартия, пластмаса, стъкло и метал;
        3. въвеждане на разделно събиране на биоотпадъците.
        Глава втора
        МЕРКИ
        Чл. 3. (1) Общината разширява мрежата от контейнери за разделно събиране във всички квартали.
        (2) В селата се въвеждат площадки за разделно събиране.
        Чл. 4. Общината изгражда център за компостиране на зелени отпадъци.
        Чл. 5. Общината провежда ежегодна информационна кампания в училищата.
        Глава трета
        НАБЛЮДЕНИЕ И ОТЧИТАНЕ
        Чл. 6. Изпълнението на програмата се отчита ежегодно пред общинския съвет.
        Чл. 7. Отчетът се публикува на платформата за гражданско участие.
        ЗАКЛЮЧИТЕЛНИ РАЗПОРЕДБИ
        § 1. Програмата се приема на основание чл. 52 от Закона за управление на отпадъците.
        """;

    public const string BudgetDraft = """
        ПРОЕКТ НА БЮДЖЕТ НА ОБЩИНА ЛЕВСКИ ЗА 2026 г.
        Глава първа
        ПРИХОДИ
        Чл. 1. Приходите на общината се определят по източници съгласно приложение № 1.
        Чл. 2. (1) Местните данъци и такси се събират по реда на Закона за местните данъци и такси.
        (2) Размерът на таксата за битови отпадъци остава непроменен.
        Глава втора
        РАЗХОДИ
        Чл. 3. Разходите се разпределят по функции, както следва:
        1. общи държавни служби;
        2. образование;
        3. социално осигуряване и грижи;
        4. жилищно строителство и благоустройство.
        Чл. 4. Капиталовите разходи включват ремонт на улици и основен ремонт на детска градина.
        Глава трета
        ИЗПЪЛНЕНИЕ
        Чл. 5. Кметът организира изпълнението на бюджета и отчита изпълнението му на всяко тримесечие.
        Чл. 6. Отчетите за изпълнението се публикуват на интернет страницата на общината.
        ЗАКЛЮЧИТЕЛНИ РАЗПОРЕДБИ
        § 1. Бюджетът се приема на основание чл. 94, ал. 3 от Закона за публичните финанси.
        """;

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct = default)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GlasDbContext>();
        var files = scope.ServiceProvider.GetRequiredService<FileStore>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var today = ConsultationLifecycle.TodayInSofia(now);
        var tenants = await db.Tenants.ToDictionaryAsync(t => t.Slug, t => t.Id, ct);
        var users = await db.Users.Where(u => u.Email!.EndsWith("@example.org")).ToDictionaryAsync(u => u.Email!, u => u.Id, ct);
        if (!users.ContainsKey("citizen@example.org"))
        {
            return;
        }

        async Task<Consultation?> Create(string slug, string reg, string title, string summary, ActType act, string area, string draft, DateOnly opens, DateOnly closes, ConsultationStatus status, string? reason = null)
        {
            if (!tenants.TryGetValue(slug, out var tenantId) || await db.Consultations.IgnoreQueryFilters().AnyAsync(c => c.TenantId == tenantId, ct))
            {
                return null;
            }
            var c = new Consultation
            {
                Id = Guid.CreateVersion7(now),
                TenantId = tenantId,
                RegNumber = reg,
                Title = title,
                Summary = summary,
                ActType = act,
                PolicyArea = area,
                ResponsibleUnit = "Дирекция „Правно-нормативно обслужване“",
                ProposalWays = "Деловодството на общината или по имейл до лицето за контакт.",
                Status = status,
                ShortTermReason = reason,
                DraftText = draft,
                CreatedAt = now,
                UpdatedAt = now,
                CreatedBy = users[$"official.{slug}@example.org"],
                Contacts = [new ContactPerson { Id = Guid.CreateVersion7(now), Name = "Служител за контакт", Email = $"official.{slug}@example.org", Phone = "+359 44 611 100", Position = 0 }],
                Units = DraftSplitter.Split(draft).Select(u => new DraftUnit { Id = Guid.CreateVersion7(now), Number = u.Number, Kind = u.Kind, Label = u.Label, Path = u.Path, Text = u.Text, Depth = u.Depth }).ToList(),
            };
            c.SetPeriod(opens, closes);
            db.Consultations.Add(c);
            Timeline.Add(db, c.Id, TimelineKind.Created, c.OpensAt.AddDays(-7));
            Timeline.Add(db, c.Id, TimelineKind.Scheduled, c.OpensAt.AddDays(-6));
            foreach (var (type, name) in new[] { (DocumentType.Draft, "Проект"), (DocumentType.Motives, "Мотиви") })
            {
                await DocumentLibrary.AddTrustedAsync(db, files, tenantId, ConsultationFiles.Kind, c.Id, type, $"{name} — {title}", c.OpensAt.AddDays(-7),
                    (DemoPdf.Create($"{reg} {type}"), $"{reg}-{type.ToString().ToLowerInvariant()}.pdf", "application/pdf"), ct);
            }
            if (c.OpensAt <= now)
            {
                Timeline.Add(db, c.Id, TimelineKind.Opened, c.OpensAt);
            }
            if (c.ClosesAt <= now)
            {
                Timeline.Add(db, c.Id, TimelineKind.Closed, c.ClosesAt);
            }
            return c;
        }

        Comment Say(Consultation c, int? unit, string email, string text, AuthorShown shown = AuthorShown.DisplayName, Comment? parent = null, int minutes = 0)
        {
            var comment = new Comment
            {
                Id = Guid.CreateVersion7(now),
                TenantId = c.TenantId,
                SubjectKind = ConsultationComments.Kind,
                SubjectId = c.Id,
                UnitId = unit is { } n ? c.Units.Single(u => u.Number == n).Id : parent?.UnitId,
                ParentId = parent?.Id,
                AuthorId = users[email],
                Shown = shown,
                OrganisationName = shown == AuthorShown.Organisation ? "Сдружение „Демо“" : null,
                Text = text,
                CreatedAt = c.OpensAt.AddHours(10).AddMinutes(minutes),
            };
            db.Comments.Add(comment);
            return comment;
        }

        var order = await Create("sliven", $"{today.Year}-001", "Наредба за обществения ред на територията на Община Сливен",
            "Проектът обновява правилата за тишината, чистотата и ползването на обществените места в Сливен.",
            ActType.Ordinance, "PublicOrder", PublicOrderDraft, today.AddDays(-10), today.AddDays(20), ConsultationStatus.Open);
        if (order is not null)
        {
            var a = Say(order, 8, "citizen@example.org", "Предлагам часовете за тишина през деня да отпаднат: много хора работят от вкъщи, но и много деца спят следобед — нека решим с анкета.", minutes: 1);
            Say(order, null, "ngo@example.org", "Подкрепяме запазването на следобедната тишина в жилищните сгради.", AuthorShown.Organisation, a, minutes: 30);
            Say(order, 11, "ngo@example.org", "Срокът до 23:00 часа за озвучаване е разумен, но трябва да важи и за частни събития на открито.", AuthorShown.Organisation, minutes: 60);
            Say(order, 13, "citizen@example.org", "Нека наредбата задължи общината да постави достатъчно кошчета и торбички в парковете.", minutes: 90);
            Say(order, null, "citizen@example.org", "Добре е проектът да се обсъди и на открита среща в квартал „Дружба“.", AuthorShown.Anonymous, minutes: 120);
        }

        var waste = await Create("haskovo", $"{today.Year}-001", "Програма за управление на отпадъците на Община Хасково 2026–2030 г.",
            "Програмата определя целите и мерките за намаляване на депонираните отпадъци и за разделно събиране.",
            ActType.Programme, "Environment", WasteDraft, today.AddDays(-50), today.AddDays(-15), ConsultationStatus.Closed);
        if (waste is not null)
        {
            Say(waste, 7, "citizen@example.org", "Предлагам контейнерите за биоотпадъци да се поставят първо до пазарите.", minutes: 1);
            Say(waste, 11, "citizen@example.org", "Центърът за компостиране трябва да предлага компост безплатно на гражданите.", minutes: 5);
            Say(waste, null, "citizen@example.org", "Програмата трябва да има измерими показатели за всяка година.", minutes: 10);
        }

        var budget = await Create("levski", $"{today.Year}-001", "Бюджет на Община Левски за 2026 г.",
            "Проектът на бюджет за 2026 г. с приходите, разходите и капиталовата програма на общината.",
            ActType.Budget, "Budget", BudgetDraft, today.AddDays(-80), today.AddDays(-60), ConsultationStatus.ReportPublished,
            "Кратък срок поради крайния срок за приемане на бюджета по Закона за публичните финанси.");
        if (budget is not null)
        {
            var p1 = Say(budget, 12, "citizen@example.org", "Предлагам повече средства за ремонт на улиците в селата.", minutes: 1);
            var p2 = Say(budget, 5, "citizen@example.org", "Таксата за битови отпадъци да се намали за пенсионерите.", minutes: 5);
            budget.ReportPublishedAt = budget.ClosesAt.AddDays(10);
            var official = users["official.levski@example.org"];
            db.ProposalAnswers.Add(new ProposalAnswer { CommentId = p1.Id, ConsultationId = budget.Id, Outcome = AnswerOutcome.PartiallyAccepted, Justification = "Капиталовата програма е допълнена с ремонт на две улици в селата; за повече няма финансиране.", AnsweredAt = budget.ReportPublishedAt.Value, AnsweredBy = official });
            db.ProposalAnswers.Add(new ProposalAnswer { CommentId = p2.Id, ConsultationId = budget.Id, Outcome = AnswerOutcome.NotAccepted, Justification = "Облекченията се определят с Наредбата за местните такси, не с бюджета.", AnsweredAt = budget.ReportPublishedAt.Value, AnsweredBy = official });
            Timeline.Add(db, budget.Id, TimelineKind.ReportPublished, budget.ReportPublishedAt.Value, "предложения: 2");
        }
        await db.SaveChangesAsync(ct);
    }
}
