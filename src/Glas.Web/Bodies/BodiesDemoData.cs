using Glas.Web.DemoData;
using Glas.Web.Participation.Documents;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Files;
using Glas.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Bodies;

/// <summary>
/// Хасково's civic council (9 members, 3 meetings with agenda, decisions and minutes) and the
/// Югоизточен регион association's working group with members from its four municipalities.
/// Idempotent: a body whose name is already there is left alone. The members are fictional.
/// </summary>
public static class BodiesDemoData
{
    public const string HaskovoCouncil = "Граждански съвет към Община Хасково";
    public const string RegionWorkingGroup = "Работна група за гражданско участие в Югоизточен регион";

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GlasDbContext>();
        var files = scope.ServiceProvider.GetRequiredService<FileStore>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var tenants = await db.Tenants.AsNoTracking().ToDictionaryAsync(t => t.Slug, t => t.Id, ct);
        var today = DateOnly.FromDateTime(Formats.ToSofia(now).DateTime);

        if (tenants.TryGetValue("haskovo", out var haskovo) && !await db.Bodies.IgnoreQueryFilters().AnyAsync(b => b.TenantId == haskovo && b.Name == HaskovoCouncil, ct))
        {
            var body = NewBody(haskovo, BodyKind.CivicCouncil, HaskovoCouncil,
                "Съветът изразява становища по проектите на стратегии, програми и нормативни актове на общината и предлага теми за обществени обсъждания.",
                "Решение на Общински съвет – Хасково за създаване на граждански съвет", today.AddYears(-1), "grazhdanski.savet@haskovo.example.org", now);
            db.Bodies.Add(body);
            string[] names = ["Мария Петрова", "Георги Иванов", "Елена Димитрова", "Николай Стоянов", "Десислава Колева", "Петър Атанасов", "Ивелина Маринова", "Стефан Георгиев", "Радка Тодорова"];
            string?[] organisations = ["Сдружение „Граждани за Хасково“", "Синдикат на учителите", null, "Младежки съвет", "Сдружение на хората с увреждания", "Търговско-промишлена палата", null, "Сдружение „Зелен Хасково“", "Читалище „Заря“"];
            for (var i = 0; i < names.Length; i++)
            {
                var role = i switch { 0 => MemberRole.Chair, 1 => MemberRole.ViceChair, 8 => MemberRole.Secretary, _ => MemberRole.Member };
                db.BodyMembers.Add(new BodyMember
                {
                    Id = Guid.CreateVersion7(now), TenantId = haskovo, BodyId = body.Id, PublicName = names[i], Organisation = organisations[i], Role = role, From = body.TermStart,
                });
            }
            // Membership history: the first secretary left; the present one took over.
            db.BodyMembers.Add(new BodyMember
            {
                Id = Guid.CreateVersion7(now), TenantId = haskovo, BodyId = body.Id, PublicName = "Антон Василев", Role = MemberRole.Secretary, From = body.TermStart, To = body.TermStart.AddMonths(4),
            });
            var first = await Meeting(db, files, body, "Първо заседание", Formats.FromSofia(Formats.ToSofia(now).Date.AddMonths(-3).AddHours(17)), MeetingStatus.Held, 9, now,
                [("Приемане на правила за работа на съвета", "Правилата за работа се приемат.", 9, 0, 0),
                 ("Избор на председател и заместник-председател", "За председател е избрана Мария Петрова, за заместник-председател – Георги Иванов.", 8, 0, 1)], ct);
            var second = await Meeting(db, files, body, "Становище по програмата за управление на отпадъците", Formats.FromSofia(Formats.ToSofia(now).Date.AddMonths(-1).AddHours(17)), MeetingStatus.Held, 7, now,
                [("Обсъждане на проекта на програма за управление на отпадъците", "Съветът подкрепя проекта с предложение за повече места за разделно събиране.", 6, 1, 0),
                 ("Разни", "Следващото заседание ще обсъди бюджета за 2027 г.", 7, 0, 0)], ct);
            await Meeting(db, files, body, "Обсъждане на бюджета за 2027 г.", Formats.FromSofia(Formats.ToSofia(now).Date.AddDays(14).AddHours(17)), MeetingStatus.Planned, null, now,
                [("Представяне на проекта на бюджет за 2027 г.", null, null, null, null), ("Предложения на съвета", null, null, null, null)], ct);
            await DocumentLibrary.AddTrustedAsync(db, files, haskovo, BodyDocumentSubjects.SubjectKind, body.Id, DocumentType.BodyRules, "Правила за работа на Гражданския съвет",
                first.StartsAt, (DemoPdf.Create("Pravila za rabota na Grazhdanskiya savet"), "pravila.pdf", "application/pdf"), ct);
            _ = second;
            await db.SaveChangesAsync(ct);
        }

