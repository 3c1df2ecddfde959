using System.Net;
using AngleSharp.Html.Dom;
using Glas.Web.Bodies;
using Glas.Web.Consultations;
using Glas.Web.Feedback;
using Glas.Web.Monitoring;
using Glas.Web.Participation.Comments;
using Glas.Web.Platform.Auditing;
using Glas.Web.Platform.Database;
using Glas.Web.Surveys;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Workspace;

/// <summary>„Моята работа“ over HTTP: who may open it, what every module contributes, tenants kept apart, the header's count.</summary>
[Trait("Category", "Integration")]
public class WorkspaceTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private const string WasteTitle = "Програма за управление на отпадъците";

    private async Task<HttpClient> As(string? email, string prefix = "")
    {
        var client = app.Client(followRedirects: false);
        if (email is not null)
        {
            await client.SignInAsync(email, prefix: prefix);
        }
        return client;
    }

    private Task<Guid> UserId(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<Guid> TenantId(string slug) => app.WithDbAsync(db => db.Tenants.Where(t => t.Slug == slug).Select(t => t.Id).SingleAsync());

    private Task<int> Seed(Action<GlasDbContext> add) => app.WithDbAsync(async db =>
    {
        add(db);
        return await db.SaveChangesAsync();
    });

    private static IHtmlDocument Must(IHtmlDocument page, string selector, out AngleSharp.Dom.IElement element)
    {
        element = page.QuerySelector(selector) ?? throw new ShouldAssertException($"No {selector} in:\n{page.QuerySelector("main")?.TextContent}");
        return page;
    }

    private static AngleSharp.Dom.IElement Group(IHtmlDocument page, string key)
    {
        Must(page, $"#group-{key}", out var group);
        return group;
    }

    private static int GroupTotal(IHtmlDocument page, string key) => int.Parse(Group(page, key).QuerySelector("h2 .work-count")!.TextContent, System.Globalization.CultureInfo.InvariantCulture);

    private static string[] ItemTitles(IHtmlDocument page, string key) => Group(page, key).QuerySelectorAll(".work-item > a").Select(a => a.TextContent.Trim()).ToArray();

    private async Task<Guid> DraftFor(string slug, string email, string title, ConsultationStatus status = ConsultationStatus.Draft, int opensInDays = 40)
    {
        var tenant = await TenantId(slug);
        var author = await UserId(email);
        var id = Guid.NewGuid();
        var today = ConsultationLifecycle.TodayInSofia(app.Clock.GetUtcNow());
        await Seed(db =>
        {
            var c = new Consultation
            {
                Id = id, TenantId = tenant, RegNumber = "T-" + id.ToString("N")[..8], Title = title, Summary = "Кратко описание.", PolicyArea = "Environment",
                ResponsibleUnit = "Дирекция „Екология“", Status = status, CreatedBy = author, CreatedAt = app.Clock.GetUtcNow(), UpdatedAt = app.Clock.GetUtcNow(),
            };
            c.SetPeriod(today.AddDays(opensInDays), today.AddDays(opensInDays + 30));
            db.Consultations.Add(c);
        });
        return id;
    }

    [Fact]
    public async Task Only_staff_of_the_administration_open_it()
    {
        var anonymous = await (await As(null)).GetAsync("/work");
        anonymous.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        anonymous.Headers.Location!.ToString().ShouldContain("/account/login");

        foreach (var (who, prefix) in new[] { ("citizen@example.org", ""), ("ngo@example.org", ""), ("official.levski@example.org", "/t/levski") })
        {
            var client = await As(who, prefix);
            // On Сливен (the default administration) none of them is staff, whatever they are elsewhere.
            var refused = await client.GetAsync("/work");
            refused.StatusCode.ShouldBe(HttpStatusCode.Redirect, who);
            refused.Headers.Location!.ToString().ShouldContain("/account/access-denied");
            (await client.GetPageAsync("/rules")).QuerySelector("#nav-work").ShouldBeNull(who);
            (await client.GetPageAsync("/account")).QuerySelector("#profile-work").ShouldBeNull(who);
        }

        foreach (var who in new[] { "moderator.sliven@example.org", "official.sliven@example.org", "admin.sliven@example.org" })
        {
            var client = await As(who);
            var page = await client.GetPageAsync("/work");
            page.QuerySelector("h1")!.TextContent.ShouldBe("Моята работа");
            page.QuerySelector("#nav-work")!.GetAttribute("aria-current").ShouldBe("page");
            (await client.GetPageAsync("/account")).QuerySelector("#profile-work a")!.GetAttribute("href").ShouldBe("/work");
        }
    }

    [Fact]
    public async Task The_closed_consultation_waits_for_its_report_with_its_unanswered_proposals()
    {
        var client = await As("official.haskovo@example.org", "/t/haskovo");
        var page = await client.GetPageAsync("/t/haskovo/work");
        var waste = await app.WithDbAsync(db => db.Consultations.Where(c => c.Title.StartsWith(WasteTitle)).Select(c => new { c.Id, c.Title, c.ClosesOn }).SingleAsync(), "haskovo");

        ItemTitles(page, "consultations-reports").ShouldContain(waste.Title);
        var item = Group(page, "consultations-reports").QuerySelectorAll(".work-item").Single(i => i.QuerySelector("a")!.TextContent.Trim() == waste.Title);
        item.QuerySelector("a")!.GetAttribute("href").ShouldBe($"/t/haskovo/consultations/{waste.Id}/report/edit");
        item.TextContent.ShouldContain("предложения без отговор: 3");
        item.TextContent.ShouldContain("Срок: " + Glas.Web.Platform.Localization.Formats.Date(ConsultationLifecycle.ReportDue(waste.ClosesOn)));
        item.QuerySelector(".tag-overdue").ShouldBeNull(); // closed 15 days ago: 15 days left

        GroupTotal(page, "consultations-proposals").ShouldBe(3);
        ItemTitles(page, "consultations-proposals").ShouldContain("Програмата трябва да има измерими показатели за всяка година.");

        // A consultation that closed forty days ago has its report ten days late, and says so in words.
        var late = await DraftFor("haskovo", "official.haskovo@example.org", "Късна справка " + Guid.NewGuid().ToString("N")[..6], ConsultationStatus.Closed, opensInDays: -70);
        var overdue = Group(await client.GetPageAsync("/t/haskovo/work"), "consultations-reports").QuerySelector($"a[href='/t/haskovo/consultations/{late}/report/edit']")!.ParentElement!;
        overdue.ClassList.ShouldContain("work-overdue");
        overdue.QuerySelector(".tag-overdue")!.TextContent.ShouldBe("Просрочено с 10 дни");
        overdue.TextContent.ShouldContain("всички предложения имат отговор");
    }

    [Fact]
    public async Task Every_module_adds_its_tasks_from_its_data()
    {
        var sliven = await TenantId("sliven");
        var official = await UserId("official.sliven@example.org");
        var citizen = await UserId("citizen@example.org");
        var now = app.Clock.GetUtcNow();
        var draft = await DraftFor("sliven", "official.sliven@example.org", "Чернова на наредба за зелените площи");
        var scheduled = await DraftFor("sliven", "official.sliven@example.org", "Насрочена наредба за паркирането", ConsultationStatus.Scheduled, opensInDays: 3);
        var othersDraft = await DraftFor("sliven", "admin.sliven@example.org", "Чужда чернова");
        var (project, ordinance, discussion) = await app.WithDbAsync(async db => (
            await db.Projects.Select(p => p.Id).FirstAsync(),
            await db.Consultations.Where(c => c.Status == ConsultationStatus.Open).Select(c => c.Id).FirstAsync(),
            await db.Events.Where(e => e.ConsultationId != null).Select(e => e.Id).FirstAsync()), "sliven");
        var flagged = await app.WithDbAsync(db => db.Comments.Where(c => c.SubjectId == ordinance && c.HiddenAt == null).OrderBy(c => c.CreatedAt).Select(c => c.Id).FirstAsync(), "sliven");
        var closingSurvey = Guid.NewGuid();
        var draftSurvey = Guid.NewGuid();
        await Seed(db =>
        {
            db.CommentFlags.Add(new CommentFlag { Id = Guid.NewGuid(), CommentId = flagged, ReporterId = citizen, Reason = "Обидно", CreatedAt = now });
            db.Surveys.Add(new Survey { Id = closingSurvey, TenantId = sliven, Title = "Анкета за градския транспорт", Launched = true, OpensAt = now.AddDays(-10), ClosesAt = now.AddDays(3), CreatedAt = now, UpdatedAt = now });
            db.Surveys.Add(new Survey { Id = draftSurvey, TenantId = sliven, Title = "Чернова на анкета за читалищата", CreatedAt = now, UpdatedAt = now });
            foreach (var subject in new[] { $"project:{project}", $"survey:{draftSurvey}", $"event:{discussion}" })
            {
                db.AuditEntries.Add(new AuditEntry { TenantId = sliven, ActorUserId = official, Action = "test.update", Subject = subject, At = now });
            }
        });

        var page = await (await As("official.sliven@example.org")).GetPageAsync("/work");

        // Consultations: my draft (to the editor) and my scheduled one (opening soon), not a colleague's.
        var mine = ItemTitles(page, "consultations-drafts").ToList();
        mine.ShouldContain("Насрочена наредба за паркирането");
        mine.ShouldContain("Чернова на наредба за зелените площи");
        mine.IndexOf("Насрочена наредба за паркирането").ShouldBeLessThan(mine.IndexOf("Чернова на наредба за зелените площи"));
        Group(page, "consultations-drafts").QuerySelector($"a[href='/consultations/edit/{draft}']").ShouldNotBeNull();
        Group(page, "consultations-drafts").QuerySelector($"a[href='/consultations/{scheduled}/manage']")!.ParentElement!.QuerySelector(".tag-soon").ShouldNotBeNull();
        page.QuerySelector($"a[href*='{othersDraft}']").ShouldBeNull();

        // Projects: the one I changed, a shortcut that the header does not count.
        var projectTitle = await app.WithDbAsync(db => db.Projects.Where(p => p.Id == project).Select(p => p.Title).SingleAsync(), "sliven");
        ItemTitles(page, "projects-recent").ShouldBe([projectTitle]);

        // Feedback: the open reports assigned to me and to nobody, as many as the register holds, earliest deadline first.
        var (assigned, unassigned) = await app.WithDbAsync(async db =>
        {
            var open = db.FeedbackReports.Where(r => r.Status == FeedbackStatus.Received || r.Status == FeedbackStatus.Assigned || r.Status == FeedbackStatus.InProgress);
            return (await open.CountAsync(r => r.AssigneeUserId == official), await open.CountAsync(r => r.AssigneeUserId == null));
        }, "sliven");
        assigned.ShouldBeGreaterThan(0);
        GroupTotal(page, "feedback-mine").ShouldBe(assigned);
        GroupTotal(page, "feedback-unassigned").ShouldBe(unassigned);
        Group(page, "feedback-mine").QuerySelectorAll(".work-item").Length.ShouldBe(Math.Min(assigned, 5));
        Group(page, "feedback-mine").QuerySelector(".work-more a")!.GetAttribute("href").ShouldBe($"/feedback/inbox?assignee={official}");

        // Surveys: closing in three days (with its responses) and my draft.
        ItemTitles(page, "surveys-closing").ShouldContain("Анкета за градския транспорт");
        Group(page, "surveys-closing").TextContent.ShouldContain("Отговори: 0");
        ItemTitles(page, "surveys-drafts").ShouldContain("Чернова на анкета за читалищата");

        // Events: the public discussion I organise, with its registrations.
        Group(page, "events-upcoming").QuerySelector($"a[href='/events/{discussion}/attendees']").ShouldNotBeNull();
        Group(page, "events-upcoming").TextContent.ShouldContain("записани:");

        // Moderation is the moderators' duty, not an official's.
        page.QuerySelector("#group-comments-moderation").ShouldBeNull();
        var moderator = await (await As("moderator.sliven@example.org")).GetPageAsync("/work");
        GroupTotal(moderator, "comments-moderation").ShouldBeGreaterThanOrEqualTo(1);
        Group(moderator, "comments-moderation").QuerySelector(".work-item a")!.GetAttribute("href").ShouldBe("/moderation");
        moderator.QuerySelector("#group-consultations-drafts").ShouldBeNull();
        moderator.QuerySelector("#group-feedback-mine").ShouldBeNull();

        // Monitoring (Левски): every recommendation waiting for an answer, overdue ones first and tagged.
        var pending = await app.WithDbAsync(db => db.Recommendations.CountAsync(r => r.Answer == AnswerStatus.Pending), "levski");
        var levski = await (await As("official.levski@example.org", "/t/levski")).GetPageAsync("/t/levski/work");
        GroupTotal(levski, "monitoring-answers").ShouldBe(pending);
        Group(levski, "monitoring-answers").QuerySelector(".work-item")!.ClassList.ShouldContain("work-overdue");

        // Bodies (Хасково): a meeting held without minutes; the demo meetings have theirs.
        var haskovo = await TenantId("haskovo");
        var meeting = Guid.NewGuid();
        var body = await app.WithDbAsync(db => db.Bodies.Select(b => b.Id).FirstAsync(), "haskovo");
        await Seed(db => db.Meetings.Add(new Meeting
        {
            Id = meeting, TenantId = haskovo, BodyId = body, Title = "Извънредно заседание", StartsAt = now.AddDays(-2), EndsAt = now.AddDays(-2).AddHours(2), Status = MeetingStatus.Held,
            CreatedAt = now, UpdatedAt = now,
        }));
        var council = await (await As("official.haskovo@example.org", "/t/haskovo")).GetPageAsync("/t/haskovo/work");
        ItemTitles(council, "bodies-minutes").ShouldContain("Извънредно заседание");
        Group(council, "bodies-minutes").QuerySelector($"a[href='/t/haskovo/bodies/{body}/meetings/{meeting}/manage']").ShouldNotBeNull();
    }

    [Fact]
    public async Task Staff_never_see_the_tasks_of_another_administration()
    {
        var slivenTitle = "Сливенска чернова " + Guid.NewGuid().ToString("N")[..6];
        var haskovoTitle = "Хасковска чернова " + Guid.NewGuid().ToString("N")[..6];
        await DraftFor("sliven", "operator@example.org", slivenTitle);
        await DraftFor("haskovo", "operator@example.org", haskovoTitle);
        var haskovoWaste = await app.WithDbAsync(db => db.Consultations.Where(c => c.Title.StartsWith(WasteTitle)).Select(c => c.Title).SingleAsync(), "haskovo");
        var levskiRecommendations = await app.WithDbAsync(db => db.Recommendations.Select(r => r.Title).ToListAsync(), "levski");

        // The installation's operator is an administrator everywhere, but each administration's page holds only its own work.
        var operatorClient = await As("operator@example.org");
        var atSliven = (await operatorClient.GetPageAsync("/work")).QuerySelector("main")!.TextContent;
        var atHaskovo = (await operatorClient.GetPageAsync("/t/haskovo/work")).QuerySelector("main")!.TextContent;
        atSliven.ShouldContain(slivenTitle);
        atSliven.ShouldNotContain(haskovoTitle);
        atSliven.ShouldNotContain(haskovoWaste);
        atHaskovo.ShouldContain(haskovoTitle);
        atHaskovo.ShouldContain(haskovoWaste);
        atHaskovo.ShouldNotContain(slivenTitle);
        foreach (var title in levskiRecommendations)
        {
            atSliven.ShouldNotContain(title);
            atHaskovo.ShouldNotContain(title);
        }

        // Хасково's official, on Хасково, sees nothing of Сливен's reports either.
        var slivenReports = await app.WithDbAsync(db => db.FeedbackReports.Select(r => r.Number).ToListAsync(), "sliven");
        var haskovoPage = await (await As("official.haskovo@example.org", "/t/haskovo")).GetPageAsync("/t/haskovo/work");
        var numbers = Group(haskovoPage, "feedback-unassigned").QuerySelectorAll(".work-meta").Select(m => m.TextContent).ToList();
        numbers.ShouldNotBeEmpty();
        var haskovoReports = await app.WithDbAsync(db => db.FeedbackReports.Select(r => r.Number).ToListAsync(), "haskovo");
        numbers.ShouldAllBe(n => haskovoReports.Any(h => n.Contains("№ " + h)));
    }

    [Fact]
    public async Task The_header_count_is_the_number_of_tasks_waiting()
    {
        var client = await As("admin.sliven@example.org");
        (await client.GetPageAsync("/rules")).QuerySelector("#nav-work").ShouldNotBeNull();

        // A new reported comment: the workspace counts it at once and the header follows.
        var ordinance = await app.WithDbAsync(db => db.Consultations.Where(c => c.Status == ConsultationStatus.Open).Select(c => c.Id).FirstAsync(), "sliven");
        var comment = await app.WithDbAsync(db => db.Comments.Where(c => c.SubjectId == ordinance && c.HiddenAt == null).OrderByDescending(c => c.CreatedAt).Select(c => c.Id).FirstAsync(), "sliven");
        var reporter = await UserId("ngo@example.org");
        await Seed(db => db.CommentFlags.Add(new CommentFlag { Id = Guid.NewGuid(), CommentId = comment, ReporterId = reporter, Reason = "Спам", CreatedAt = app.Clock.GetUtcNow() }));

        var work = await client.GetPageAsync("/work");
        var total = int.Parse(work.QuerySelector("#work-total")!.TextContent.Replace("Задачи общо: ", "", StringComparison.Ordinal), System.Globalization.CultureInfo.InvariantCulture);
        var counted = work.QuerySelectorAll(".work-group").Where(g => g.Id is not ("group-projects-recent" or "group-events-upcoming"))
            .Sum(g => int.Parse(g.QuerySelector("h2 .work-count")!.TextContent, System.Globalization.CultureInfo.InvariantCulture));
        total.ShouldBe(counted);
        total.ShouldBeGreaterThan(0);
        work.QuerySelector("#nav-work")!.TextContent.ShouldBe($"Моята работа ({total})");
        (await client.GetPageAsync("/consultations")).QuerySelector("#nav-work")!.TextContent.ShouldBe($"Моята работа ({total})");
        (await client.GetPageAsync("/consultations?culture=en")).QuerySelector("#nav-work")!.TextContent.ShouldBe($"My work ({total})");
    }

    [Fact]
    public async Task An_official_finds_the_drafts_in_the_consultations_list_and_the_public_does_not()
    {
        var title = "Чернова за списъка " + Guid.NewGuid().ToString("N")[..6];
        var id = await DraftFor("sliven", "official.sliven@example.org", title);

        var official = await (await As("official.sliven@example.org")).GetPageAsync("/consultations?status=Draft");
        var card = official.QuerySelectorAll(".consultation-card").Single(c => c.QuerySelector("h3")!.TextContent.Trim() == title);
        card.QuerySelector(".tag.status-draft")!.TextContent.ShouldBe("Чернова");
        official.QuerySelectorAll("#status option").Select(o => o.GetAttribute("value")).ShouldContain("Draft");
        // An unknown or hostile status lists everything (drafts included for the official), never an error.
        var officialClient = await As("official.sliven@example.org");
        foreach (var odd in new[] { "%3Cscript%3Ealert(1)%3C%2Fscript%3E", "99", "Draft'--" })
        {
            var listed = await officialClient.GetPageAsync($"/consultations?status={odd}&p=-1");
            listed.QuerySelector("main")!.TextContent.ShouldContain(title, customMessage: odd);
            listed.QuerySelector("main")!.InnerHtml.ShouldNotContain("<script>alert(1)");
        }
        (await officialClient.GetPageAsync("/work?culture=en")).QuerySelector("#work-total")!.TextContent.ShouldStartWith("Tasks in all: ");

        foreach (var who in new[] { null, "citizen@example.org", "moderator.sliven@example.org" })
        {
            var client = await As(who);
            var all = await client.GetPageAsync("/consultations");
            all.QuerySelector("main")!.TextContent.ShouldNotContain(title, customMessage: who);
            all.QuerySelectorAll("#status option").Select(o => o.GetAttribute("value")).ShouldNotContain("Draft");
            (await client.GetPageAsync("/consultations?status=Draft")).QuerySelector("main")!.TextContent.ShouldNotContain(title);
        }
        // Another administration's official does not see Сливен's drafts under its own address either.
        (await (await As("official.levski@example.org", "/t/levski")).GetPageAsync("/t/levski/consultations?status=Draft")).QuerySelector("main")!.TextContent.ShouldNotContain(title);
        (await (await As("official.levski@example.org", "/t/levski")).GetAsync($"/t/levski/consultations/{id}")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
    }
}
