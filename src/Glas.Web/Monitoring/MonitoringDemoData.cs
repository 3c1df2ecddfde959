using Glas.Web.Platform.Database;
using Glas.Web.Platform.Localization;
using Glas.Web.Platform.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.Monitoring;

/// <summary>
/// Demo data for three administrations: Сливен's development programme with its scorecard, Левски's
/// analysis (seed 002) with ten recommendations in every stage, and the Русе monitoring report by
/// the organisation of seed 004. Names and titles are quoted from the seeds; the programme's
/// measures, figures and the recommendations' wording are illustrative and say so. Idempotent.
/// </summary>
public static class MonitoringDemoData
{
    public const string SlivenPolicy = "Програма за развитие на Община Сливен 2022–2027";
    public const string LevskiAnalysis = "Анализ с оглед подобряване на процеса на изпълнение и мониторинг на местните политики и прилагането принципите на прозрачност, откритост и ефективност на местното управление в община Левски";
    public const string LevskiAuthor = "Сдружение „Без граници“";
    public const string RuseReport = "Областна администрация - Русе през погледа на гражданското общество: доклад от граждански мониторинг";
    public const string RuseAuthor = "Сдружение Клуб „Отворено общество“ – Русе";
    public const string AssociationPolicy = "Регионална програма за гражданско участие в общините от Югоизточен регион";
    private const string Demo = "Демонстрационни данни: мерките, стойностите и формулировките са примерни.";