        if (tenants.TryGetValue("yugoiztochen", out var region) && !await db.Bodies.IgnoreQueryFilters().AnyAsync(b => b.TenantId == region && b.Name == RegionWorkingGroup, ct))
        {
            var body = NewBody(region, BodyKind.WorkingGroup, RegionWorkingGroup,
                "Работната група подготвя общи правила за обществени консултации и обсъждания в общините Бургас, Сливен, Стара Загора и Ямбол.",
                "Решение на Общото събрание на сдружението", today.AddMonths(-6), "info@yugoiztochen.example.org", now);
            body.TermEnd = today.AddMonths(18);
            db.Bodies.Add(body);
            (string Name, string Org, MemberRole Role)[] members =
            [
                ("Даниела Христова", "Община Бургас", MemberRole.Chair),
                ("Илиян Петков", "Община Сливен", MemberRole.Member),
                ("Веселина Русева", "Община Стара Загора", MemberRole.Member),
                ("Тодор Янков", "Община Ямбол", MemberRole.Member),
                ("Камелия Андонова", "Сдружение на общините от Югоизточен регион", MemberRole.Secretary),
            ];
            foreach (var m in members)
            {
                db.BodyMembers.Add(new BodyMember { Id = Guid.CreateVersion7(now), TenantId = region, BodyId = body.Id, PublicName = m.Name, Organisation = m.Org, Role = m.Role, From = body.TermStart });
            }
            await Meeting(db, files, body, "Встъпителна среща", Formats.FromSofia(Formats.ToSofia(now).Date.AddMonths(-2).AddHours(10)), MeetingStatus.Held, 5, now,
                [("Работен план на групата", "Работният план се приема.", 5, 0, 0)], ct);
            await db.SaveChangesAsync(ct);
        }
    }

    private static Body NewBody(Guid tenantId, BodyKind kind, string name, string mandate, string act, DateOnly start, string contact, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), TenantId = tenantId, Kind = kind, Name = name, Mandate = mandate, CreatingAct = act, TermStart = start, Contact = contact,
        CreatedAt = now, UpdatedAt = now,
    };

    private static async Task<Meeting> Meeting(GlasDbContext db, FileStore files, Body body, string title, DateTimeOffset starts, MeetingStatus status, int? attendance, DateTimeOffset now,
        (string Title, string? Decision, int? For, int? Against, int? Abstained)[] agenda, CancellationToken ct)
    {
        var meeting = new Meeting
        {
            Id = Guid.CreateVersion7(now), TenantId = body.TenantId, BodyId = body.Id, Title = title, StartsAt = starts, EndsAt = starts.AddHours(2),
            Place = "Заседателна зала, ет. 2", Status = status, Attendance = attendance, CreatedAt = now, UpdatedAt = now,
        };
        db.Meetings.Add(meeting);
        for (var i = 0; i < agenda.Length; i++)
        {
            var a = agenda[i];
            db.AgendaItems.Add(new AgendaItem
            {
                Id = Guid.CreateVersion7(now), TenantId = body.TenantId, MeetingId = meeting.Id, Number = i + 1, Title = a.Title, Decision = a.Decision,
                VotesFor = a.For, VotesAgainst = a.Against, VotesAbstained = a.Abstained,
            });
        }
        await DocumentLibrary.AddTrustedAsync(db, files, body.TenantId, MeetingDocumentSubjects.SubjectKind, meeting.Id, DocumentType.Agenda, "Дневен ред", starts.AddDays(-7),
            (DemoPdf.Create("Dneven red: " + title), "dneven-red.pdf", "application/pdf"), ct);
        if (status == MeetingStatus.Held)
        {
            await DocumentLibrary.AddTrustedAsync(db, files, body.TenantId, MeetingDocumentSubjects.SubjectKind, meeting.Id, DocumentType.Minutes, "Протокол", starts.AddDays(3),
                (DemoPdf.Create("Protokol: " + title), "protokol.pdf", "application/pdf"), ct);
        }
        return meeting;
    }
}
