using System.Net;
using System.Text.RegularExpressions;
using Glas.Web.Participation.Notifications;
using Glas.Web.Platform.Jobs;
using Glas.Web.Tests.TestSupport;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Shouldly;
using Xunit;

namespace Glas.Web.Tests.Participation.Notifications;

/// <summary>Follow, notify and unsubscribe over HTTP, as a browser without JavaScript and a mail program use them.</summary>
[Trait("Category", "Integration")]
public partial class NotificationsTests(GlasFactory app) : IClassFixture<GlasFactory>
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

    private static async Task<HttpResponseMessage> PostAsync(HttpClient client, string page, string action, IDictionary<string, string> fields)
    {
        var token = await client.TokenAsync(page);
        return await client.PostAsync(action, new FormUrlEncodedContent(fields.Append(new("__RequestVerificationToken", token))));
    }

    private Task<Guid> ProjectAsync(string slug, int skip = 0) =>
        app.WithDbAsync(db => db.Projects.OrderBy(p => p.CreatedAt).ThenBy(p => p.Id).Skip(skip).Select(p => p.Id).FirstAsync(), slug);

    private Task<Guid> UserAsync(string email) => app.WithDbAsync(db => db.Users.Where(u => u.Email == email).Select(u => u.Id).SingleAsync());

    private Task<HttpResponseMessage> FollowAsync(HttpClient client, Guid project, bool follow = true, string prefix = "") =>
        PostAsync(client, $"{prefix}/projects/{project}", $"{prefix}/projects/{project}?handler=follow", new Dictionary<string, string> { ["follow"] = follow ? "true" : "false" });

    private Task<HttpResponseMessage> AddPaymentAsync(HttpClient official, Guid project, string amount = "1", string prefix = "") =>
        PostAsync(official, $"{prefix}/projects/{project}/payments", $"{prefix}/projects/{project}/payments",
            new Dictionary<string, string> { ["amount"] = amount, ["paidOn"] = "", ["note"] = "Тестово плащане" });

    private async Task<List<Notification>> WaitForNotificationsAsync(Guid user, Guid subject, int count)
    {
        for (var i = 0; i < 100; i++)
        {
            var found = await app.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().Where(n => n.UserId == user && n.SubjectId == subject).OrderBy(n => n.CreatedAt).ToListAsync());
            if (found.Count >= count)
            {
                return found;
            }
            await Task.Delay(100);
        }
        throw new TimeoutException($"Fewer than {count} notifications within 10 s.");
    }

    private Task<bool> FollowsAsync(Guid user, Guid subject) =>
        app.WithDbAsync(db => db.Follows.IgnoreQueryFilters().AnyAsync(f => f.UserId == user && f.SubjectId == subject));

    [Fact]
    public async Task Following_needs_sign_in_and_a_form_token_and_stays_in_the_projects_administration()
    {
        var project = await ProjectAsync("sliven");
        var levskiProject = await ProjectAsync("levski");
        var ngo = await UserAsync("ngo@example.org");

        var anonymous = await As(null);
        var page = await anonymous.GetPageAsync($"/projects/{project}");
        page.QuerySelector(".follow a")!.TextContent.ShouldBe("Влезте, за да следвате");
        (await FollowAsync(anonymous, project)).StatusCode.ShouldBe(HttpStatusCode.Redirect); // to sign in
        var client = await As("ngo@example.org");
        (await client.PostAsync($"/projects/{project}?handler=follow", new FormUrlEncodedContent([new("follow", "true")]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await FollowsAsync(ngo, project)).ShouldBeFalse();

        (await FollowAsync(client, project)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await FollowsAsync(ngo, project)).ShouldBeTrue();
        (await FollowAsync(client, project)).StatusCode.ShouldBe(HttpStatusCode.Redirect); // twice is once
        (await app.WithDbAsync(db => db.Follows.IgnoreQueryFilters().CountAsync(f => f.UserId == ngo && f.SubjectId == project))).ShouldBe(1);
        (await client.GetPageAsync($"/projects/{project}")).QuerySelector(".follow button")!.TextContent.ShouldBe("Спри да следваш");

        // Another administration's project is not found here.
        (await PostAsync(client, $"/projects/{project}", $"/projects/{levskiProject}?handler=follow", new Dictionary<string, string> { ["follow"] = "true" }))
            .StatusCode.ShouldBe(HttpStatusCode.NotFound);
        (await FollowsAsync(ngo, levskiProject)).ShouldBeFalse();

        (await FollowAsync(client, project, follow: false)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await FollowsAsync(ngo, project)).ShouldBeFalse();
    }

    [Fact]
    public async Task A_payment_notifies_the_follower_alone_in_their_administration_with_a_one_click_unsubscribe()
    {
        var project = await ProjectAsync("sliven");
        var citizenId = await UserAsync("citizen@example.org");
        var citizen = await As("citizen@example.org");
        (await FollowAsync(citizen, project)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var official = await As("official.sliven@example.org");
        (await FollowAsync(official, project)).StatusCode.ShouldBe(HttpStatusCode.Redirect);

        (await AddPaymentAsync(official, project)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var notice = (await WaitForNotificationsAsync(citizenId, project, 1)).ShouldHaveSingleItem();
        notice.Kind.ShouldBe("project.payment");

        // In the app: the count in the header (with words), the notice on the page.
        var home = await citizen.GetPageAsync("/");
        var link = home.QuerySelector("#nav-notifications")!;
        link.QuerySelector(".badge")!.TextContent.ShouldBe("1");
        link.TextContent.ShouldContain("1 непрочетени");
        var list = await citizen.GetPageAsync("/account/notifications");
        list.QuerySelector(".notifications li.unread a")!.TextContent.ShouldStartWith("Промяна в плащанията по проекта: ");
        list.QuerySelector(".notifications li a")!.GetAttribute("href").ShouldBe($"/projects/{project}");

        // The official who made the change is not notified; others and other administrations see nothing.
        (await app.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().CountAsync(n => n.UserId != citizenId && n.SubjectId == project))).ShouldBe(0);
        (await (await As("ngo@example.org")).GetPageAsync("/account/notifications")).QuerySelectorAll(".notifications li").Length.ShouldBe(0);
        (await citizen.GetPageAsync("/t/levski/account/notifications")).QuerySelectorAll(".notifications li").Length.ShouldBe(0);
        (await citizen.GetPageAsync("/t/levski/")).QuerySelector("#nav-notifications .badge").ShouldBeNull();

        // By e-mail at once, with the RFC 8058 headers on the administration's public address.
        var mail = await app.WaitForMailAsync("citizen@example.org");
        mail.ShouldContain("Промяна в плащанията по проекта");
        mail.ShouldContain($"http://localhost:5080/projects/{project}");
        mail.ShouldContain("List-Unsubscribe-Post: List-Unsubscribe=One-Click");
        var unsubscribe = UnsubscribeHeader().Match(mail).Groups[1].Value;
        unsubscribe.ShouldStartWith("http://localhost:5080/unsubscribe/");
        var path = new Uri(unsubscribe).AbsolutePath;

        // GET shows the choice and changes nothing.
        var anonymous = await As(null);
        var confirm = await anonymous.GetPageAsync(path);
        confirm.QuerySelector("#unsubscribe-subject")!.TextContent.ShouldBe(notice.Title);
        (await FollowsAsync(citizenId, project)).ShouldBeTrue();

        // Mark all read.
        (await PostAsync(citizen, "/account/notifications", "/account/notifications?handler=readall", new Dictionary<string, string>())).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await citizen.GetPageAsync("/")).QuerySelector("#nav-notifications .badge").ShouldBeNull();

        // The mail program's one-click POST: no sign-in, no antiforgery.
        var done = await anonymous.PostAsync(path, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]));
        done.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await done.ParseAsync()).QuerySelector("#unsubscribe-done")!.TextContent.ShouldContain("вече не следите");
        (await FollowsAsync(citizenId, project)).ShouldBeFalse();
        (await FollowsAsync(await UserAsync("official.sliven@example.org"), project)).ShouldBeTrue();
    }

    [Fact]
    public async Task A_tampered_unsubscribe_link_is_refused_with_a_clear_page()
    {
        var project = await ProjectAsync("sliven", skip: 0);
        var ngo = await UserAsync("ngo@example.org");
        var client = await As("ngo@example.org");
        (await FollowAsync(client, project)).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        var tokens = app.Services.GetRequiredService<UnsubscribeTokens>();
        var token = tokens.Create(ngo, "project", project);
        var tampered = token[..^6] + (token[^6] == 'x' ? 'y' : 'x') + token[^5..];

        var anonymous = await As(null);
        var get = await anonymous.GetAsync("/unsubscribe/" + tampered);
        get.StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        var page = await get.ParseAsync();
        page.QuerySelector("h1")!.TextContent.ShouldBe("Връзката за отписване не е валидна");
        page.QuerySelector("#unsubscribe-invalid")!.TextContent.ShouldContain("нищо не е променено");
        (await anonymous.PostAsync("/unsubscribe/" + tampered, new FormUrlEncodedContent([new("List-Unsubscribe", "One-Click")]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await anonymous.PostAsync("/unsubscribe/" + Guid.NewGuid().ToString("N"), new FormUrlEncodedContent([]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await FollowsAsync(ngo, project)).ShouldBeTrue();

        // The page's own buttons need its form token; with it, "all e-mail" stops all e-mail and keeps the follow.
        (await anonymous.PostAsync($"/unsubscribe/{token}?handler=choose", new FormUrlEncodedContent([new("scope", "all")]))).StatusCode.ShouldBe(HttpStatusCode.BadRequest);
        (await app.WithDbAsync(db => db.NotificationSettings.AnyAsync(s => s.UserId == ngo))).ShouldBeFalse();
        var chosen = await PostAsync(anonymous, $"/unsubscribe/{token}", $"/unsubscribe/{token}?handler=choose", new Dictionary<string, string> { ["scope"] = "all" });
        chosen.StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.WithDbAsync(db => db.NotificationSettings.SingleAsync(s => s.UserId == ngo))).Email.ShouldBe(EmailChoice.Never);
        (await FollowsAsync(ngo, project)).ShouldBeTrue();
        (await client.GetPageAsync("/account/notification-settings")).QuerySelector("input[name=Email][checked]")!.GetAttribute("value").ShouldBe("Never");
        (await PostAsync(client, "/account/notification-settings", "/account/notification-settings", new Dictionary<string, string> { ["Email"] = "Immediately" })).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        (await PostAsync(client, "/account/notification-settings", "/account/notification-settings", new Dictionary<string, string> { ["Email"] = "7" })).StatusCode.ShouldBe(HttpStatusCode.OK);
        (await app.WithDbAsync(db => db.NotificationSettings.SingleAsync(s => s.UserId == ngo))).Email.ShouldBe(EmailChoice.Immediately);
        await FollowAsync(client, project, follow: false);
    }

    [Fact]
    public async Task Daily_digest_followers_get_one_mail_with_every_change()
    {
        // A moderator of Левски follows its project and takes the daily digest.
        var project = await ProjectAsync("levski");
        var moderator = await UserAsync("moderator.levski@example.org");
        var follower = await As("moderator.levski@example.org", "/t/levski");
        (await PostAsync(follower, "/t/levski/account/notification-settings", "/t/levski/account/notification-settings", new Dictionary<string, string> { ["Email"] = "DailyDigest" }))
            .StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await FollowAsync(follower, project, prefix: "/t/levski");

        var official = await As("official.levski@example.org", "/t/levski");
        (await AddPaymentAsync(official, project, prefix: "/t/levski")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await WaitForNotificationsAsync(moderator, project, 1);
        (await AddPaymentAsync(official, project, "2", prefix: "/t/levski")).StatusCode.ShouldBe(HttpStatusCode.Redirect);
        await WaitForNotificationsAsync(moderator, project, 2);
        (await app.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().CountAsync(n => n.UserId == moderator && n.EmailedAt != null))).ShouldBe(0);
        var booked = await app.WithDbAsync(db => db.Jobs.Where(j => j.Kind == DigestJob.JobKind && j.Status == JobStatus.Pending).ToListAsync());
        booked.ShouldHaveSingleItem().RunAt.ShouldBe(DigestRules.NextDigestAt(booked[0].CreatedAt));

        await app.Services.GetServices<IJobHandler>().OfType<DigestJob>().Single().RunAsync("{}", CancellationToken.None);
        var mail = await app.WaitForMailAsync("moderator.levski@example.org");
        mail.ShouldContain($"http://localhost:5080/t/levski/projects/{project}");
        Regex.Count(mail, "Промяна в плащанията по проекта").ShouldBe(2);
        mail.ShouldContain("List-Unsubscribe: <http://localhost:5080/t/levski/unsubscribe/");
        (await app.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().CountAsync(n => n.UserId == moderator && n.EmailedAt == null))).ShouldBe(0);

        // Run again: nothing left, no second mail.
        await app.Services.GetServices<IJobHandler>().OfType<DigestJob>().Single().RunAsync("{}", CancellationToken.None);
        await Task.Delay(1000);
        Directory.GetFiles(app.MailDirectory, "*.eml").Count(f => File.ReadAllText(f).Contains("To: moderator.levski@example.org", StringComparison.Ordinal)).ShouldBe(1);
    }

    [Fact]
    public async Task Follows_and_notifications_are_in_the_personal_data_and_erased_with_it()
    {
        var project = await ProjectAsync("haskovo");
        var user = await UserAsync("admin.haskovo@example.org");
        var official = await As("official.haskovo@example.org", "/t/haskovo");
        var admin = await As("admin.haskovo@example.org", "/t/haskovo");
        await FollowAsync(admin, project, prefix: "/t/haskovo");
        await AddPaymentAsync(official, project, prefix: "/t/haskovo");
        await WaitForNotificationsAsync(user, project, 1);

        var module = new NotificationsModule();
        var data = System.Text.Json.JsonSerializer.Serialize(await app.WithDbAsync(db => module.PersonalDataAsync(db, user, CancellationToken.None)));
        data.ShouldContain(project.ToString());
        data.ShouldContain("project.payment");
        var consultations = System.Text.Json.JsonSerializer.Serialize(await app.WithDbAsync(db => new Glas.Web.Consultations.ConsultationsModule().PersonalDataAsync(db, user, CancellationToken.None)));
        consultations.ShouldNotContain("follows");

        await app.WithDbAsync(async db => { await module.ErasePersonalDataAsync(db, user, CancellationToken.None); return 0; });
        (await FollowsAsync(user, project)).ShouldBeFalse();
        (await app.WithDbAsync(db => db.Notifications.IgnoreQueryFilters().CountAsync(n => n.UserId == user))).ShouldBe(0);
    }

    [GeneratedRegex(@"List-Unsubscribe: <([^>]+)>")]
    private static partial Regex UnsubscribeHeader();
}