    private static readonly MonitoringActor Seeder = new(null, "Глас (демо данни)");

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        List<Tenant> tenants;
        using (var scope = services.CreateScope())
        {
            tenants = await scope.ServiceProvider.GetRequiredService<GlasDbContext>().Tenants.AsNoTracking().ToListAsync(ct);
        }
        foreach (var (slug, seed) in new (string, Func<GlasDbContext, Tenant, DateTimeOffset, Task>)[] { ("sliven", SlivenAsync), ("levski", LevskiAsync), ("ruse-oblast", RuseAsync), ("yugoiztochen", AssociationAsync), ("sliven", SlivenLinksAsync) })
        {
            if (tenants.FirstOrDefault(t => t.Slug == slug) is not { } tenant)
            {
                continue;
            }
            using var scope = services.CreateScope();
            scope.ServiceProvider.GetRequiredService<TenantContext>().Tenant = tenant;
            var db = scope.ServiceProvider.GetRequiredService<GlasDbContext>();
            await seed(db, tenant, scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow());
            await db.SaveChangesAsync(ct);
        }
    }

    private static DateTimeOffset Sofia(int y, int m, int d) => Formats.FromSofia(new DateTime(y, m, d, 10, 0, 0));

    private static async Task SlivenAsync(GlasDbContext db, Tenant tenant, DateTimeOffset now)
    {
        if (await db.Policies.AnyAsync(p => p.Title == SlivenPolicy))
        {
            return;
        }
        var policy = new Policy
        {
            Id = Guid.NewGuid(), TenantId = tenant.Id, Title = SlivenPolicy, Kind = PolicyKind.Programme, Area = "Добро управление и гражданско участие",
            ResponsibleUnit = "Дирекция „Стратегическо планиране и проекти“", StartYear = 2022, EndYear = 2027,
            Summary = "Целите на програмата следват специфичните цели на проекта „Партньори за развитие на Община Сливен“. " + Demo,
            CreatedAt = Sofia(2022, 12, 20), UpdatedAt = Sofia(2026, 3, 31),
        };
        db.Policies.Add(policy);
        (string Goal, (string Title, int Start, int End, MeasureStatus Status, int Progress, decimal? Budget, string? Currency)[] Measures,
            (string Code, string Name, IndicatorUnit Unit, string Label, decimal Baseline, decimal Target, decimal[] Values)[] Indicators)[] goals =
        [
            ("Усъвършенстване на мониторинга и оценката на провежданите политики от Община Сливен",
            [
                ("Публичен регистър на мерките и индикаторите", 20230101, 20251231, MeasureStatus.Completed, 100, 12000m, "BGN"),
                ("Годишен доклад за изпълнението на програмата", 20230301, 20271231, MeasureStatus.InProgress, 65, null, null),
                ("Обучение на служителите по мониторинг и оценка", 20240101, 20260630, MeasureStatus.Delayed, 60, 8500m, "EUR"),
            ],
            [
                ("MON-01", "Дял на мерките с публикуван отчет за изпълнение", IndicatorUnit.Percent, "%", 20m, 100m, [40m, 55m, 70m]),
                ("MON-02", "Публикувани доклади от граждански мониторинг", IndicatorUnit.Count, "бр.", 0m, 10m, [1m, 2m, 3m]),
                ("MON-03", "Среден срок за отговор на препоръка", IndicatorUnit.Number, "дни", 60m, 30m, [55m, 45m, 40m]),
                ("MON-04", "Индикатори с данни за поне три години", IndicatorUnit.Percent, "%", 10m, 90m, [20m, 35m, 48m]),
            ]),
            ("Създаване на възможности за засилено участие на гражданското общество в управлението",
            [
                ("Обществени обсъждания по обществено значими за общината теми", 20230101, 20271231, MeasureStatus.InProgress, 80, 15000m, "BGN"),
                ("Граждански съвет към общинския съвет", 20250101, 20261231, MeasureStatus.InProgress, 60, null, null),
                ("Информационна кампания за гражданско участие", 20270101, 20271231, MeasureStatus.NotStarted, 0, 20000m, "BGN"),
            ],
            [
                ("PAR-01", "Участници в обществени обсъждания", IndicatorUnit.Count, "бр.", 150m, 600m, [210m, 260m, 300m]),
                ("PAR-02", "Организации, подали становища", IndicatorUnit.Count, "бр.", 12m, 40m, [18m, 25m, 31m]),
                ("PAR-03", "Обществени консултации с публикувана справка", IndicatorUnit.Percent, "%", 35m, 100m, [50m, 70m, 85m]),
                ("PAR-04", "Дял на приетите предложения от консултации", IndicatorUnit.Percent, "%", 15m, 35m, [16m, 18m, 21m]),
            ]),
            ("Въвеждане на иновативен механизъм за обратна връзка с гражданите от Община Сливен",
            [
                ("Платформа за сигнали и обратна връзка", 20230601, 20251231, MeasureStatus.Completed, 100, 30000m, "BGN"),
                ("Мобилно приложение за сигнали", 20250301, 20260930, MeasureStatus.Cancelled, 10, null, null),
            ],
            [
                ("FBK-01", "Сигнали, получени онлайн", IndicatorUnit.Count, "бр.", 400m, 1500m, [700m, 950m, 1200m]),
                ("FBK-02", "Среден срок за отговор на сигнал", IndicatorUnit.Number, "дни", 21m, 7m, [18m, 15m, 12m]),
                ("FBK-03", "Удовлетвореност от отговора на сигнал", IndicatorUnit.Percent, "%", 48m, 75m, [50m, 53m, 55m]),
                ("FBK-04", "Дял на сигналите, решени в срок", IndicatorUnit.Percent, "%", 62m, 90m, [66m, 72m, 75m]),
            ]),
        ];
        static DateOnly Date(int ymd) => new(ymd / 10000, ymd / 100 % 100, ymd % 100);
        foreach (var (g, n) in goals.Select((g, n) => (g, n)))
        {
            var goal = new PolicyGoal { Id = Guid.NewGuid(), TenantId = tenant.Id, PolicyId = policy.Id, Position = n, Title = g.Goal };
            db.PolicyGoals.Add(goal);
            foreach (var (m, k) in g.Measures.Select((m, k) => (m, k)))
            {
                db.PolicyMeasures.Add(new PolicyMeasure
                {
                    Id = Guid.NewGuid(), TenantId = tenant.Id, GoalId = goal.Id, Position = k, Title = m.Title, ResponsibleUnit = policy.ResponsibleUnit,
                    PlannedStart = Date(m.Start), PlannedEnd = Date(m.End), Status = m.Status, Progress = m.Progress, Budget = m.Budget, Currency = m.Currency,
                    UpdatedAt = policy.UpdatedAt,
                });
            }
            foreach (var (i, k) in g.Indicators.Select((i, k) => (i, k)))
            {
                var indicator = new PolicyIndicator
                {
                    Id = Guid.NewGuid(), TenantId = tenant.Id, GoalId = goal.Id, Position = k, Code = i.Code, Name = i.Name, Unit = i.Unit, UnitLabel = i.Label,
                    BaselineValue = i.Baseline, BaselineYear = 2022, TargetValue = i.Target, TargetYear = 2027,
                    Direction = i.Target > i.Baseline ? IndicatorDirection.HigherIsBetter : IndicatorDirection.LowerIsBetter,
                    DataSource = "Община Сливен, годишен отчет", Frequency = "годишно",
                };
                db.PolicyIndicators.Add(indicator);
                foreach (var (v, y) in i.Values.Select((v, y) => (v, 2023 + y)))
                {
                    db.IndicatorValues.Add(new IndicatorValue
                    {
                        Id = Guid.NewGuid(), TenantId = tenant.Id, IndicatorId = indicator.Id, Year = y, Value = v, SourceNote = $"Годишен отчет за {y} г.",
                        ReportedAt = Sofia(y + 1, 3, 31), ReportedByName = Seeder.Name,
                    });
                }
            }
        }
    }

    /// <summary>Links Сливен's programme to the register's project that finances it (once, when both exist).</summary>
    private static async Task SlivenLinksAsync(GlasDbContext db, Tenant tenant, DateTimeOffset now)
    {
        var policy = await db.Policies.Where(p => p.Title == SlivenPolicy).Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
        var project = await db.Projects.Where(p => p.Title == "Партньори за развитие на Община Сливен").Select(p => (Guid?)p.Id).FirstOrDefaultAsync();
        if (policy is { } pid && project is { } prid && !await db.PolicyProjects.AnyAsync(x => x.PolicyId == pid))
        {
            db.PolicyProjects.Add(new PolicyProject { PolicyId = pid, ProjectId = prid, TenantId = tenant.Id });
        }
    }

    /// <summary>
    /// The association keeps indicators for Бургас, Стара Загора and Ямбол with the codes Сливен uses in
    /// its own programme, so the comparison page shows all four members (figures illustrative).
    /// </summary>
    private static async Task AssociationAsync(GlasDbContext db, Tenant tenant, DateTimeOffset now)
    {
        if (await db.Policies.AnyAsync(p => p.Title == AssociationPolicy))
        {
            return;
        }
        var policy = new Policy
        {
            Id = Guid.NewGuid(), TenantId = tenant.Id, Title = AssociationPolicy, Kind = PolicyKind.Programme, Area = "Гражданско участие",
            ResponsibleUnit = "Изпълнителна дирекция на сдружението", StartYear = 2022, EndYear = 2027,
            Summary = "Общи индикатори за гражданско участие в общините членки (Бургас, Сливен, Стара Загора, Ямбол); Сливен публикува своите в собствената си програма. " + Demo,
            CreatedAt = Sofia(2023, 1, 16), UpdatedAt = Sofia(2026, 3, 31),
        };
        db.Policies.Add(policy);
        var goal = new PolicyGoal { Id = Guid.NewGuid(), TenantId = tenant.Id, PolicyId = policy.Id, Position = 0, Title = "Засилено участие на гражданите във вземането на решения в общините членки" };
        db.PolicyGoals.Add(goal);
        db.PolicyMeasures.Add(new PolicyMeasure
        {
            Id = Guid.NewGuid(), TenantId = tenant.Id, GoalId = goal.Id, Position = 0, Title = "Общ модел за обществени обсъждания в общините членки",
            ResponsibleUnit = policy.ResponsibleUnit, PlannedStart = new DateOnly(2023, 1, 1), PlannedEnd = new DateOnly(2026, 12, 31),
            Status = MeasureStatus.InProgress, Progress = 70, UpdatedAt = policy.UpdatedAt,
        });
        (string Code, string Name, IndicatorUnit Unit, string Label, string Member, decimal Baseline, decimal Target, decimal[] Values)[] indicators =
        [
            ("PAR-01", "Участници в обществени обсъждания", IndicatorUnit.Count, "бр.", "Бургас", 420m, 1200m, [520m, 640m, 700m]),
            ("PAR-01", "Участници в обществени обсъждания", IndicatorUnit.Count, "бр.", "Стара Загора", 260m, 800m, [300m, 310m, 330m]),
            ("PAR-01", "Участници в обществени обсъждания", IndicatorUnit.Count, "бр.", "Ямбол", 90m, 300m, [120m, 170m, 230m]),
            ("PAR-03", "Обществени консултации с публикувана справка", IndicatorUnit.Percent, "%", "Бургас", 60m, 100m, [75m, 85m, 95m]),
            ("PAR-03", "Обществени консултации с публикувана справка", IndicatorUnit.Percent, "%", "Стара Загора", 40m, 100m, [45m, 50m, 52m]),
            ("PAR-03", "Обществени консултации с публикувана справка", IndicatorUnit.Percent, "%", "Ямбол", 25m, 100m, [40m, 60m, 80m]),
            ("FBK-02", "Среден срок за отговор на сигнал", IndicatorUnit.Number, "дни", "Бургас", 14m, 7m, [12m, 10m, 8m]),
            ("FBK-02", "Среден срок за отговор на сигнал", IndicatorUnit.Number, "дни", "Ямбол", 25m, 10m, [24m, 24m, 23m]),
        ];
        foreach (var (i, k) in indicators.Select((i, k) => (i, k)))
        {
            var indicator = new PolicyIndicator
            {
                Id = Guid.NewGuid(), TenantId = tenant.Id, GoalId = goal.Id, Position = k, Code = i.Code, Name = $"{i.Name} — {i.Member}", Municipality = i.Member,
                Unit = i.Unit, UnitLabel = i.Label, BaselineValue = i.Baseline, BaselineYear = 2022, TargetValue = i.Target, TargetYear = 2027,
                Direction = i.Target > i.Baseline ? IndicatorDirection.HigherIsBetter : IndicatorDirection.LowerIsBetter,
                DataSource = $"Община {i.Member}, годишен отчет", Frequency = "годишно",
            };
            db.PolicyIndicators.Add(indicator);
            foreach (var (v, y) in i.Values.Select((v, y) => (v, 2023 + y)))
            {
                db.IndicatorValues.Add(new IndicatorValue
                {
                    Id = Guid.NewGuid(), TenantId = tenant.Id, IndicatorId = indicator.Id, Year = y, Value = v, SourceNote = $"Отчет на общината за {y} г.",
                    ReportedAt = Sofia(y + 1, 3, 31), ReportedByName = Seeder.Name,
                });
            }
        }
        if (await db.Projects.Where(p => EF.Functions.Like(p.Title, "Прилагане на модели и политики%")).Select(p => (Guid?)p.Id).FirstOrDefaultAsync() is { } project)
        {
            db.PolicyProjects.Add(new PolicyProject { PolicyId = policy.Id, ProjectId = project, TenantId = tenant.Id });
        }
    }

    private static async Task LevskiAsync(GlasDbContext db, Tenant tenant, DateTimeOffset now)
    {
        if (await db.MonitoringReports.AnyAsync(r => r.Title == LevskiAnalysis))
        {
            return;
        }
        var published = Sofia(2023, 6, 15);
        var report = new MonitoringReport
        {
            Id = Guid.NewGuid(), TenantId = tenant.Id, Kind = ReportKind.Analysis, Title = LevskiAnalysis, AuthorName = LevskiAuthor,
            Summary = "Проучване и анализ по проект „Гражданското общество в партньорство с местната власт“ (BG05SFOP001-2.025-0218), с препоръки за подобряване процесите на изпълнение и мониторинг на местни политики.",
            Findings = Demo, PublishedAt = published, UpdatedAt = published,
        };
        db.MonitoringReports.Add(report);
        var future = DateOnly.FromDateTime(Formats.ToSofia(now).DateTime).AddDays(120);
        var past = new DateOnly(2024, 12, 31);
        (string Title, string Unit, AnswerStatus Answer, ImplementationStatus? Implementation, DateOnly? Deadline)[] items =
        [
            ("Да се подобри взаимодействието между администрацията и гражданите в община Левски чрез приемно време на кмета веднъж месечно", "Кабинет на кмета", AnswerStatus.Pending, null, null),
            ("Да се публикуват отчетите за изпълнение на местните политики в отворен формат", "Дирекция „Административно обслужване“", AnswerStatus.Accepted, ImplementationStatus.Planned, future),
            ("Да се въведе годишен граждански мониторинг на бюджета на общината", "Дирекция „Финанси и бюджет“", AnswerStatus.Accepted, ImplementationStatus.InProgress, future),
            ("Да се създаде обществен съвет с представители на гражданите и бизнеса", "Общински съвет – Левски", AnswerStatus.Accepted, ImplementationStatus.InProgress, past),
            ("Да се публикуват протоколите от обществените обсъждания в срок от 7 дни", "Дирекция „Административно обслужване“", AnswerStatus.Accepted, ImplementationStatus.Implemented, new DateOnly(2024, 3, 31)),
            ("Да се провеждат обществени обсъждания и в населените места извън град Левски", "Кабинет на кмета", AnswerStatus.PartiallyAccepted, ImplementationStatus.Planned, future),
            ("Да се въведе електронна система за сигнали с проследяване на отговора", "Дирекция „Административно обслужване“", AnswerStatus.PartiallyAccepted, ImplementationStatus.NotImplemented, new DateOnly(2024, 6, 30)),
            ("Да се назначи отделен служител за връзки с НПО", "Дирекция „Административно обслужване“", AnswerStatus.NotAccepted, null, null),
            ("Да се усъвършенства мониторингът и оценката на провежданите местни политики с индикатори и целеви стойности", "Дирекция „Устройство на територията и проекти“", AnswerStatus.PartiallyAccepted, ImplementationStatus.Implemented, new DateOnly(2024, 12, 31)),
        ];
        foreach (var item in items)
        {
            var r = Add(db, tenant.Id, RecommendationSource.Analysis, report.Id, item.Title, item.Unit, LevskiAuthor, published);
            if (item.Answer != AnswerStatus.Pending)
            {
                Answer(db, r, item.Answer, item.Implementation, item.Deadline, Sofia(2023, 7, 10));
            }
        }
        // One straight from an organisation, received last week: its answer is not due yet.
        Add(db, tenant.Id, RecommendationSource.Organisation, null, "Да се отправят препоръки за подобряване процесите на изпълнение и мониторинг на местни политики веднъж годишно",
            "Кабинет на кмета", LevskiAuthor, now.AddDays(-5));
    }

    private static async Task RuseAsync(GlasDbContext db, Tenant tenant, DateTimeOffset now)
    {
        if (await db.MonitoringReports.AnyAsync(r => r.Title == RuseReport))
        {
            return;
        }
        var published = Sofia(2020, 9, 30);
        var report = new MonitoringReport
        {
            Id = Guid.NewGuid(), TenantId = tenant.Id, Kind = ReportKind.MonitoringReport, Title = RuseReport, AuthorName = RuseAuthor,
            Summary = "Граждански мониторинг върху действията на Областна администрация – Русе: анализ на мнения и препоръки на гражданите, НПО, бизнес и местни власти за работата ѝ.",
            Findings = Demo, PublishedAt = published, UpdatedAt = published,
        };
        db.MonitoringReports.Add(report);
        var future = DateOnly.FromDateTime(Formats.ToSofia(now).DateTime).AddDays(90);
        var a = Add(db, tenant.Id, RecommendationSource.MonitoringReport, report.Id, "Да се повишат комуникационните умения на служителите в Областна администрация чрез обучения", "Дирекция „Административно-правно обслужване, финанси и управление на собствеността“", RuseAuthor, published);
        Answer(db, a, AnswerStatus.Accepted, ImplementationStatus.Implemented, new DateOnly(2020, 12, 31), Sofia(2020, 10, 20));
        var b = Add(db, tenant.Id, RecommendationSource.MonitoringReport, report.Id, "Да се приложи модел за подобряване на гражданското участие във формиране на политики на областно ниво", "Дирекция „Административен контрол, регионално развитие и държавна собственост“", RuseAuthor, published);
        Answer(db, b, AnswerStatus.PartiallyAccepted, ImplementationStatus.InProgress, future, Sofia(2020, 10, 20));
        Add(db, tenant.Id, RecommendationSource.MonitoringReport, report.Id, "Да се публикуват ежегодно резултатите от проучване на нагласите на гражданите за работата на администрацията", "Областен управител", RuseAuthor, published);
    }

    private static Recommendation Add(GlasDbContext db, Guid tenantId, RecommendationSource source, Guid? reportId, string title, string unit, string author, DateTimeOffset at)
    {
        var r = new Recommendation
        {
            Id = Guid.NewGuid(), TenantId = tenantId, Source = source, ReportId = reportId, Title = title, AddresseeUnit = unit, AuthorName = author,
            CreatedAt = at, AnswerDue = DateOnly.FromDateTime(Formats.ToSofia(at).DateTime).AddDays(30), Answer = AnswerStatus.Pending, UpdatedAt = at,
        };
        db.Recommendations.Add(r);
        db.RecommendationEvents.Add(new RecommendationEvent { Id = Guid.NewGuid(), TenantId = tenantId, RecommendationId = r.Id, At = at, ActorName = author, Kind = "received" });
        return r;
    }

    private static void Answer(GlasDbContext db, Recommendation r, AnswerStatus answer, ImplementationStatus? implementation, DateOnly? deadline, DateTimeOffset at)
    {
        r.Answer = answer;
        r.AnsweredAt = at;
        r.UpdatedAt = at;
        r.AnswerReason = answer == AnswerStatus.Accepted ? null : "Частично в рамките на наличния бюджет и персонал.";
        if (answer == AnswerStatus.NotAccepted)
        {
            r.AnswerReason = "Функцията се изпълнява от съществуващ служител в дирекцията.";
        }
        else
        {
            r.PlannedAction = "Включване в годишния план за действие на администрацията.";
            r.Deadline = deadline;
            r.Implementation = ImplementationStatus.Planned;
        }
        db.RecommendationEvents.Add(new RecommendationEvent
        {
            Id = Guid.NewGuid(), TenantId = r.TenantId, RecommendationId = r.Id, At = at, ActorName = Seeder.Name, Kind = "answer." + answer,
            Note = string.Join(" — ", new[] { r.AnswerReason, r.PlannedAction }.Where(x => x is not null)),
        });
        if (implementation is { } status and not ImplementationStatus.Planned)
        {
            r.Implementation = status;
            var when = at.AddDays(60);
            r.Evidence = status is ImplementationStatus.Implemented or ImplementationStatus.NotImplemented ? "Отчет за изпълнението на плана за действие." : null;
            r.UpdatedAt = when;
            db.RecommendationEvents.Add(new RecommendationEvent
            {
                Id = Guid.NewGuid(), TenantId = r.TenantId, RecommendationId = r.Id, At = when, ActorName = Seeder.Name, Kind = "implementation." + status, Note = r.Evidence,
            });
        }
    }
}
