using Glas.Web.Participation.Notifications;
using Glas.Web.Platform.Database;
using Glas.Web.Platform.Files;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;
using SkiaSharp;

namespace Glas.Web.Feedback;

/// <summary>
/// Categories for every administration, and 32 reports each in Сливен and Хасково (every fourth with a photo drawn at seed time) across every
/// status, both kinds and every category: answers, ratings, an extension, a forwarded one, a
/// duplicate and overdue ones. Idempotent: categories and reports are added only where none exist.
/// </summary>
public static class FeedbackDemoData
{
    public static readonly (string Code, string NameBg, string NameEn, string Department)[] Categories =
    [
        ("roads", "Пътища и тротоари", "Roads and pavements", "Дирекция „Строителство и инфраструктура“"),
        ("street-lighting", "Улично осветление", "Street lighting", "Отдел „Енергийна ефективност“"),
        ("waste", "Отпадъци и чистота", "Waste and cleanliness", "Отдел „Чистота“"),
        ("green-spaces", "Зелени площи", "Parks and green spaces", "Отдел „Озеленяване“"),
        ("parking", "Паркиране", "Parking", "Отдел „Транспорт“"),
        ("noise", "Шум", "Noise", "Отдел „Екология“"),
        ("stray-animals", "Бездомни животни", "Stray animals", "Отдел „Екология“"),
        ("other", "Друго", "Other", "Деловодство"),
    ];

    private static readonly (string Title, string Description)[] Signals =
    [
        ("Дупка на пътното платно", "Дълбока дупка на платното; колите я заобикалят през насрещното движение."),
        ("Не свети уличната лампа", "Уличната лампа пред входа не свети от седмица; вечер е тъмно и опасно."),
        ("Препълнени контейнери за смет", "Контейнерите не са извозвани от няколко дни и около тях има отпадъци."),
        ("Изсъхнали дървета в парка", "Няколко дървета са изсъхнали и има опасност да паднат клони върху алеята."),
        ("Коли, паркирани върху тротоара", "Колите паркират изцяло върху тротоара и пешеходците вървят по платното."),
        ("Силна музика през нощта", "Заведение пуска силна музика след 23 часа почти всяка вечер."),
        ("Глутница бездомни кучета", "Около осем кучета се събират до детската площадка сутрин."),
        ("Счупена пейка на спирката", "Пейката на автобусната спирка е счупена и стърчат пирони."),
    ];

    private static readonly (string Title, string Description)[] Proposals =
    [
        ("Повдигната пешеходна пътека пред училището", "Предлагам повдигната пешеходна пътека пред училището, за да намалят скоростта колите."),
        ("LED осветление в междублоковите пространства", "Предлагам старите лампи между блоковете да се сменят с LED осветление с датчици."),
        ("Контейнери за разделно събиране на стъкло", "Предлагам още контейнери за стъкло в квартала; най-близкият е на километър."),
        ("Нови дървета по булеварда", "Предлагам засаждане на липи на мястото на изсъхналите дървета по булеварда."),
        ("Зона за кратък престой пред поликлиниката", "Предлагам зона за кратък престой до 15 минути пред поликлиниката."),
        ("Шумоизолиращи пана до околовръстния път", "Предлагам шумоизолиращи пана там, където пътят минава до жилищни блокове."),
        ("Кампания за кастрация на бездомни кучета", "Предлагам общината да проведе кампания за безплатна кастрация съвместно с ветеринарите."),
        ("Електронно табло с часовете на автобусите", "Предлагам табло с реалното време на пристигане на автобусите на централната спирка."),
    ];

