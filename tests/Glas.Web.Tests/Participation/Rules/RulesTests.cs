using System.Net;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Participation.Rules;

[Trait("Category", "Integration")]
public class RulesTests(GlasFactory app) : IClassFixture<GlasFactory>
{
    private async Task<HttpClient> As(string? email, string prefix = "")
    {
        var client = app.Client(followRedirects: false);
        if (email is not null)
        {
            await client.SignInAsync(email, prefix: prefix);
        }
        return client;
    }

    private static Dictionary<string, string> Feedback(string title) => new()
    {
        ["Input.Kind"] = "Signal",
        ["Input.Category"] = "street-lighting",
        ["Input.Title"] = title,
        ["Input.Description"] = "Лампата пред входа не свети от седмица.",
        ["Input.Address"] = "ул. „Раковска“ 20",
        ["Input.Latitude"] = "42.6824",
        ["Input.Longitude"] = "26.3225",
        ["Input.IsPublic"] = "true",
    };

    private Dictionary<string, string> Version(DateOnly on, string changes) => new()
    {
        ["Input.EffectiveOn"] = on.ToString("yyyy-MM-dd", System.Globalization.CultureInfo.InvariantCulture),
        ["Input.Participation"] = "Участвайте с потвърден имейл.\nОтговаряме на всяко предложение.",
        ["Input.Conduct"] = "Пишете с уважение.",
        ["Input.Moderation"] = "Скритото остава в записа.",
        ["Input.Changes"] = changes,
    };

    private DateOnly Today => DateOnly.FromDateTime(Glas.Web.Platform.Localization.Formats.ToSofia(app.Clock.GetUtcNow()).DateTime);

    [Fact]
    public async Task Levski_shows_its_rules_in_force_and_the_version_announced()
    {
        var page = await (await As(null)).GetPageAsync("/t/levski/rules");
        page.QuerySelector(".lead")!.TextContent.ShouldStartWith("Версия 1, в сила от");
        page.GetElementById("conduct")!.TextContent.ShouldBe("Кодекс на поведение");
        page.GetElementById("upcoming-heading")!.TextContent.ShouldStartWith("Нова версия 2 влиза в сила на");
        page.GetElementById("rules-versions")!.QuerySelectorAll("tbody tr").Length.ShouldBe(2);
        (await (await As(null)).GetPageAsync("/t/levski/rules?version=2")).Body!.TextContent.ShouldContain("обжалва");
        (await (await As(null)).GetAsync("/t/levski/rules?version=9")).StatusCode.ShouldBe(HttpStatusCode.NotFound);
        // Where no version is published, the general rules are shown.
        (await (await As(null)).GetPageAsync("/t/haskovo/rules")).GetElementById("rules-versions").ShouldBeNull();
    }

    [Fact]
    public async Task A_new_version_in_force_is_accepted_before_the_next_contribution_and_registration_records_it()
    {
        foreach (var denied in new[] { await (await As("citizen@example.org")).GetAsync("/rules/manage"), await (await As("admin.levski@example.org", "/t/levski")).GetAsync("/rules/manage") })
        {
            denied.StatusCode.ShouldBe(HttpStatusCode.Redirect);
            denied.Headers.Location!.ToString().ShouldContain("/account/access-denied");
        }
        var admin = await As("admin.sliven@example.org");

        var past = await (await admin.SubmitAsync("/rules/manage", Version(Today.AddDays(-1), "Минало"))).ParseAsync();
        past.FieldError("Input.EffectiveOn").ShouldBe("Датата на влизане в сила не може да е в миналото.");
        var hostile = Version(Today, "Промяна\u202E");
        var bad = await (await admin.SubmitAsync("/rules/manage", hostile)).ParseAsync();
        bad.FieldError("Input.Changes").ShouldNotBeEmpty();

        var published = await admin.SubmitAsync("/rules/manage", Version(Today, "Първа версия <b>за Сливен</b>"));
        published.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await app.WithDbAsync(db => db.AuditEntries.CountAsync(a => a.Action == "rules.version"), "sliven")).ShouldBe(1);

