using Glas.Web.Platform.Database;
using Glas.Web.Platform.Localization;
using Microsoft.EntityFrameworkCore;

namespace Glas.Web.News;

/// <summary>
/// The press conference of project „Престиж“ in Хасково (seed 003, its text as published, linked to
/// the project) and, in Сливен, the opening of the consultation on the public-order ordinance
/// (linked to it). Idempotent by title.
/// </summary>
public static class NewsDemoData
{
    public const string PrestigeTitle = "Проект „Престиж“ за подобряване на взаимодействието между местната власт и гражданския сектор";
    public const string SlivenTitle = "Община Сливен кани гражданите да дадат предложения";

    private const string PrestigeBody = """
        Проект BG05SFOP001-2.025-0163-C01 "ПРЕСТИЖ" има за цел да насърчи гражданското участие в процесите на вземане на политически решения, да развие механизъм за съвместно сътрудничество и повишаване на взаимодействието между общинската администрация и гражданските организации за подобряване на регулаторната среда. Проектът се изпълнява от Сдружение "Алианс за регионално сътрудничество и развитие" в партньорство с Община Хасково. На пресконференция днес бяха представени основните цели за подобряване взаимодействието между местната власт и гражданския сектор и нови условия за активно участие на гражданите във формулирането на политики за развитие на местната общност.

        Крайният ефект от реализацията на дейностите е подобряване на средата за гражданско участие в управлението и възможност за съвместно вземане на политически решения. За да се постигне ефективно взаимодействие е необходимо да са налице условия за благоприятна законодателна и институционална среда за взаимодействие, добро познаване на спецификите на различните групи участници, висока степен на мотивация за участие и изграждане на отношения на доверие между тях. От съществено значение е проактивното поведение на гражданите и техните сдружения и желанието им за включване в обществените процеси.

        В рамките на проекта ще бъдат разработени проекти на документи, регламентиращи условията и реда за провеждане на обществено обсъждане, граждански форуми и съвети, работни групи и консултативни органи, организиране на обществени и съвещателни форуми, формуляри за обратна връзка и оценка на удовлетвореността от участието на заинтересовани страни в съвместни дейност и предложения за подобряване на ефективността им.

        Обща стойност на проект „Престиж“ е **52 405.20 лева**, от които 44 544,42 лева европейско финансиране и 7 860,78 лева национално финансиране. Крайният срок за изпълнение е 31.12.2023. Проектът се реализира от Сдружение "Алианс за регионално сътрудничество и развитие" в партньорство с Община Хасково.
        """;

    public static async Task SeedAsync(IServiceProvider services, CancellationToken ct)
    {
        using var scope = services.CreateScope();
        var db = scope.ServiceProvider.GetRequiredService<GlasDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var tenants = await db.Tenants.AsNoTracking().ToDictionaryAsync(t => t.Slug, t => t.Id, ct);

        if (tenants.TryGetValue("haskovo", out var haskovo) && !await db.NewsPosts.IgnoreQueryFilters().AnyAsync(p => p.TenantId == haskovo && p.Title == PrestigeTitle, ct))
        {
            var post = new NewsPost
            {
                Id = Guid.CreateVersion7(now), TenantId = haskovo, Title = PrestigeTitle,
                Summary = "На пресконференция бяха представени основните цели на проект „Престиж“ за подобряване на взаимодействието между местната власт и гражданския сектор.",
                Body = PrestigeBody, Topics = ["participation"], PublishAt = Formats.FromSofia(new DateTime(2023, 5, 9, 12, 0, 0)), CreatedAt = now, UpdatedAt = now,
            };
            if (await db.Projects.IgnoreQueryFilters().Where(p => p.TenantId == haskovo && p.Code == "BG05SFOP001-2.025-0163").Select(p => new { p.Id, p.Title }).FirstOrDefaultAsync(ct) is { } project)
            {
                post.Links.Add(new NewsLink { Id = Guid.CreateVersion7(now), TenantId = haskovo, PostId = post.Id, Module = "projects", ItemId = project.Id, Title = project.Title, Path = $"/projects/{project.Id}" });
            }
            db.NewsPosts.Add(post);
        }

        if (tenants.TryGetValue("sliven", out var sliven) && !await db.NewsPosts.IgnoreQueryFilters().AnyAsync(p => p.TenantId == sliven && p.Title == SlivenTitle, ct))
        {
            var post = new NewsPost
            {
                Id = Guid.CreateVersion7(now), TenantId = sliven, Title = SlivenTitle,
                Summary = "Проект на нова наредба е публикуван за обсъждане: гражданите и организациите могат да дадат предложения по всеки член.",
                Body = """
                    Проектът на наредбата е публикуван за обществено обсъждане. Всеки може да коментира **всеки член** поотделно или проекта като цяло.

                    - Прочетете проекта и мотивите към него.
                    - Дайте предложение към конкретен член.
                    - Елате на общественото обсъждане.

                    След края на консултацията общината публикува справка за получените предложения и мотивите за приемането или отхвърлянето им.
                    """,
                Topics = ["participation", "urban"], PublishAt = now.AddDays(-1), CreatedAt = now, UpdatedAt = now,
            };
            if (await db.Consultations.IgnoreQueryFilters().Where(c => c.TenantId == sliven && c.Title == "Наредба за обществения ред на територията на Община Сливен")
                    .Select(c => new { c.Id, c.Title }).FirstOrDefaultAsync(ct) is { } consultation)
            {
                post.Links.Add(new NewsLink
                {
                    Id = Guid.CreateVersion7(now), TenantId = sliven, PostId = post.Id, Module = "consultations", ItemId = consultation.Id, Title = consultation.Title,
                    Path = $"/consultations/{consultation.Id}",
                });
            }
            db.NewsPosts.Add(post);
        }
        await db.SaveChangesAsync(ct);
    }
}