    private static readonly Dictionary<string, (string[] Streets, double Lat, double Lon)> Towns = new()
    {
        ["sliven"] = (["бул. „Цар Освободител“ 12", "ул. „Хаджи Димитър“ 5", "кв. „Дружба“, бл. 4", "ж.к. „Сините камъни“, бл. 21", "ул. „Раковска“ 20", "пл. „Хаджи Димитър“", "бул. „Братя Миладинови“ 31", "кв. „Речица“, ул. „Асен Златаров“"], 42.6824, 26.3225),
        ["haskovo"] = (["бул. „България“ 45", "ул. „Отец Паисий“ 8", "пл. „Общински“ 1", "кв. „Орфей“, бл. 7", "ул. „Драгоман“ 14", "бул. „Съединение“ 40", "кв. „Любен Каравелов“, бл. 2", "ул. „Патриарх Евтимий“ 3"], 41.9344, 25.5555),
    };

    /// <summary>The status each of the 32 reports ends in: every status, more of the common ones.</summary>
    private static readonly FeedbackStatus[] Plan =
    [
        FeedbackStatus.Received, FeedbackStatus.Assigned, FeedbackStatus.InProgress, FeedbackStatus.Answered, FeedbackStatus.Closed, FeedbackStatus.Closed,
        FeedbackStatus.Answered, FeedbackStatus.InProgress, FeedbackStatus.Forwarded, FeedbackStatus.Rejected, FeedbackStatus.Duplicate, FeedbackStatus.Closed,
    ];

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        List<Tenant> tenants;
        using (var scope = services.CreateScope())
        {
            tenants = await scope.ServiceProvider.GetRequiredService<GlasDbContext>().Tenants.AsNoTracking().ToListAsync(ct);
        }
        foreach (var tenant in tenants)
        {
            using var scope = services.CreateScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Tenant = tenant;
            var db = scope.ServiceProvider.GetRequiredService<GlasDbContext>();
            if (!await db.FeedbackCategories.AnyAsync(ct))
            {
                db.FeedbackCategories.AddRange(Categories.Select((c, i) => new FeedbackCategory
                {
                    Id = Guid.NewGuid(), TenantId = tenant.Id, Code = c.Code, NameBg = c.NameBg, NameEn = c.NameEn, Department = c.Department, SortOrder = i,
                }));
                await db.SaveChangesAsync(ct);
            }
            if (Towns.TryGetValue(tenant.Slug, out var town) && !await db.FeedbackReports.AnyAsync(ct))
            {
                await ReportsAsync(db, services.GetRequiredService<FileStore>(), tenant, town, services.GetRequiredService<TimeProvider>().GetUtcNow(), ct);
            }
        }
    }

    private static async Task ReportsAsync(GlasDbContext db, FileStore files, Tenant tenant, (string[] Streets, double Lat, double Lon) town, DateTimeOffset now, CancellationToken ct)
    {
        var categories = await db.FeedbackCategories.OrderBy(c => c.SortOrder).ToListAsync(ct);
        var people = await db.Users.Where(u => u.Email == "citizen@example.org" || u.Email == "ngo@example.org").OrderBy(u => u.Email).ToListAsync(ct);
        var official = await db.Users.Where(u => u.Email == $"official.{tenant.Slug}@example.org").Select(u => (Guid?)u.Id).FirstOrDefaultAsync(ct);
        if (people.Count == 0)
        {
            return;
        }
        var reports = new List<FeedbackReport>();
        for (var i = 0; i < 32; i++)
        {
            var c = i % categories.Count;
            var kind = i % 4 == 3 ? FeedbackKind.Proposal : FeedbackKind.Signal;
            var text = kind == FeedbackKind.Proposal ? Proposals[c] : Signals[c];
            var status = Plan[i % Plan.Length];
            // Spread over the last ten months; two fresh ones are still open, two old ones are overdue.
            var created = now.AddDays(-(i * 9 + 1)).AddHours(-i);
            var person = people[i % 5 == 4 ? people.Count - 1 : 0];
            var category = categories[c];
            var report = new FeedbackReport
            {
                Id = Guid.NewGuid(),
                TenantId = tenant.Id,
                Number = FeedbackRules.Number(FeedbackDeadlines.SofiaDate(created).Year, 0),
                Kind = kind,
                CategoryId = category.Id,
                Title = text.Title,
                Description = text.Description,
                Address = town.Streets[(i * 3) % town.Streets.Length],
                Latitude = i % 3 == 2 ? null : Math.Round(town.Lat + ((i % 7) - 3) * 0.0021, 6),
                Longitude = i % 3 == 2 ? null : Math.Round(town.Lon + ((i % 5) - 2) * 0.0027, 6),
                IsPublic = i % 6 != 5,
                Status = FeedbackStatus.Received,
                Source = i % 8 == 6 ? "open311" : "web",
                ReporterUserId = person.Id,
                ReporterName = person.DisplayName,
                ReporterEmail = person.Email,
                CreatedAt = created,
                UpdatedAt = created,
                DueAt = FeedbackDeadlines.DecisionDue(created),
                Department = category.Department,
            };
            var events = new List<FeedbackEvent>();
            void Step(FeedbackStatus? s, string kindOfStep, string? note, bool isPublic, DateTimeOffset at)
            {
                events.Add(new FeedbackEvent { Id = Guid.NewGuid(), TenantId = tenant.Id, ReportId = report.Id, At = at, Kind = kindOfStep, Status = s, Text = note, IsPublic = isPublic, ActorUserId = s == FeedbackStatus.Received ? person.Id : official });
                if (s is { } moved)
                {
                    report.Status = moved;
                    report.UpdatedAt = at;
                }
            }
            Step(FeedbackStatus.Received, "status", null, true, created);
            var day = TimeSpan.FromDays(1);
            if (status != FeedbackStatus.Received)
            {
                Step(FeedbackStatus.Assigned, "status", null, true, created + day);
                report.AssigneeUserId = official;
                Step(null, "assignment", report.Department, false, created + day);
            }
            if (status is FeedbackStatus.InProgress or FeedbackStatus.Answered or FeedbackStatus.Closed)
            {
                Step(FeedbackStatus.InProgress, "status", null, true, created + 2 * day);
                Step(null, "note", "Изпратен е екип за оглед на място.", false, created + 3 * day);
            }
            if (i == 7)
            {
                var due = FeedbackDeadlines.SofiaDate(created).AddMonths(4);
                report.DueAt = FeedbackDeadlines.EndOfSofiaDay(due);
                report.Extensions = 1;
                Step(null, "extension", $"{due:yyyy-MM-dd}: Нужно е становище на РИОСВ и обществена поръчка за изпълнението.", true, created + 5 * day);
            }
            if (status is FeedbackStatus.Answered or FeedbackStatus.Closed)
            {
                var answered = created + (4 + (i % 9) * 3) * day;
                report.Answer = kind == FeedbackKind.Proposal
                    ? "Предложението е прието и е включено в плана за следващата година. Благодарим ви!"
                    : "Проблемът е отстранен от екипа на общинското предприятие. Благодарим за сигнала.";
                report.AnsweredAt = answered;
                Step(FeedbackStatus.Answered, "status", report.Answer, true, answered);
                if (status == FeedbackStatus.Closed)
                {
                    report.Rating = 2 + i % 4;
                    report.RatingRemark = report.Rating >= 4 ? "Бърза и ясна реакция." : "Отне повече време от очакваното.";
                    report.RatedAt = answered + day;
                    Step(null, "rating", null, false, answered + day);
                    Step(FeedbackStatus.Closed, "status", null, true, answered + 2 * day);
                    report.ClosedAt = answered + 2 * day;
                }
            }
            if (status == FeedbackStatus.Forwarded)
            {
                report.ForwardedTo = "РИОСВ – " + (tenant.Slug == "sliven" ? "Стара Загора" : "Хасково");
                Step(FeedbackStatus.Forwarded, "status", report.ForwardedTo, true, created + 4 * day);
                report.ClosedAt = created + 4 * day;
            }
            if (status == FeedbackStatus.Rejected)
            {
                report.RejectReason = "Сигналът се отнася за нарушение отпреди повече от две години (АПК, чл. 111, ал. 4).";
                Step(FeedbackStatus.Rejected, "status", report.RejectReason, true, created + 3 * day);
                report.ClosedAt = created + 3 * day;
            }
            if (status == FeedbackStatus.Duplicate)
            {
                var original = reports[c];
                report.DuplicateOfId = original.Id;
                Step(FeedbackStatus.Duplicate, "status", original.Number, true, created + 2 * day);
                report.ClosedAt = created + 2 * day;
            }
            // Every fourth report has a photo drawn here (no downloads); one of them still waits for staff.
            if (i % 4 == 1)
            {
                var content = DemoPhoto(i);
                var (key, sha, size) = await files.SaveAsync(new MemoryStream(content, writable: false), ct);
                db.FeedbackPhotos.Add(new FeedbackPhoto
                {
                    Id = Guid.NewGuid(), TenantId = tenant.Id, ReportId = report.Id, StorageKey = key, ContentType = "image/webp", Size = size,
                    Width = 800, Height = 600, Sha256 = sha, UploadedAt = created, UploadedBy = person.Id,
                    ApprovedAt = i == 5 ? null : created + day, ApprovedBy = i == 5 ? null : official,
                });
            }
            reports.Add(report);
            db.FeedbackReports.Add(report);
            db.FeedbackEvents.AddRange(events);
            db.Follows.Add(new Follow { UserId = person.Id, SubjectKind = FeedbackDesk.FollowKind, SubjectId = report.Id, TenantId = tenant.Id, CreatedAt = created });
        }
        // Numbers run in order of registration within each year.
        foreach (var year in reports.GroupBy(r => FeedbackDeadlines.SofiaDate(r.CreatedAt).Year))
        {
            var n = 0;
            foreach (var r in year.OrderBy(r => r.CreatedAt))
            {
                r.Number = FeedbackRules.Number(year.Key, ++n);
            }
        }
        foreach (var e in db.ChangeTracker.Entries<FeedbackEvent>().Where(e => e.Entity.Status == FeedbackStatus.Duplicate))
        {
            var duplicate = reports.First(r => r.Id == e.Entity.ReportId);
            e.Entity.Text = reports.First(r => r.Id == duplicate.DuplicateOfId).Number;
        }
        await db.SaveChangesAsync(ct);
    }

    /// <summary>A simple street scene (sky, road, a lamp post), different for each report, as WebP.</summary>
    private static byte[] DemoPhoto(int seed)
    {
        using var surface = SKSurface.Create(new SKImageInfo(800, 600));
        var canvas = surface.Canvas;
        using var sky = new SKPaint { Shader = SKShader.CreateLinearGradient(new SKPoint(0, 0), new SKPoint(0, 360), [new SKColor(120, 170, 220), new SKColor(210, 230, 245)], SKShaderTileMode.Clamp) };
        canvas.DrawRect(0, 0, 800, 360, sky);
        using var ground = new SKPaint { Color = new SKColor(110, 140, 90) };
        canvas.DrawRect(0, 360, 800, 240, ground);
        using var road = new SKPaint { Color = new SKColor(80, 80, 85) };
        using var path = new SKPath();
        path.MoveTo(330, 360);
        path.LineTo(470, 360);
        path.LineTo(760, 600);
        path.LineTo(40, 600);
        path.Close();
        canvas.DrawPath(path, road);
        using var pole = new SKPaint { Color = new SKColor(50, 50, 55), StrokeWidth = 10, IsAntialias = true };
        var x = 150 + (seed * 37 % 500);
        canvas.DrawLine(x, 560, x, 180, pole);
        canvas.DrawLine(x, 180, x + 60, 170, pole);
        using var lamp = new SKPaint { Color = seed % 2 == 0 ? new SKColor(255, 220, 120) : new SKColor(120, 120, 120), IsAntialias = true };
        canvas.DrawOval(x + 70, 180, 22, 12, lamp);
        using var image = surface.Snapshot();
        using var data = image.Encode(SKEncodedImageFormat.Webp, 80);
        return data.ToArray();
    }
}