        var citizen = await As("citizen@example.org");
        var refused = await citizen.SubmitAsync("/feedback/new", Feedback("Лампа на ъгъла"));
        refused.StatusCode.ShouldBe(HttpStatusCode.OK);
        var page = await refused.ParseAsync();
        page.QuerySelector(".error-summary")!.TextContent.ShouldContain("Правилата за участие са променени (версия 1");
        page.QuerySelector("[name='Input.Title']")!.GetAttribute("value").ShouldBe("Лампа на ъгъла");
        (await app.WithDbAsync(db => db.FeedbackReports.CountAsync(r => r.Title == "Лампа на ъгъла"), "sliven")).ShouldBe(0);

        var accept = await citizen.GetPageAsync("/rules/accept?returnUrl=/feedback/new");
        accept.QuerySelector(".lead")!.TextContent.ShouldStartWith("Версия 1 на правилата е в сила");
        // Only the version in force can be accepted, and the way back stays on this site.
        (await citizen.SubmitAsync("/rules/accept?returnUrl=/feedback/new", new Dictionary<string, string> { ["version"] = "7" })).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var accepted = await citizen.SubmitAsync("/rules/accept?returnUrl=https://evil.example/", new Dictionary<string, string> { ["returnUrl"] = "https://evil.example/" });
        accepted.StatusCode.ShouldBe(HttpStatusCode.Redirect);
        accepted.Headers.Location!.ToString().ShouldBe("/rules");

        var sent = await citizen.SubmitAsync("/feedback/new", Feedback("Лампа на ъгъла"));
        sent.StatusCode.ShouldBe(HttpStatusCode.Redirect, Forms.Trim(await sent.Content.ReadAsStringAsync()));
        (await (await As("citizen@example.org")).GetPageAsync("/rules/accept")).QuerySelector(".lead")!.TextContent.ShouldBe("Приели сте правилата в сила; няма какво да приемате.");

        // A person who registers now accepts the version in force.
        var registered = await app.Client().SubmitAsync("/account/register", new Dictionary<string, string>
        {
            ["Input.Email"] = "rules-new@example.org",
            ["Input.DisplayName"] = "Нов Участник",
            ["Input.Password"] = "Glas-rules-2026-test",
            ["Input.ConfirmPassword"] = "Glas-rules-2026-test",
            ["Input.Kind"] = "Citizen",
            ["Input.AcceptRules"] = "true",
        });
        registered.IsSuccessStatusCode.ShouldBeTrue();
        (await app.WithDbAsync(db => db.RulesAcceptances.Where(a => db.Users.Any(u => u.Id == a.UserId && u.Email == "rules-new@example.org")).Select(a => a.Version).ToListAsync(), "sliven"))
            .ShouldBe([1]);
    }

    [Fact]
    public async Task The_moderation_log_counts_hidden_comments_by_month_and_reason_without_saying_which()
    {
        var now = app.Clock.GetUtcNow();
        await app.WithDbAsync(async db =>
        {
            var comments = await db.Comments.Where(c => c.HiddenAt == null).OrderBy(c => c.CreatedAt).Take(3).ToListAsync();
            comments.Count.ShouldBe(3);
            comments[0].HiddenAt = now;
            comments[0].HiddenReason = "Обида (проверка)";
            comments[1].HiddenAt = now;
            comments[1].HiddenReason = "Обида (проверка)";
            comments[2].HiddenAt = now;
            comments[2].HiddenReason = "Реклама (проверка)";
            return await db.SaveChangesAsync();
        }, "sliven");
        var page = await (await As(null)).GetPageAsync("/rules/moderation");
        var reasons = page.GetElementById("moderation-reasons")!.QuerySelectorAll("tbody tr").Select(r => r.TextContent).ToList();
        reasons.ShouldContain(r => r.Contains("Обида (проверка)", StringComparison.Ordinal) && r.EndsWith('2'));
        reasons.ShouldContain(r => r.Contains("Реклама (проверка)", StringComparison.Ordinal) && r.EndsWith('1'));
        int.Parse(page.GetElementById("moderation-months")!.QuerySelector("tbody tr td")!.TextContent, System.Globalization.CultureInfo.InvariantCulture).ShouldBeGreaterThanOrEqualTo(3);
        // Another administration's log does not show them.
        (await (await As(null)).GetPageAsync("/t/levski/rules/moderation")).QuerySelector(".empty").ShouldNotBeNull();
    }
}
